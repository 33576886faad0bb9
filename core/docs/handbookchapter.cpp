// SPDX-License-Identifier: Apache-2.0
#include "handbookchapter_p.h"

#include <algorithm>
#include <set>

#include "tributary/base/text.h"
#include "tributary/docs/markdownhtml.h"

namespace tributary {
namespace {

// Long lists (the models a busy source feeds) are cut here, with the rest counted.
constexpr std::size_t kListed = 40;

std::string kindTitle(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Provider: return "Provider";
    case ResourceKind::Entity: return "Entity";
    case ResourceKind::Source: return "Source";
    case ResourceKind::Feature: return "Feature";
    case ResourceKind::Label: return "Label";
    case ResourceKind::TrainingSet: return "Training set";
    case ResourceKind::Model: return "Model";
    }
    return {};
}

std::string joined(const std::vector<std::string> &items, const std::string &separator = ", ")
{
    std::string text;
    for (const std::string &item : items)
        text += (text.empty() ? "" : separator) + item;
    return text;
}

std::string escapedTags(const std::vector<std::string> &tags)
{
    std::vector<std::string> escaped;
    for (const std::string &tag : tags) {
        const bool personal = tagMatches("pii", tag);
        escaped.push_back(personal ? "<span style=\"color:#b3261e\"><b>" + escapeHtml(tag) + "</b></span>"
                                   : escapeHtml(tag));
    }
    return joined(escaped);
}

std::string row(const std::string &label, const std::string &html)
{
    return "<tr><td width=\"22%\"><b>" + escapeHtml(label) + "</b></td><td>" + html + "</td></tr>";
}

std::string table(const std::string &rows)
{
    return "<table width=\"100%\" cellspacing=\"0\" cellpadding=\"3\" border=\"1\""
           " style=\"border-collapse:collapse; border-style:solid; border-color:#c8c8c8\">"
        + rows + "</table>";
}

std::string heading(const std::string &text) { return "<h3>" + escapeHtml(text) + "</h3>"; }

std::string where(const Provenance &provenance)
{
    return "import " + std::to_string(provenance.import.value) + " (" + provenance.at.toIso() + "), "
        + provenance.file + (provenance.line > 0 ? ":" + std::to_string(provenance.line) : "")
        + ", sha256 " + provenance.fileSha256.substr(0, 12);
}

} // namespace

ChapterWriter::ChapterWriter(std::shared_ptr<const LineageGraph> graph, const PropagationPolicy &policy,
                             std::map<Ref, std::size_t> numbers)
    : m_graph(graph), m_builder(graph, policy), m_traversal(*graph), m_numbers(std::move(numbers))
{
}

std::string ChapterWriter::refer(const Ref &ref) const
{
    const auto found = m_numbers.find(ref);
    if (found == m_numbers.end())
        return escapeHtml(ref.toString());
    return escapeHtml(ref.toString()) + " <span style=\"color:#5f6b7a\">(ch. " + std::to_string(found->second)
        + ")</span>";
}

Result<HandbookChapter> ChapterWriter::write(CatalogStore &store, const Ref &ref, const AsOf &asOf)
{
    auto doc = m_builder.build(store, ref, asOf);
    if (!doc)
        return tl::unexpected(doc.error());
    HandbookChapter chapter;
    chapter.ref = ref;
    const auto number = m_numbers.find(ref);
    chapter.number = number == m_numbers.end() ? 0 : number->second;
    chapter.title = kindTitle(ref.kind) + " " + ref.shortString();
    chapter.diagramMarker = "[lineage diagram of chapter " + std::to_string(chapter.number) + "]";
    chapter.diagram = doc->neighbourhood;

    const Resource &resource = doc->stored.resource;
    std::string html = "<h1><span style=\"color:#8a96a3\">" + std::to_string(chapter.number)
        + "</span>&nbsp;&nbsp;" + escapeHtml(chapter.title) + "</h1>";
    html += facts(*doc);
    if (!resource.meta.description.empty()) {
        html += heading("Documentation");
        // Print has no links: an asset linked from the docs is named, as text.
        html += markdownToHtml(resource.meta.description, [](const Ref &) { return std::string(); });
    }
    html += specifics(*doc);
    html += columns(*doc);
    html += compliance(*doc);
    html += versions(*doc);
    // The chapter ends with text, not a table: a table at a document's end is followed by an
    // empty paragraph, which can spill onto a page of its own.
    html += heading("Lineage");
    if (!chapter.diagram.nodes.empty())
        html += "<p>" + escapeHtml(chapter.diagramMarker) + "</p>";
    std::vector<std::string> up, down;
    for (const AssetNeighbour &neighbour : doc->upstream)
        up.push_back(refer(neighbour.summary.ref));
    for (const AssetNeighbour &neighbour : doc->downstream)
        down.push_back(refer(neighbour.summary.ref));
    html += "<p><b>Upstream (" + std::to_string(up.size()) + "):</b> "
        + (up.empty() ? std::string("nothing") : joined(up)) + "</p>";
    html += "<p><b>Downstream (" + std::to_string(down.size()) + "):</b> "
        + (down.empty() ? std::string("nothing") : joined(down)) + "</p>";
    chapter.html = std::move(html);
    return chapter;
}

std::string ChapterWriter::facts(const AssetDoc &doc) const
{
    const Resource &resource = doc.stored.resource;
    std::string rows = row("Status", escapeHtml(statusName(resource.meta.status)));
    if (const auto *model = resource.as<ModelSpec>())
        rows += row("Stage", escapeHtml(stageName(model->stage)));
    rows += row("Owner", resource.meta.owner.empty() ? "<i>none</i>" : escapeHtml(resource.meta.owner));
    if (!resource.meta.tags.empty())
        rows += row("Tags", escapedTags(resource.meta.tags));
    for (const auto &[key, value] : resource.meta.properties)
        rows += row(key, escapeHtml(value));
    rows += row("Defined", escapeHtml(where(doc.stored.created)));
    if (doc.stored.revised.import != doc.stored.created.import)
        rows += row("Metadata from", escapeHtml(where(doc.stored.revised)));
    rows += row("Definition hash", "<code>" + escapeHtml(doc.stored.definitionHash) + "</code>");
    return table(rows);
}

std::string ChapterWriter::specifics(const AssetDoc &doc) const
{
    const Resource &resource = doc.stored.resource;
    std::string rows;
    std::string definition;
    if (const auto *source = resource.as<SourceSpec>()) {
        rows += row("Type", escapeHtml(sourceTypeName(source->type)));
        if (source->provider)
            rows += row("Provider", refer(source->provider->ref));
        if (!source->location.empty())
            rows += row("Location", "<code>" + escapeHtml(source->location) + "</code>");
        std::vector<std::string> inputs;
        for (const Reference &input : source->inputs)
            inputs.push_back(refer(input.ref));
        if (!inputs.empty())
            rows += row("Inputs", joined(inputs));
        definition = source->definition;
    } else if (const auto *feature = resource.as<FeatureSpec>()) {
        if (feature->entity)
            rows += row("Entity", refer(feature->entity->ref));
        if (feature->source)
            rows += row("Source", refer(feature->source->ref) + " column <code>"
                    + escapeHtml(feature->column) + "</code>");
        if (!feature->type.empty())
            rows += row("Type", escapeHtml(feature->type));
        if (feature->stats) {
            const FeatureStats &stats = *feature->stats;
            std::vector<std::string> summary;
            const auto add = [&](const char *name, const std::optional<double> &value) {
                if (value)
                    summary.push_back(std::string(name) + " " + formatNumber(*value));
            };
            add("count", stats.count);
            add("null fraction", stats.nullFraction);
            add("mean", stats.mean);
            add("min", stats.min);
            add("max", stats.max);
            if (!summary.empty())
                rows += row("Statistics", escapeHtml(joined(summary)));
        }
        definition = feature->definition;
    } else if (const auto *set = resource.as<TrainingSetSpec>()) {
        if (set->label)
            rows += row("Label", refer(set->label->ref));
        std::vector<std::string> features;
        for (const Reference &member : set->features)
            features.push_back(refer(member.ref));
        rows += row("Features (" + std::to_string(features.size()) + ")", joined(features));
    } else if (const auto *model = resource.as<ModelSpec>()) {
        std::vector<std::string> sets, features, metrics;
        for (const Reference &trainingSet : model->trainingSets)
            sets.push_back(refer(trainingSet.ref));
        for (const Reference &used : model->features)
            features.push_back(refer(used.ref));
        for (const auto &[name, value] : model->metrics)
            metrics.push_back(escapeHtml(name) + " " + formatNumber(value));
        if (!sets.empty())
            rows += row("Training sets", joined(sets));
        if (!features.empty())
            rows += row("Inference features", joined(features));
        if (!metrics.empty())
            rows += row("Metrics", joined(metrics));
    }
    std::string html;
    if (!rows.empty())
        html += heading("Definition") + table(rows);
    if (!definition.empty())
        html += "<pre>" + escapeHtml(definition) + "</pre>";
    return html;
}

std::string ChapterWriter::columns(const AssetDoc &doc) const
{
    const auto *source = doc.stored.resource.as<SourceSpec>();
    if (!source || source->columns.empty())
        return {};
    std::string rows = "<tr><td><b>Column</b></td><td><b>Type</b></td><td><b>Description</b></td>"
                       "<td><b>Tags</b></td><td><b>Reached by</b></td></tr>";
    for (const Column &column : source->columns) {
        std::vector<std::string> reached;
        for (const AssetTag &tag : doc.propagated)
            if (tag.column == column.name)
                reached.push_back(escapeHtml(tag.tag));
        rows += "<tr><td><code>" + escapeHtml(column.name) + "</code></td><td>" + escapeHtml(column.type)
            + "</td><td>" + escapeHtml(column.description) + "</td><td>" + escapedTags(column.tags)
            + "</td><td>" + joined(reached) + "</td></tr>";
    }
    return heading("Columns (" + std::to_string(source->columns.size()) + ")") + table(rows);
}

std::string ChapterWriter::compliance(const AssetDoc &doc)
{
    const Resource &resource = doc.stored.resource;
    std::string html = heading("Compliance facts");
    // Personal data written here.
    std::vector<std::string> written;
    for (const std::string &tag : resource.meta.tags)
        if (tagMatches("pii", tag))
            written.push_back(escapeHtml(tag) + " on the resource");
    if (const auto *source = resource.as<SourceSpec>())
        for (const Column &column : source->columns)
            for (const std::string &tag : column.tags)
                if (tagMatches("pii", tag))
                    written.push_back(escapeHtml(tag) + " on <code>" + escapeHtml(column.name) + "</code>");
    html += "<p><b>Personal data written here:</b> "
        + (written.empty() ? std::string("none") : joined(written, "; ")) + "</p>";

    std::string rows;
    std::size_t personal = 0;
    for (const AssetTag &tag : doc.propagated) {
        if (!tagMatches("pii", tag.tag))
            continue;
        ++personal;
        rows += "<tr><td><span style=\"color:#b3261e\"><b>" + escapeHtml(tag.tag) + "</b></span></td><td>"
            + (tag.column.empty() ? std::string("<i>whole resource</i>") : "<code>" + escapeHtml(tag.column) + "</code>")
            + "</td><td>" + escapeHtml(evidenceStrengthName(tag.strength)) + "</td><td>" + escapeHtml(tag.path)
            + "</td></tr>";
    }
    if (personal == 0) {
        html += "<p><b>Personal data that travelled here:</b> none</p>";
    } else {
        html += "<p><b>Personal data that travelled here (" + std::to_string(personal) + "):</b></p>";
        html += table("<tr><td><b>Tag</b></td><td><b>Where</b></td><td><b>Evidence</b></td><td><b>Path</b></td></tr>"
            + rows);
    }

    const auto node = m_graph->find(resource.ref);
    if (!node)
        return html;
    const auto reachedList = [&](Direction direction, ResourceKind kind, const std::string &label) {
        ClosureQuery query;
        query.start = *node;
        query.direction = direction;
        query.kinds = {kind};
        const std::vector<ReachedNode> reached = m_traversal.closure(query);
        std::vector<std::string> items;
        for (std::size_t i = 0; i < reached.size() && i < kListed; ++i)
            items.push_back(refer(m_graph->resource(reached[i].node).ref));
        if (reached.size() > kListed)
            items.push_back("and " + std::to_string(reached.size() - kListed) + " more");
        return "<p><b>" + escapeHtml(label) + " (" + std::to_string(reached.size()) + "):</b> "
            + (items.empty() ? std::string("none") : joined(items)) + "</p>";
    };
    if (resource.kind() != ResourceKind::Model)
        html += reachedList(Direction::Down, ResourceKind::Model, "Models it feeds, at any depth");
    if (resource.kind() == ResourceKind::Model || resource.kind() == ResourceKind::TrainingSet)
        html += reachedList(Direction::Up, ResourceKind::Feature, "Features it rests on");
    return html;
}

std::string ChapterWriter::versions(const AssetDoc &doc) const
{
    std::string html = heading("Versions and history");
    std::vector<std::string> versions;
    for (const Ref &version : doc.versions)
        versions.push_back(version == doc.stored.resource.ref ? "<b>" + escapeHtml(version.shortString()) + "</b>"
                                                              : refer(version));
    html += "<p>" + (versions.empty() ? std::string("this one only") : joined(versions)) + "</p>";
    std::string rows = "<tr><td><b>Change</b></td><td><b>When</b></td><td><b>By</b></td><td><b>Evidence</b></td></tr>";
    for (const Revision &revision : doc.history)
        rows += "<tr><td>" + escapeHtml(revisionChangeName(revision.change)) + "</td><td>"
            + escapeHtml(revision.provenance.at.toIso()) + "</td><td>" + escapeHtml(revision.author) + "</td><td>"
            + escapeHtml(where(revision.provenance)) + "</td></tr>";
    return html + table(rows);
}

} // namespace tributary
