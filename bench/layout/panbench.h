// SPDX-License-Identifier: Apache-2.0
// Frame times of the desktop's lineage view while panning a large drawing (offscreen).
#pragma once

#include <string>
#include <vector>

#include "tributary/layout/layeredlayout.h"
#include "tributary/lineage/lineagegraph.h"

namespace tributary::bench {

// Milliseconds a frame: panning (scroll, paint what came into sight) and repainting the whole
// view (as a zoom step does), at 100% (names readable) and at 25% (thousands of nodes on
// screen, drawn with less detail).
struct PanFigures {
    int frames = 0; // per measurement
    double readableP50 = 0, readableP99 = 0, readableFullP99 = 0;
    double overviewP50 = 0, overviewP99 = 0, overviewFullP99 = 0;
};

// Draws `nodes` of `graph` where `layout` put them in a 1400x900 lineage view and pans it,
// painting every frame. Saves screenshots of both zooms and of the whole drawing into `folder`.
PanFigures measurePanning(const LineageGraph &graph, const std::vector<NodeId> &nodes,
    const LayoutGraph &drawing, const Layout &layout, const std::string &folder);

} // namespace tributary::bench
