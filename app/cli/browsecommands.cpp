// SPDX-License-Identifier: Apache-2.0
// Commands that read a store: list, search, history, diff (show is in showcommand.cpp).
#include <algorithm>
#include <ostream>

#include "browsesupport.h"
#include "texttable.h"
#include "tributary/base/suggest.h"
#include "tributary/model/resourcediff.h"
#include "tributary/store/refresolver.h"

namespace tributary::cli {

using nlohmann::json;

std::optional<OpenedStore> openForReading(const Arguments &args, const std::string &command, Io &io,
                                          int &exitCode)
{
    auto asOf = asOfOption(args);
    if (!asOf) {
        exitCode = usageError(io, command, "--as-of: " + asOf.error().message, asOf.error().hint);
        return std::nullopt;
    }
    auto store = openStore(args, OpenMode::ReadOnly);
    if (!store) {
        exitCode = reportError(store.error(), io);
        return std::nullopt;
    }
    return OpenedStore{std::move(*store), *asOf};
}

Result<Ref> resolveArgument(CatalogStore &store, const std::string &text, const AsOf &asOf,
                            std::optional<std::string> *column)
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

int reportResolveError(const Error &error, const std::string &command, Io &io)
{
    // A reference that cannot even be parsed is a mistake on the command line.
    if (error.code == ErrorCode::Invalid && error.where.empty())
        return usageError(io, command, error.message, error.hint);
    return reportError(error, io);
}

json provenanceJson(const Provenance &p)
{
    const auto orNull = [](const std::string &text) { return text.empty() ? json(nullptr) : json(text); };
    return {{"import", p.import.value}, {"at", p.at.toIso()}, {"file", orNull(p.file)},
            {"line", p.file.empty() ? json(nullptr) : json(p.line)}, {"sha256", orNull(p.fileSha256)}};
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

namespace {

json summaryJson(const ResourceSummary &summary)
{
    json object = {{"ref", summary.ref.toString()}, {"kind", kindName(summary.ref.kind)},
                   {"name", summary.ref.name},      {"owner", summary.owner},
                   {"tags", summary.tags},          {"status", statusName(summary.status)},
                   {"description", summary.description}};
    if (isVersioned(summary.ref.kind))
        object["version"] = summary.ref.version;
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
    TextTable table({"REF", "STATUS", "STAGE", "OWNER", "TAGS"});
    for (const ResourceSummary &row : rows) {
        table.addRow({row.ref.toString(), std::string(statusName(row.status)),
                      row.stage ? std::string(stageName(*row.stage)) : std::string(), row.owner,
                      joinWords(row.tags, " ")});
    }
    table.print(io.out);
}

std::optional<ResourceKind> kindOption(const Arguments &args, const std::string &command, Io &io,
                                       int &exitCode)
{
    const auto text = args.value("--kind");
    if (!text)
        return std::nullopt;
    const auto kind = parseKind(*text);
    if (!kind) {
        exitCode = usageError(io, command, "unknown kind '" + *text + "'",
                              "kinds are provider, entity, source, feature, label, training_set, model");
    }
    return kind;
}

int runList(const Arguments &args, Io &io)
{
    int exitCode = ExitOk;
    ResourceFilter filter;
    filter.kind = kindOption(args, "list", io, exitCode);
    if (exitCode != ExitOk)
        return exitCode;
    filter.tag = args.value("--tag").value_or(std::string());
    filter.owner = args.value("--owner").value_or(std::string());
    if (const auto stage = args.value("--stage")) {
        filter.stage = parseStage(*stage);
        if (!filter.stage) {
            return usageError(io, "list", "unknown stage '" + *stage + "'",
                              "stages are development, staging, production, archived");
        }
    }
    auto opened = openForReading(args, "list", io, exitCode);
    if (!opened)
        return exitCode;
    auto rows = opened->store->list(filter, opened->asOf);
    if (!rows)
        return reportError(rows.error(), io);
    printSummaries(*rows, args.flag("--json"), io);
    return ExitOk;
}

int runSearch(const Arguments &args, Io &io)
{
    auto query = parseSearchQuery(args.positional().at(0));
    if (!query)
        return usageError(io, "search", query.error().message, query.error().hint);
    int exitCode = ExitOk;
    if (const auto kind = kindOption(args, "search", io, exitCode))
        query->kinds.push_back(*kind);
    if (exitCode != ExitOk)
        return exitCode;
    if (const auto limit = args.value("--limit")) {
        const auto count = positiveCount(*limit);
        if (!count)
            return usageError(io, "search", "--limit takes a positive number, not '" + *limit + "'");
        query->limit = *count;
    }
    auto opened = openForReading(args, "search", io, exitCode);
    if (!opened)
        return exitCode;
    auto hits = opened->store->search(*query, opened->asOf);
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

// History also covers versions no longer present, so a ref is resolved against every kind.
Result<Ref> resolveForHistory(CatalogStore &store, const std::string &text)
{
    auto parsed = parseRefText(text);
    if (!parsed)
        return tl::unexpected(parsed.error());
    auto ref = resolveRef(store, *parsed, AsOf::latest());
    if (ref || !parsed->version)
        return ref;
    std::vector<ResourceKind> kinds;
    if (parsed->kind)
        kinds.push_back(*parsed->kind);
    else
        kinds.assign(std::begin(kAllKinds), std::end(kAllKinds));
    for (ResourceKind kind : kinds) {
        const Ref attempt{kind, parsed->name, *parsed->version};
        if (store.history(attempt))
            return attempt;
    }
    return ref;
}

int runHistory(const Arguments &args, Io &io)
{
    auto store = openStore(args, OpenMode::ReadOnly);
    if (!store)
        return reportError(store.error(), io);
    auto ref = resolveForHistory(**store, args.positional().at(0));
    if (!ref)
        return reportResolveError(ref.error(), "history", io);
    auto revisions = (*store)->history(*ref);
    if (!revisions)
        return reportError(revisions.error(), io);
    if (args.flag("--json")) {
        json list = json::array();
        for (const Revision &r : *revisions) {
            json row = {{"change", revisionChangeName(r.change)}, {"author", r.author},
                        {"provenance", provenanceJson(r.provenance)}};
            if (r.change != RevisionChange::Removed) {
                row.update({{"owner", r.owner}, {"status", statusName(r.status)}, {"tags", r.tags},
                            {"description", r.description}});
            }
            list.push_back(std::move(row));
        }
        io.out << json{{"ref", ref->toString()}, {"revisions", list}}.dump(2) << '\n';
        return ExitOk;
    }
    io.out << ref->toString() << '\n';
    TextTable table({"IMPORT", "AT", "CHANGE", "AUTHOR", "OWNER", "STATUS", "TAGS", "FILE"});
    for (const Revision &r : *revisions) {
        const Provenance &p = r.provenance;
        const bool removed = r.change == RevisionChange::Removed;
        table.addRow({std::to_string(p.import.value), p.at.toIso(), std::string(revisionChangeName(r.change)),
                      r.author, removed ? "" : r.owner, removed ? "" : std::string(statusName(r.status)),
                      removed ? "" : joinWords(r.tags, " "),
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
        list.push_back({{"change", type},
                        {"path", c.path},
                        {"before", c.before.empty() ? json(nullptr) : json::parse(c.before)},
                        {"after", c.after.empty() ? json(nullptr) : json::parse(c.after)}});
    }
    return list;
}

const char *lineMark(TextDiffLine::Type type)
{
    return type == TextDiffLine::Type::Added ? "+" : type == TextDiffLine::Type::Removed ? "-" : " ";
}

int runDiff(const Arguments &args, Io &io)
{
    int exitCode = ExitOk;
    auto opened = openForReading(args, "diff", io, exitCode);
    if (!opened)
        return exitCode;
    auto a = resolveArgument(*opened->store, args.positional().at(0), opened->asOf);
    if (!a)
        return reportResolveError(a.error(), "diff", io);
    auto b = resolveArgument(*opened->store, args.positional().at(1), opened->asOf);
    if (!b)
        return reportResolveError(b.error(), "diff", io);
    if (a->kind != b->kind) {
        std::string hint = "diff compares two versions of one kind";
        if (auto versions = opened->store->findByName(a->name, a->kind, opened->asOf); versions && versions->size() > 1) {
            const Ref &other = versions->back() == *a ? versions->front() : versions->back();
            hint = "diff compares two versions, e.g. " + a->shortString() + " " + other.shortString();
        }
        return usageError(io, "diff", a->toString() + " and " + b->toString() + " are different kinds", hint);
    }
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
        io.out << json{{"from", a->toString()},
                       {"to", b->toString()},
                       {"definition", changesJson(diff.definition)},
                       {"metadata", changesJson(diff.metadata)},
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
        for (const TextDiffLine &line : diff.description)
            io.out << "  " << lineMark(line.type) << ' ' << line.text << '\n';
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
        {"search", "search QUERY --catalog FILE [--kind K] [--limit N] [--as-of T] [--json]",
         "full-text search; QUERY may hold kind:, tag:, owner:, stage: filters",
         {{"--catalog", "--kind", "--limit", "--as-of"}, {"--json"}, 1, 1}, runSearch},
        {"history", "history REF --catalog FILE [--json]", "every revision of one resource with its import",
         {{"--catalog"}, {"--json"}, 1, 1}, runHistory},
        {"diff", "diff REF_A REF_B --catalog FILE [--as-of T] [--json]",
         "compare two versions: definition, columns, tags, docs",
         {{"--catalog", "--as-of"}, {"--json"}, 2, 2}, runDiff},
    };
}

} // namespace tributary::cli
