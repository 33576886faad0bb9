// SPDX-License-Identifier: Apache-2.0
// Merging OpenLineage events: every event of a job (all its runs, START to COMPLETE) adds to
// one job, every mention of a dataset to one dataset; the latest value of each facet wins.
#include <algorithm>

#include "openlineage_p.h"

namespace tributary::import_detail {
namespace {

using nlohmann::json;

std::string requiredText(const json &object, const char *key, const std::string &path)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string() || it->get<std::string>().empty())
        throw OpenLineageShapeError{"'" + path + "." + key + "' must be a non-empty string"};
    return it->get<std::string>();
}

const json &objectAt(const json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_object())
        throw OpenLineageShapeError{std::string("'") + key + "' must be an object"};
    return *it;
}

// Facets of a later event replace those of the same name; {"_deleted": true} removes one.
void mergeFacets(json &into, const json &owner, const std::string &path)
{
    const auto it = owner.find("facets");
    if (it == owner.end() || it->is_null())
        return;
    if (!it->is_object())
        throw OpenLineageShapeError{"'" + path + ".facets' must be an object"};
    for (const auto &[name, facet] : it->items()) {
        if (facet.is_object() && facet.value("_deleted", false))
            into.erase(name);
        else
            into[name] = facet;
    }
    checkFacets(into);
}

} // namespace

void OpenLineageMerger::addDataset(
    const json &value, const SourceLocation &where, const Key *producer)
{
    if (!value.is_object())
        throw OpenLineageShapeError{"a dataset must be an object"};
    const Key key{
        requiredText(value, "namespace", "dataset"), requiredText(value, "name", "dataset")};
    Dataset &dataset = m_datasets[key];
    if (!dataset.where.isKnown())
        dataset.where = where;
    mergeFacets(dataset.facets, value, "dataset");
    if (producer)
        dataset.producers.insert(*producer);
    // Datasets named only by column lineage still exist (as the inputs of a derivation).
    for (const auto &[column, inputs] : columnLineage(dataset.facets)) {
        for (const OpenLineageInputField &input : inputs) {
            Dataset &from = m_datasets[input.dataset];
            if (!from.where.isKnown())
                from.where = where;
        }
    }
}

Result<void> OpenLineageMerger::add(const OpenLineageEvent &event)
{
    const json &value = event.value;
    try {
        if (!value.is_object())
            throw OpenLineageShapeError{"expected an OpenLineage event (a JSON object)"};
        if (value.contains("dataset")) { // DatasetEvent
            addDataset(value.at("dataset"), event.where, nullptr);
            return {};
        }
        if (!value.contains("job"))
            throw OpenLineageShapeError{
                "not an OpenLineage event: it has neither 'job' nor 'dataset'"};
        const json &jobValue = objectAt(value, "job");
        const Key key{
            requiredText(jobValue, "namespace", "job"), requiredText(jobValue, "name", "job")};
        Job &job = m_jobs[key];
        if (!job.where.isKnown())
            job.where = event.where;
        mergeFacets(job.facets, jobValue, "job");
        if (const auto run = value.find("run"); run != value.end() && !run->is_null()) { // RunEvent
            if (!run->is_object())
                throw OpenLineageShapeError{"'run' must be an object"};
            job.runs.insert(requiredText(*run, "runId", "run"));
            if (const auto type = value.find("eventType"); type != value.end() && type->is_string())
                job.lastState = type->get<std::string>();
        }
        for (const char *side : {"inputs", "outputs"}) {
            const auto list = value.find(side);
            if (list == value.end() || list->is_null())
                continue;
            if (!list->is_array())
                throw OpenLineageShapeError{std::string("'") + side + "' must be an array"};
            const bool output = side[0] == 'o';
            for (const json &dataset : *list) {
                addDataset(dataset, event.where, output ? &key : nullptr);
                const Key datasetKey{dataset.at("namespace").get<std::string>(),
                    dataset.at("name").get<std::string>()};
                const bool known = std::find(job.inputs.begin(), job.inputs.end(), datasetKey)
                    != job.inputs.end();
                if (!output && !known)
                    job.inputs.push_back(datasetKey);
            }
        }
    } catch (const OpenLineageShapeError &e) {
        return fail(ErrorCode::Invalid, e.message, event.where.toString(),
            "see https://openlineage.io/spec/ for the shape of RunEvent, JobEvent and "
            "DatasetEvent");
    }    catch (const json::exception &e) {
        // A shape the checks above missed: still an error at the event, never an exception
        // out of core.
        return fail(ErrorCode::Invalid, std::string("unexpected shape: ") + e.what(), event.where.toString());
    }
    return {};
}

} // namespace tributary::import_detail
