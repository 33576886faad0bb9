// SPDX-License-Identifier: Apache-2.0
// `tributary show REF`: one resource or column, for people or as JSON.
#include <ostream>

#include "browsesupport.h"
#include "texttable.h"
#include "tributary/base/suggest.h"
#include "tributary/model/canonical.h"
#include "tributary/store/refresolver.h"

namespace tributary::cli {
namespace {

using nlohmann::json;

constexpr std::size_t kLabelWidth = 14;

void printField(std::ostream &out, std::string_view name, const std::string &value)
{
    if (value.empty())
        return;
    out << "  " << name << std::string(name.size() < kLabelWidth ? kLabelWidth - name.size() : 1, ' ')
        << value << '\n';
}

// One reference per line under the label, so long lists stay readable.
void printRefs(std::ostream &out, std::string_view name, const std::vector<Reference> &refs)
{
    for (std::size_t i = 0; i < refs.size(); ++i)
        printField(out, i == 0 ? name : std::string_view(" "), refs[i].ref.toString());
}

std::string statsText(const FeatureStats &stats)
{
    std::string text;
    const auto add = [&](const char *name, const std::optional<double> &value) {
        if (value)
            text += std::string(text.empty() ? "" : ", ") + name + " " + formatNumber(*value);
    };
    add("count", stats.count);
    add("null fraction", stats.nullFraction);
    add("mean", stats.mean);
    add("min", stats.min);
    add("max", stats.max);
    return text;
}

void printColumns(std::ostream &out, const SourceSpec &spec)
{
    if (spec.columns.empty())
        return;
    out << "\ncolumns:\n";
    TextTable table({"  NAME", "TYPE", "TAGS", "DERIVED FROM", "DESCRIPTION"});
    for (const Column &column : spec.columns) {
        std::vector<std::string> derived;
        for (const ColumnDerivation &d : column.derivedFrom) {
            derived.push_back(d.from.ref.shortString()
                              + (d.transform == TransformKind::Identity
                                     ? ""
                                     : " (" + std::string(transformName(d.transform)) + ")"));
        }
        std::string description = column.description.substr(0, column.description.find('\n'));
        if (description.size() > 60)
            description = description.substr(0, 57) + "...";
        table.addRow({"  " + column.name, column.type, joinWords(column.tags, " "), joinWords(derived),
                      description});
    }
    table.print(out);
}

void printKindFields(std::ostream &out, const Resource &r)
{
    if (const auto *p = r.as<ProviderSpec>())
        printField(out, "type", p->type);
    if (const auto *s = r.as<SourceSpec>()) {
        printField(out, "type", std::string(sourceTypeName(s->type)));
        printField(out, "provider", s->provider ? s->provider->ref.toString() : "");
        printField(out, "location", s->location);
        printRefs(out, "inputs", s->inputs);
        printField(out, "language", s->language);
    }
    if (const auto *f = r.as<FeatureSpec>()) {
        printField(out, "entity", f->entity ? f->entity->ref.toString() : "");
        printField(out, "source", f->source ? f->source->ref.toString() + "#" + f->column : "");
        printField(out, "type", f->type);
        printField(out, "language", f->language);
        if (f->stats)
            printField(out, "stats", statsText(*f->stats));
    }
    if (const auto *t = r.as<TrainingSetSpec>()) {
        printField(out, "label", t->label ? t->label->ref.toString() : "");
        printRefs(out, "features", t->features);
    }
    if (const auto *m = r.as<ModelSpec>()) {
        printField(out, "stage", std::string(stageName(m->stage)));
        printRefs(out, "training sets", m->trainingSets);
        printRefs(out, "features", m->features);
        std::vector<std::string> metrics;
        for (const auto &[name, value] : m->metrics)
            metrics.push_back(name + " " + formatNumber(value));
        printField(out, "metrics", joinWords(metrics));
    }
}

void printResource(std::ostream &out, const StoredResource &stored)
{
    const Resource &r = stored.resource;
    out << r.ref.toString() << '\n';
    printField(out, "status", std::string(statusName(r.meta.status)));
    printField(out, "owner", r.meta.owner);
    printField(out, "tags", joinWords(r.meta.tags, " "));
    printKindFields(out, r);
    printField(out, "defined in", provenanceText(stored.created));
    if (stored.revised.import != stored.created.import)
        printField(out, "revised in", provenanceText(stored.revised));
    if (!r.meta.properties.empty()) {
        out << "\nproperties:\n";
        for (const auto &[key, value] : r.meta.properties)
            printField(out, key, value);
    }
    if (const auto *s = r.as<SourceSpec>())
        printColumns(out, *s);
    std::string definition;
    if (const auto *source = r.as<SourceSpec>())
        definition = source->definition;
    else if (const auto *feature = r.as<FeatureSpec>())
        definition = feature->definition;
    if (!definition.empty())
        out << "\ndefinition:\n" << definition << (definition.ends_with('\n') ? "" : "\n");
    if (!r.meta.description.empty())
        out << "\n" << r.meta.description << (r.meta.description.ends_with('\n') ? "" : "\n");
}

int showColumn(CatalogStore &store, const StoredResource &stored, const std::string &name,
               const AsOf &asOf, bool asJson, Io &io)
{
    const auto *spec = stored.resource.as<SourceSpec>();
    const Column *column = spec ? spec->findColumn(name) : nullptr;
    if (!column) {
        std::vector<std::string> names;
        for (const Column &c : spec ? spec->columns : std::vector<Column>{})
            names.push_back(c.name);
        return reportError({ErrorCode::NotFound,
                            stored.resource.ref.toString() + " has no column '" + name + "'",
                            store.locator(), didYouMean(name, names), {}},
                           io);
    }
    const ColumnRef ref{stored.resource.ref, column->name};
    if (asJson) {
        json derived = json::array();
        for (const ColumnDerivation &d : column->derivedFrom)
            derived.push_back({{"column", d.from.ref.toString()}, {"transform", transformName(d.transform)}});
        io.out << json{{"ref", ref.toString()},
                       {"kind", "column"},
                       {"source", ref.resource.toString()},
                       {"name", column->name},
                       {"type", column->type},
                       {"description", column->description},
                       {"tags", column->tags},
                       {"derived_from", derived},
                       {"defined_in", provenanceJson(stored.created)},
                       {"revised_in", provenanceJson(stored.revised)},
                       {"as_of", asOf.toString()}}
                      .dump(2)
               << '\n';
        return ExitOk;
    }
    io.out << ref.toString() << '\n';
    printField(io.out, "type", column->type);
    printField(io.out, "tags", joinWords(column->tags, " "));
    for (const ColumnDerivation &d : column->derivedFrom) {
        printField(io.out, "derived from",
                   d.from.ref.toString() + " (" + std::string(transformName(d.transform)) + ")");
    }
    printField(io.out, "defined in", provenanceText(stored.created));
    if (!column->description.empty())
        io.out << '\n' << column->description << '\n';
    return ExitOk;
}

// A version that is not present now may have been removed: say so, and how to see it.
std::optional<Error> explainRemoval(CatalogStore &store, const std::string &text)
{
    auto parsed = parseRefText(text);
    if (!parsed || !parsed->version)
        return std::nullopt;
    std::vector<ResourceKind> kinds;
    if (parsed->kind)
        kinds.push_back(*parsed->kind);
    else if (parsed->column)
        kinds.push_back(ResourceKind::Source);
    else
        kinds.assign(std::begin(kAllKinds), std::end(kAllKinds));
    for (ResourceKind kind : kinds) {
        const Ref ref{kind, parsed->name, *parsed->version};
        auto history = store.history(ref);
        if (!history || history->back().change != RevisionChange::Removed)
            continue;
        const Provenance &removed = history->back().provenance;
        std::string hint = "see its history with `tributary history " + ref.shortString() + "`";
        for (auto it = history->rbegin() + 1; it != history->rend(); ++it) {
            if (it->change != RevisionChange::Removed) {
                hint = "see it as it was with --as-of " + std::to_string(it->provenance.import.value)
                       + ", or its story with `tributary history " + ref.shortString() + "`";
                break;
            }
        }
        return Error{ErrorCode::NotFound,
                     ref.toString() + " was removed in import " + std::to_string(removed.import.value)
                         + " (" + removed.at.toIso() + ")",
                     store.locator(), hint, {}};
    }
    return std::nullopt;
}

} // namespace

int runShow(const Arguments &args, Io &io)
{
    int exitCode = ExitOk;
    auto opened = openForReading(args, "show", io, exitCode);
    if (!opened)
        return exitCode;
    const std::string &text = args.positional().at(0);
    std::optional<std::string> column;
    auto ref = resolveArgument(*opened->store, text, opened->asOf, &column);
    if (!ref) {
        if (ref.error().code == ErrorCode::NotFound && opened->asOf.isLatest()) {
            if (auto removed = explainRemoval(*opened->store, text))
                return reportError(*removed, io);
        }
        return reportResolveError(ref.error(), "show", io);
    }
    auto stored = opened->store->get(*ref, opened->asOf);
    if (!stored)
        return reportError(stored.error(), io);
    const bool asJson = args.flag("--json");
    if (column)
        return showColumn(*opened->store, *stored, *column, opened->asOf, asJson, io);
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

} // namespace tributary::cli
