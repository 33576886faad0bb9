// SPDX-License-Identifier: Apache-2.0
// countRouteCrossings(): crossings by geometry alone, to check the layering's own count. It
// knows nothing of layers: segments sorted by their left end, each tested against those whose
// x extent overlaps it, with a bounding-box test before the exact one.
#include <algorithm>

#include "tributary/layout/layeredlayout.h"

namespace tributary {

namespace {

struct Segment {
    LayoutPoint a, b;
    double minX, maxX, minY, maxY;
};

int orientation(const LayoutPoint &p, const LayoutPoint &q, const LayoutPoint &r)
{
    const double cross = (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x);
    return cross > 0 ? 1 : cross < 0 ? -1 : 0;
}

// Interiors cross at one point: a shared end, a touch or collinear overlap is not a crossing.
bool properlyIntersect(const Segment &s, const Segment &t)
{
    return orientation(s.a, s.b, t.a) * orientation(s.a, s.b, t.b) < 0
        && orientation(t.a, t.b, s.a) * orientation(t.a, t.b, s.b) < 0;
}

} // namespace

std::size_t countRouteCrossings(const Layout &layout)
{
    std::vector<Segment> segments;
    for (const RoutedEdge &route : layout.edges) {
        if (route.selfLoop)
            continue;
        for (std::size_t i = 0; i + 1 < route.points.size(); ++i) {
            const LayoutPoint &a = route.points[i];
            const LayoutPoint &b = route.points[i + 1];
            if (a == b)
                continue;
            segments.push_back({a, b, std::min(a.x, b.x), std::max(a.x, b.x), std::min(a.y, b.y),
                std::max(a.y, b.y)});
        }
    }
    std::sort(segments.begin(), segments.end(),
        [](const Segment &s, const Segment &t) { return s.minX < t.minX; });
    std::size_t crossings = 0;
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const Segment &s = segments[i];
        for (std::size_t j = i + 1; j < segments.size() && segments[j].minX <= s.maxX; ++j) {
            const Segment &t = segments[j];
            if (t.maxY < s.minY || t.minY > s.maxY)
                continue;
            crossings += properlyIntersect(s, t);
        }
    }
    return crossings;
}

} // namespace tributary
