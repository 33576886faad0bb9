// SPDX-License-Identifier: Apache-2.0
// The kind-specific facts on an asset page: what a source reads, what a feature computes and
// how its values are spread, what a training set and a model are made of, and how a model did.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "docsite_p.h"
#include "tributary/base/text.h"
#include "tributary/docs/markdownhtml.h"

namespace tributary::docs_detail {
namespace {

std::string number(double value) { return formatNumber(value); }

std::string row(std::string_view label, const std::string &html)
{
    if (html.empty())
        return {};
    return "<dt>" + std::string(label) + "</dt><dd>" + html + "</dd>\n";
}

std::string refsHtml(
    std::string_view root, const SiteContext &site, const std::vector<Reference> &refs)
{
    if (refs.empty())
        return {};
    std::string out = "<ul class=\"refs\">";
    for (const Reference &ref : refs)
        out += "<li>" + refHtml(root, site, ref.ref) + "</li>";
    return out + "</ul>";
}

std::string statsText(const FeatureStats &stats)
{
    std::string text;
    const auto add = [&](const char *name, const std::optional<double> &value) {
        if (value)
            text += std::string(text.empty() ? "" : ", ") + name + " " + number(*value);
    };
    add("count", stats.count);
    add("null fraction", stats.nullFraction);
    add("mean", stats.mean);
    add("min", stats.min);
    add("max", stats.max);
    return escapeHtml(text);
}

// The histogram as bars in SVG (presentation attributes only: the page's policy forbids
// inline style) and as a table, for reading the numbers and for screen readers.
std::string histogramHtml(const std::vector<HistogramBucket> &buckets)
{
    if (buckets.empty())
        return {};
    double largest = 0;
    for (const HistogramBucket &b : buckets)
        largest = std::max(largest, b.count);
    constexpr double kBar = 28, kGap = 6, kHeight = 90;
    const double width = double(buckets.size()) * (kBar + kGap) + kGap;
    std::string svg = "<svg class=\"histogram\" viewBox=\"0 0 " + number(width) + " "
        + number(kHeight + 4) + "\" width=\"" + number(width) + "\" height=\"" + number(kHeight + 4)
        + "\" role=\"img\" aria-label=\"histogram\">";
    std::string table = "<table class=\"histogram\"><thead><tr><th>Bucket</th><th>Count</th>"
                        "</tr></thead><tbody>";
    for (std::size_t i = 0; i < buckets.size(); ++i) {
        const double h = largest > 0 ? std::max(1.0, kHeight * buckets[i].count / largest) : 1.0;
        svg += "<rect x=\"" + number(kGap + double(i) * (kBar + kGap)) + "\" y=\""
            + number(kHeight - h + 2) + "\" width=\"" + number(kBar) + "\" height=\"" + number(h)
            + "\" fill=\"#059669\"><title>" + escapeHtml(buckets[i].bucket) + ": "
            + number(buckets[i].count) + "</title></rect>";
        table += "<tr><td>" + escapeHtml(buckets[i].bucket) + "</td><td class=\"num\">"
            + number(buckets[i].count) + "</td></tr>";
    }
    return svg + "</svg>\n" + table + "</tbody></table>\n";
}

std::string codeText(const std::string &text)
{
    return text.empty() ? std::string() : "<code>" + escapeHtml(text) + "</code>";
}

} // namespace

std::string refHtml(std::string_view root, const SiteContext &site, const Ref &ref)
{
    if (site.graph->find(ref))
        return assetLink(root, ref);
    return "<span class=\"unresolved\" title=\"not in this site\">" + escapeHtml(ref.toString())
        + "</span>";
}

std::string provenanceHtml(const Provenance &p)
{
    std::string out
        = "import " + std::to_string(p.import.value) + " (" + escapeHtml(p.at.toIso()) + ")";
    if (!p.file.empty()) {
        out += ", <code>" + escapeHtml(p.file);
        if (p.line > 0) {
            out += ':';
            out += std::to_string(p.line);
        }
        out += "</code>";
    }
    if (!p.fileSha256.empty())
        out += ", sha256 <code title=\"" + escapeHtml(p.fileSha256) + "\">"
            + escapeHtml(p.fileSha256.substr(0, 12)) + "\xE2\x80\xA6</code>";
    return out;
}

std::string factsHtml(std::string_view root, const SiteContext &site, const Resource &r)
{
    std::string dl;
    std::string after;
    if (const auto *p = r.as<ProviderSpec>())
        dl += row("Type", escapeHtml(p->type));
    if (const auto *s = r.as<SourceSpec>()) {
        dl += row("Type", std::string(sourceTypeName(s->type)));
        dl += row("Provider", s->provider ? refHtml(root, site, s->provider->ref) : "");
        dl += row("Location", codeText(s->location));
        dl += row("Inputs", refsHtml(root, site, s->inputs));
        dl += row("Language", escapeHtml(s->language));
    }
    if (const auto *f = r.as<FeatureSpec>()) {
        dl += row("Entity", f->entity ? refHtml(root, site, f->entity->ref) : "");
        if (f->source) {
            std::string source = refHtml(root, site, f->source->ref);
            if (!f->column.empty() && site.graph->find(f->source->ref))
                source += " column <a href=\"" + std::string(root) + assetPath(f->source->ref) + "#"
                    + columnAnchor(f->column) + "\"><code>" + escapeHtml(f->column) + "</code></a>";
            else if (!f->column.empty())
                source += " column " + codeText(f->column);
            dl += row("Source", source);
        }
        dl += row("Type", escapeHtml(f->type));
        dl += row("Language", escapeHtml(f->language));
        if (f->stats) {
            dl += row("Stats", statsText(*f->stats));
            after += f->stats->histogram.empty()
                ? std::string()
                : "<h3>Histogram</h3>\n" + histogramHtml(f->stats->histogram);
        }
    }
    if (const auto *t = r.as<TrainingSetSpec>()) {
        dl += row("Label", t->label ? refHtml(root, site, t->label->ref) : "");
        dl += row("Features", refsHtml(root, site, t->features));
    }
    if (const auto *m = r.as<ModelSpec>()) {
        dl += row("Stage", std::string(stageName(m->stage)));
        dl += row("Training sets", refsHtml(root, site, m->trainingSets));
        dl += row("Inference features", refsHtml(root, site, m->features));
        if (!m->metrics.empty()) {
            after += "<h3>Metrics</h3>\n<table class=\"metrics\"><thead><tr><th>Metric</th>"
                     "<th>Value</th></tr></thead><tbody>";
            for (const auto &[name, value] : m->metrics)
                after += "<tr><td>" + escapeHtml(name) + "</td><td class=\"num\">" + number(value)
                    + "</td></tr>";
            after += "</tbody></table>\n";
        }
    }
    return (dl.empty() ? std::string() : "<dl class=\"facts\">\n" + dl + "</dl>\n") + after;
}

} // namespace tributary::docs_detail
