// SPDX-License-Identifier: Apache-2.0
// Commands that read a store: list, show, search, history, diff.
#include <ostream>

#include <nlohmann/json.hpp>

#include "command.h"
#include "texttable.h"
#include "tributary/base/suggest.h"
#include "tributary/model/canonical.h"
#include "tributary/model/resourcediff.h"
#include "tributary/store/refresolver.h"

namespace tributary::cli {
namespace {

using nlohmann::json;

json summaryJson(const ResourceSummary &summary)
{
    json object = {{"ref", summary.ref.toString()},       {"kind", kindName(summary.ref.kind)},
                   {"name", summary.ref.name},            {"version", summary.ref.version},
                   {"owner", summary.owner},              {"tags", summary.tags},
                   {"status", statusName(summary.status)}, {"description", summary.description}};
    if (summary.stage)
        object["stage"] = stageName(*summary.stage);
    return object;
}

void printSummaries(const std::vector<ResourceSummary> &rows, bool asJson, Io &io)
{
    if (asJson) {
        json list = json::array();
        for (const ResourceSummary &row : rows)
            list.push_back(summaryJson(row));
        io.out << list.dump(2) << '\n';
        return;
    }
    TextTable table({"REF", "STATUS", "OWNER", "TAGS"});
    for (const ResourceSummary &row : rows) {
        std::string status(statusName(row.status));
        if (row.stage)
            status += "/" + std::string(stageName(*row.stage));
        table.addRow({row.ref.toString(), status, row.owner, joinWords(row.tags, " ")});
    }
    table.print(io.out);
}

// Parses and resolves a REF argument against the store.
Result<Ref> resolveArgument(CatalogStore &store, const std::string &text, const AsOf &asOf,
                            std::optional<std::string> *column = nullptr)
{
    auto parsed = parseRefText(text);
    if (!parsed)
        return tl::unexpected(parsed.error());
    if (parsed->column) {
        if (!column)
            return fail(ErrorCode::Invalid, "'" + text + "' names a column; give a resource here");
        *column = parsed->column;
        if (!parsed->kind)
            parsed->kind = ResourceKind::Source;
    }
    return resolveRef(store, *parsed, asOf);
}

struct Opened {
    std::unique_ptr<CatalogStore> store;
    AsOf asOf;
};

Result<Opened> openForReading(const Arguments &args)
{
    auto asOf = asOfOption(args);
    if (!asOf)
        return tl::unexpected(asOf.error());
    auto store = openStore(args, OpenMode::ReadOnly);
    if (!store)
        return tl::unexpected(store.error());
    return Opened{std::move(*store), *asOf};
}

int runList(const Arguments &args, Io &io)
{
    ResourceFilter filter;
    if (const auto kind = args.value("--kind")) {
        filter.kind = parseKind(*kind);
        if (!filter.kind) {
            io.err << "tributary list: unknown kind '" << *kind
                   << "'\n  hint: kinds are provider, entity, source, feature, label, training_set, model\n";
            return ExitUsage;
        }
    }
    filter.tag = args.value("--tag").value_or(std::string());
    filter.owner = args.value("--owner").value_or(std::string());
    if (const auto stage = args.value("--stage")) {
        filter.stage = parseStage(*stage);
        if (!filter.stage) {
            io.err << "tributary list: unknown stage '" << *stage << "'\n";
            return ExitUsage;
        }
    }
    auto opened = openForReading(args);
    if (!opened)
        return reportError(opened.error(), io);
    auto rows = opened->store->list(filter, opened->asOf);
    if (!rows)
        return reportError(rows.error(), io);
    printSummaries(*rows, args.flag("--json"), io);
    return ExitOk;
}

std::string provenanceText(const Provenance &p)
{
    std::string text = "import " + std::to_string(p.import.value) + " at " + p.at.toIso();
    if (!p.file.empty())
        text += ", " + p.file + ":" + std::to_string(p.line);
    if (!p.fileSha256.empty())
        text += " (sha256 " + p.fileSha256.substr(0, 16) + ")";
    return text;
}

json provenanceJson(const Provenance &p)
{
    return {{"import", p.import.value}, {"at", p.at.toIso()}, {"file", p.file}, {"line", p.line},
            {"sha256", p.fileSha256}};
}

void printField(std::ostream &out, std::string_view name, const std::string &value)
{
    if (!value.empty())
        out << "  " << name << std::string(name.size() < 14 ? 14 - name.size() : 1, ' ') << value << '\n';
}

std::string refList(const std::vector<Reference> &refs)
{
    std::vector<std::string> names;
    for (const Reference &ref : refs)
        names.push_back(ref.ref.toString());
    return joinWords(names);
}

void printColumns(std::ostream &out, const SourceSpec &spec)
{
    if (spec.columns.empty())
        return;
    out << "\ncolumns:\n";
    TextTable table({"  NAME", "TYPE", "TAGS", "DERIVED FROM"});
    for (const Column &column : spec.columns) {
        std::vector<std::string> derived;
        for (const ColumnDerivation &d : column.derivedFrom) {
            derived.push_back(d.from.ref.shortString()
                              + (d.transform == TransformKind::Identity
                                     ? ""
                                     : " (" + std::string(transformName(d.transform)) + ")"));
        }
        table.addRow({"  " + column.name, column.type, joinWords(column.tags, " "), joinWords(derived)});
    }
    table.print(out);
}

void printResource(std::ostream &out, const StoredResource &stored)
{
    const Resource &r = stored.resource;
    out << r.ref.toString() << '\n';
    printField(out, "status", std::string(statusName(r.meta.status)));
    printField(out, "owner", r.meta.owner);
    printField(out, "tags", joinWords(r.meta.tags, " "));
    for (const auto &[key, value] : r.meta.properties)
        printField(out, key, value);
    if (const auto *p = r.as<ProviderSpec>())
        printField(out, "type", p->type);
    if (const auto *s = r.as<SourceSpec>()) {
        printField(out, "type", std::string(sourceTypeName(s->type)));
        printField(out, "provider", s->provider ? s->provider->ref.toString() : "");
        printField(out, "location", s->location);
        printField(out, "inputs", refList(s->inputs));
        printField(out, "language", s->language);
    }
    if (const auto *f = r.as<FeatureSpec>()) {
        printField(out, "entity", f->entity ? f->entity->ref.toString() : "");
        printField(out, "source", f->source ? f->source->ref.toString() + "#" + f->column : "");
        printField(out, "type", f->type);
        printField(out, "language", f->language);
        if (f->stats) {
            std::string stats;
            const auto add = [&](const char *name, const std::optional<double> &v) {
                if (v)
                    stats += std::string(stats.empty() ? "" : ", ") + name + " " + json(*v).dump();
            };
            add("count", f->stats->count);
            add("null fraction", f->stats->nullFraction);
            add("mean", f->stats->mean);
            add("min", f->stats->min);
            add("max", f->stats->max);
            printField(out, "stats", stats);
        }
    }
    if (const auto *t = r.as<TrainingSetSpec>()) {
        printField(out, "label", t->label ? t->label->ref.toString() : "");
        printField(out, "features", refList(t->features));
    }
    if (const auto *m = r.as<ModelSpec>()) {
        printField(out, "stage", std::string(stageName(m->stage)));
        printField(out, "training sets", refList(m->trainingSets));
        printField(out, "features", refList(m->features));
        std::vector<std::string> metrics;
        for (const auto &[name, value] : m->metrics)
            metrics.push_back(name + " " + json(value).dump());
        printField(out, "metrics", joinWords(metrics));
    }
    printField(out, "defined in", provenanceText(stored.created));
    if (stored.revised.import != stored.created.import)
        printField(out, "revised in", provenanceText(stored.revised));
    if (const auto *s = r.as<SourceSpec>())
        printColumns(out, *s);
    const std::string &definition = r.as<SourceSpec>()   ? r.as<SourceSpec>()->definition
                                    : r.as<FeatureSpec>() ? r.as<FeatureSpec>()->definition
                                                          : std::string();
    if (!definition.empty())
        out << "\ndefinition:\n" << definition << (definition.ends_with('\n') ? "" : "\n");
    if (!r.meta.description.empty())
        out << "\n" << r.meta.description << (r.meta.description.ends_with('\n') ? "" : "\n");
}

int showColumn(const StoredResource &stored, const std::string &name, bool asJson, Io &io)
{
    const auto *spec = stored.resource.as<SourceSpec>();
    const Column *column = spec ? spec->findColumn(name) : nullptr;
    if (!column) {
        std::vector<std::string> names;
        for (const Column &c : spec ? spec->columns : std::vector<Column>{})
            names.push_back(c.name);
        return reportError({ErrorCode::NotFound,
                            stored.resource.ref.toString() + " has no column '" + name + "'", {},
                            didYouMean(name, names), {}},
                           io);
    }
    const ColumnRef ref{stored.resource.ref, column->name};
    json derived = json::array();
    for (const ColumnDerivation &d : column->derivedFrom)
        derived.push_back({{"column", d.from.ref.toString()}, {"transform", transformName(d.transform)}});
    if (asJson) {
        io.out << json{{"ref", ref.toString()},       {"kind", "column"},
                       {"source", ref.resource.toString()}, {"name", column->name},
                       {"type", column->type},        {"description", column->description},
                       {"tags", column->tags},        {"derived_from", derived},
                       {"defined_in", provenanceJson(stored.created)}}
                          .dump(2)
               << '\n';
        return ExitOk;
    }
    io.out << ref.toString() << '\n';
    printField(io.out, "type", column->type);
    printField(io.out, "tags", joinWords(column->tags, " "));
    for (const ColumnDerivation &d : column->derivedFrom)
        printField(io.out, "derived from", d.from.ref.toString() + " (" + std::string(transformName(d.transform)) + ")");
    printField(io.out, "defined in", provenanceText(stored.created));
    if (!column->description.empty())
        io.out << '\n' << column->description << '\n';
    return ExitOk;
}

int runShow(const Arguments &args, Io &io)
{
    auto opened = openForReading(args);
    if (!opened)
        return reportError(opened.error(), io);
    std::optional<std::string> column;
    auto ref = resolveArgument(*opened->store, args.positional().at(0), opened->asOf, &column);
    if (!ref)
        return reportError(ref.error(), io);
    auto stored = opened->store->get(*ref, opened->asOf);
    if (!stored)
        return reportError(stored.error(), io);
    const bool asJson = args.flag("--json");
    if (column)
        return showColumn(*stored, *column, asJson, io);
    if (asJson) {
        json object = resourceJson(stored->resource);
        object["definition_hash"] = stored->definitionHash;
        object["defined_in"] = provenanceJson(stored->created);
        object["revised_in"] = provenanceJson(stored->revised);
        object["as_of"] = opened->asOf.toString();
        io.out << object.dump(2) << '\n';
        return ExitOk;
    }
    printResource(io.out, *stored);
    return ExitOk;
}

int runSearch(const Arguments &args, Io &io)
{
    auto query = parseSearchQuery(args.positional().at(0));
    if (!query)
        return reportError(query.error(), io);
    if (const auto kind = args.value("--kind")) {
        const auto parsed = parseKind(*kind);
        if (!parsed) {
            io.err << "tributary search: unknown kind '" << *kind << "'\n";
            return ExitUsage;
        }
        query->kinds.push_back(*parsed);
    }
    if (const auto limit = args.value("--limit")) {
        try {
            query->limit = std::stoul(*limit);
        } catch (const std::exception &) {
            io.err << "tributary search: --limit takes a number, not '" << *limit << "'\n";
            return ExitUsage;
        }
    }
    auto store = openStore(args, OpenMode::ReadOnly);
    if (!store)
        return reportError(store.error(), io);
    auto hits = (*store)->search(*query);
    if (!hits)
        return reportError(hits.error(), io);
    std::vector<ResourceSummary> rows;
    for (const SearchHit &hit : *hits)
        rows.push_back(hit.summary);
    if (!args.flag("--json") && rows.empty()) {
        io.err << "no matches\n";
        return ExitOk;
    }
    printSummaries(rows, args.flag("--json"), io);
    return ExitOk;
}

int runHistory(const Arguments &args, Io &io)
{
    auto store = openStore(args, OpenMode::ReadOnly);
    if (!store)
        return reportError(store.error(), io);
    auto parsed = parseRefText(args.positional().at(0));
    if (!parsed)
        return reportError(parsed.error(), io);
    // History includes removed versions, so resolve over every import's view, latest first.
    auto ref = resolveRef(**store, *parsed, AsOf::latest());
    if (!ref && parsed->version) {
        const auto kind = parsed->kind.value_or(ResourceKind::Source);
        std::vector<Ref> tries = {{kind, parsed->name, *parsed->version}};
        if (!parsed->kind) {
            for (ResourceKind k : kAllKinds)
                tries.push_back({k, parsed->name, *parsed->version});
        }
        for (const Ref &attempt : tries) {
            if ((*store)->history(attempt)) {
                ref = attempt;
                break;
            }
        }
    }
    if (!ref)
        return reportError(ref.error(), io);
    auto revisions = (*store)->history(*ref);
    if (!revisions)
        return reportError(revisions.error(), io);
    if (args.flag("--json")) {
        json list = json::array();
        for (const Revision &r : *revisions) {
            list.push_back({{"change", revisionChangeName(r.change)}, {"author", r.author},
                            {"owner", r.owner}, {"status", statusName(r.status)}, {"tags", r.tags},
                            {"description", r.description}, {"provenance", provenanceJson(r.provenance)}});
        }
        io.out << json{{"ref", ref->toString()}, {"revisions", list}}.dump(2) << '\n';
        return ExitOk;
    }
    io.out << ref->toString() << '\n';
    TextTable table({"IMPORT", "AT", "CHANGE", "AUTHOR", "OWNER", "STATUS", "TAGS", "FILE"});
    for (const Revision &r : *revisions) {
        const Provenance &p = r.provenance;
        table.addRow({std::to_string(p.import.value), p.at.toIso(), std::string(revisionChangeName(r.change)),
                      r.author, r.owner, std::string(statusName(r.status)), joinWords(r.tags, " "),
                      p.file.empty() ? "" : p.file + ":" + std::to_string(p.line)});
    }
    table.print(io.out);
    return ExitOk;
}

void printChanges(std::ostream &out, const char *title, const std::vector<FieldChange> &changes)
{
    if (changes.empty())
        return;
    out << title << ":\n";
    for (const FieldChange &c : changes) {
        switch (c.type) {
        case FieldChange::Type::Added: out << "  + " << c.path << ": " << c.after << '\n'; break;
        case FieldChange::Type::Removed: out << "  - " << c.path << ": " << c.before << '\n'; break;
        case FieldChange::Type::Changed:
            out << "  ~ " << c.path << ": " << c.before << " -> " << c.after << '\n';
            break;
        }
    }
}

json changesJson(const std::vector<FieldChange> &changes)
{
    json list = json::array();
    for (const FieldChange &c : changes) {
        const char *type = c.type == FieldChange::Type::Added     ? "added"
                           : c.type == FieldChange::Type::Removed ? "removed"
                                                                  : "changed";
        list.push_back({{"change", type}, {"path", c.path},
                        {"before", c.before.empty() ? json(nullptr) : json::parse(c.before)},
                        {"after", c.after.empty() ? json(nullptr) : json::parse(c.after)}});
    }
    return list;
}

int runDiff(const Arguments &args, Io &io)
{
    auto opened = openForReading(args);
    if (!opened)
        return reportError(opened.error(), io);
    auto a = resolveArgument(*opened->store, args.positional().at(0), opened->asOf);
    if (!a)
        return reportError(a.error(), io);
    auto b = resolveArgument(*opened->store, args.positional().at(1), opened->asOf);
    if (!b)
        return reportError(b.error(), io);
    auto before = opened->store->get(*a, opened->asOf);
    auto after = opened->store->get(*b, opened->asOf);
    if (!before || !after)
        return reportError(before ? after.error() : before.error(), io);
    const ResourceDiff diff = diffResources(before->resource, after->resource);
    if (args.flag("--json")) {
        json description = json::array();
        for (const TextDiffLine &line : diff.description) {
            const char *type = line.type == TextDiffLine::Type::Added     ? "added"
                               : line.type == TextDiffLine::Type::Removed ? "removed"
                                                                          : "same";
            description.push_back({{"change", type}, {"text", line.text}});
        }
        io.out << json{{"from", a->toString()}, {"to", b->toString()},
                       {"definition", changesJson(diff.definition)}, {"metadata", changesJson(diff.metadata)},
                       {"description", description}}
                      .dump(2)
               << '\n';
        return ExitOk;
    }
    io.out << "--- " << a->toString() << "\n+++ " << b->toString() << '\n';
    if (diff.isEmpty()) {
        io.out << "no differences\n";
        return ExitOk;
    }
    printChanges(io.out, "definition", diff.definition);
    printChanges(io.out, "metadata", diff.metadata);
    const bool docsChanged = std::any_of(diff.description.begin(), diff.description.end(),
                                         [](const TextDiffLine &l) { return l.type != TextDiffLine::Type::Same; });
    if (docsChanged) {
        io.out << "description:\n";
        for (const TextDiffLine &line : diff.description) {
            const char mark = line.type == TextDiffLine::Type::Added     ? '+'
                              : line.type == TextDiffLine::Type::Removed ? '-'
                                                                         : ' ';
            io.out << "  " << mark << ' ' << line.text << '\n';
        }
    }
    return ExitOk;
}

} // namespace

std::vector<Command> browseCommands()
{
    return {
        {"list", "list --catalog FILE [--kind K] [--tag T] [--owner O] [--stage S] [--as-of T] [--json]",
         "list resources, filtered; --tag pii matches pii:direct too, and columns' tags",
         {{"--catalog", "--kind", "--tag", "--owner", "--stage", "--as-of"}, {"--json"}, 0, 0}, runList},
        {"show", "show REF --catalog FILE [--as-of T] [--json]",
         "show one resource (name@version, kind:name@version) or column (source@version#column)",
         {{"--catalog", "--as-of"}, {"--json"}, 1, 1}, runShow},
        {"search", "search QUERY --catalog FILE [--kind K] [--limit N] [--json]",
         "full-text search; QUERY may hold kind:, tag:, owner:, stage: filters",
         {{"--catalog", "--kind", "--limit"}, {"--json"}, 1, 1}, runSearch},
        {"history", "history REF --catalog FILE [--json]", "every revision of one resource with its import",
         {{"--catalog"}, {"--json"}, 1, 1}, runHistory},
        {"diff", "diff REF_A REF_B --catalog FILE [--as-of T] [--json]",
         "compare two versions: definition, columns, tags, docs",
         {{"--catalog", "--as-of"}, {"--json"}, 2, 2}, runDiff},
    };
}

} // namespace tributary::cli
