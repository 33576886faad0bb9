// SPDX-License-Identifier: Apache-2.0
#include "catalogsession.h"

#include <atomic>
#include <cstdint>
#include <map>
#include <type_traits>

#include <QtConcurrent/QtConcurrentRun>

#include "catalogmonitor.h"
#include "iothreads.h"
#include "sessionsecrets.h"
#include "tributary/docs/assetdoc.h"
#include "tributary/lineage/lineagequery.h"
#include "tributary/report/reportbuilder.h"
#include "tributary/search/searchquery.h"

namespace tributary::ui {
namespace {

QString errorText(const Error &error)
{
    return QString::fromStdString(error.toString());
}

// This worker thread's read-only connections to server catalogs: connecting costs round trips
// (and TLS), so each thread keeps its own. Store objects are never shared between threads.
thread_local std::map<std::string, std::unique_ptr<CatalogStore>> t_servers;
// Counts lost connections: a thread whose connections are older than the last loss drops them
// before its next job, since a server that went away took every thread's connection with it.
std::atomic<std::uint64_t> g_lossCount{0};
thread_local std::uint64_t t_lossesSeen = 0;

// A read-only store for one job: this thread's server connection, or a catalog file opened
// for the job alone (cheap, and never stale if the file is replaced).
class Reader
{
public:
    Reader(std::unique_ptr<CatalogStore> owned, CatalogStore *shared)
        : m_owned(std::move(owned))
        , m_store(m_owned ? m_owned.get() : shared)
    {
    }
    CatalogStore *operator->() const { return m_store; }
    CatalogStore &operator*() const { return *m_store; }

private:
    std::unique_ptr<CatalogStore> m_owned;
    CatalogStore *m_store;
};

Result<Reader> openReader(const QString &locator)
{
    const std::string where = connectionString(locator);
    if (isServerLocator(where)) {
        if (const std::uint64_t losses = g_lossCount.load(); losses != t_lossesSeen) {
            t_servers.clear();
            t_lossesSeen = losses;
        }
        std::unique_ptr<CatalogStore> &cached = t_servers[where];
        if (!cached) {
            auto opened = openCatalogStore(where, OpenMode::ReadOnly);
            if (!opened)
                return tl::unexpected(opened.error());
            cached = std::move(*opened);
        }
        return Reader(nullptr, cached.get());
    }
    auto opened = openCatalogStore(where, OpenMode::ReadOnly);
    if (!opened)
        return tl::unexpected(opened.error());
    return Reader(std::move(*opened), nullptr);
}

// After a lost connection every thread reconnects on its next job.
void forgetServerConnections() { ++g_lossCount; }

// The lineage graph at `asOf`: the cached one when there is one, else built from the store.
Result<std::shared_ptr<const LineageGraph>> graphAt(
    CatalogStore &store, const AsOf &asOf, std::shared_ptr<const LineageGraph> cached)
{
    if (cached)
        return cached;
    auto snapshot = store.lineageSnapshot(asOf);
    if (!snapshot)
        return tl::unexpected(snapshot.error());
    return std::make_shared<const LineageGraph>(LineageGraph::build(std::move(*snapshot)));
}

// A propagated tag as the detail pane shows it: the core's description (AssetDoc's), as text.
PropagatedTagView describe(const LineageGraph &graph, const PropagatedTag &tag)
{
    AssetTag described = describePropagatedTag(graph, tag);
    return {std::move(described.column), std::move(described.tag),
        std::string(evidenceStrengthName(described.strength)), std::move(described.path),
        std::move(described.rules)};
}

} // namespace

CatalogSession::CatalogSession(QObject *parent)
    : QObject(parent)
    , m_monitor(new CatalogMonitor(this))
{
    qRegisterMetaType<std::vector<tributary::ResourceSummary>>();
    qRegisterMetaType<std::vector<tributary::ImportRecord>>();
    qRegisterMetaType<tributary::ui::ResourceDetail>();
    qRegisterMetaType<tributary::Report>();
    qRegisterMetaType<tributary::ui::VersionDiff>();
    qRegisterMetaType<tributary::ui::PolicyChoice>();
    qRegisterMetaType<std::shared_ptr<const tributary::LineageGraph>>();
    qRegisterMetaType<tributary::CatalogStatistics>();
}

CatalogSession::~CatalogSession() = default;

template <typename Work, typename Done>
void CatalogSession::run(quint64 &generation, Work work, Done done)
{
    using Value = std::invoke_result_t<Work &>;
    const quint64 mine = ++generation;
    const quint64 *current = &generation;
    auto guarded = [work = std::move(work)]() mutable {
        Value result = work();
        if (!result && result.error().code == ErrorCode::Unavailable)
            forgetServerConnections();
        return result;
    };
    QtConcurrent::run(&ioThreads(), std::move(guarded)).then(this, [this, mine, current, done](Value result) {
        if (mine != *current)
            return; // a newer request of this kind was made meanwhile
        if (!result && result.error().code == ErrorCode::Unavailable) {
            // Not a dialog: the window shows the state, and the monitor brings it back.
            m_monitor->connectionLost(errorText(result.error()));
            return;
        }
        if (!result) {
            if (current == &m_openGeneration)
                Q_EMIT openFailed(errorText(result.error()));
            else
                Q_EMIT failed(errorText(result.error()));
            return;
        }
        done(std::move(*result));
    });
}

void CatalogSession::open(const QString &locator)
{
    m_locator = locator;
    m_asOf = AsOf::latest();
    m_graph.reset();
    m_propagated.reset();
    m_monitor->watch(locator);
    run(
        m_openGeneration,
        [locator]() -> Result<std::vector<ImportRecord>> {
            auto store = openReader(locator);
            if (!store)
                return tl::unexpected(store.error());
            return (*store)->imports();
        },
        [this, locator](std::vector<ImportRecord> imports) {
            m_monitor->setLatest(imports.empty() ? std::nullopt : std::optional<ImportId>(imports.back().id));
            Q_EMIT opened(locator, imports);
        });
}

void CatalogSession::keepGraph(
    const QString &locator, const AsOf &asOf, const std::shared_ptr<const LineageGraph> &graph)
{
    // Only a graph of the current catalog and point in history: a job started before open() or
    // setAsOf() must not bring back the old one.
    if (!m_graph && graph && locator == m_locator && asOf.toString() == m_asOf.toString())
        m_graph = graph;
}

void CatalogSession::setAsOf(const AsOf &asOf)
{
    m_asOf = asOf;
    m_graph.reset(); // lineage differs at another point in history
    m_propagated.reset();
}

void CatalogSession::setPolicy(const QString &path)
{
    run(
        m_policyGeneration,
        [path]() -> Result<PolicyChoice> {
            PolicyChoice choice;
            choice.path = path;
            if (!path.isEmpty())
                choice.policy = readPropagationPolicy(path.toStdString(), choice.problems);
            return choice;
        },
        [this](PolicyChoice choice) {
            const bool usable = !hasErrors(choice.problems);
            m_policy = std::make_shared<const PropagationPolicy>(
                usable ? choice.policy : PropagationPolicy{});
            m_policyPath = usable ? choice.path : QString();
            m_propagated.reset(); // tags travel differently under other rules
            Q_EMIT policyChanged(choice);
        });
}

void CatalogSession::requestList(const ResourceFilter &filter)
{
    run(
        m_listGeneration,
        [locator = m_locator, filter, asOf = m_asOf]() -> Result<std::vector<ResourceSummary>> {
            auto store = openReader(locator);
            if (!store)
                return tl::unexpected(store.error());
            return (*store)->list(filter, asOf);
        },
        [this](std::vector<ResourceSummary> rows) { Q_EMIT listReady(rows); });
}

void CatalogSession::requestSearch(const QString &text)
{
    // A half-typed filter is not an error worth a dialog: answer with no rows and say why.
    auto query = parseSearchQuery(text.toStdString());
    if (!query) {
        ++m_searchGeneration; // whatever was in flight is stale now
        Q_EMIT searchRejected(text, QString::fromStdString(query.error().message));
        Q_EMIT searchReady(text, {});
        return;
    }
    run(
        m_searchGeneration,
        [locator = m_locator, query = *query,
            asOf = m_asOf]() -> Result<std::vector<ResourceSummary>> {
            auto store = openReader(locator);
            if (!store)
                return tl::unexpected(store.error());
            auto hits = (*store)->search(query, asOf);
            if (!hits)
                return tl::unexpected(hits.error());
            std::vector<ResourceSummary> rows;
            for (const SearchHit &hit : *hits)
                rows.push_back(hit.summary);
            return rows;
        },
        [this, text](std::vector<ResourceSummary> rows) { Q_EMIT searchReady(text, rows); });
}

void CatalogSession::requestDetail(const Ref &ref)
{
    struct Answer {
        ResourceDetail detail;
        std::shared_ptr<const LineageGraph> graph;
        std::shared_ptr<const TagsByResource> propagated;
    };
    auto work
        = [locator = m_locator, ref, asOf = m_asOf, graph = m_graph, propagated = m_propagated,
              policy = m_policy, policyPath = m_policyPath]() mutable -> Result<Answer> {
        auto store = openReader(locator);
        if (!store)
            return tl::unexpected(store.error());
        auto stored = (*store)->get(ref, asOf);
        if (!stored)
            return tl::unexpected(stored.error());
        Answer answer;
        answer.detail.stored = std::move(*stored);
        answer.detail.policy = policyPath.toStdString();
        if (auto versions = (*store)->findByName(ref.name, ref.kind, asOf))
            answer.detail.versions = std::move(*versions);
        if (auto history = (*store)->history(ref))
            answer.detail.history = std::move(*history);
        auto built = graphAt(**store, asOf, graph);
        if (!built)
            return tl::unexpected(built.error());
        graph = *built;
        const auto summary = [&](NodeId node) {
            const LineageNode &n = graph->resource(node);
            return ResourceSummary{n.ref, graph->owner(node), n.tags, n.status, n.stage, {}};
        };
        if (!propagated) {
            // Every tag at once, so each later detail is a lookup.
            auto index = std::make_shared<TagsByResource>();
            for (PropagatedTag &tag : propagateTags(*graph, *policy, {"*"})) {
                if (tag.strength != EvidenceStrength::Direct)
                    (*index)[tag.resource].push_back(std::move(tag));
            }
            propagated = std::move(index);
        }
        if (const auto node = graph->find(ref)) {
            for (const LineageStep &step : graph->upstream(*node))
                answer.detail.upstream.push_back(summary(step.node));
            for (const LineageStep &step : graph->downstream(*node))
                answer.detail.downstream.push_back(summary(step.node));
            Traversal traversal(*graph);
            for (const ReachedNode &reached :
                traversal.closure({*node, Direction::Down, -1, {ResourceKind::Model}}))
                answer.detail.models.push_back(summary(reached.node));
            if (ref.kind == ResourceKind::TrainingSet || ref.kind == ResourceKind::Model) {
                for (const ReachedNode &reached :
                    traversal.closure({*node, Direction::Up, -1, {ResourceKind::Feature}}))
                    answer.detail.features.push_back(summary(reached.node));
            }
            if (const auto found = propagated->find(*node); found != propagated->end()) {
                for (const PropagatedTag &tag : found->second)
                    answer.detail.propagated.push_back(describe(*graph, tag));
            }
        }
        answer.graph = std::move(graph);
        answer.propagated = std::move(propagated);
        return answer;
    };
    run(m_detailGeneration, std::move(work),
        [this, locator = m_locator, asOf = m_asOf, policy = m_policy](Answer answer) {
            keepGraph(locator, asOf, answer.graph);
            if (m_graph == answer.graph && !m_propagated && policy == m_policy)
                m_propagated = answer.propagated;
            Q_EMIT detailReady(answer.detail);
        });
}

void CatalogSession::requestReport(const ReportRequest &request)
{
    struct Answer {
        Report report;
        std::shared_ptr<const LineageGraph> graph;
    };
    auto work = [locator = m_locator, request, asOf = m_asOf, graph = m_graph, policy = m_policy,
                    policyPath = m_policyPath]() mutable -> Result<Answer> {
        if (!graph) {
            auto store = openReader(locator);
            if (!store)
                return tl::unexpected(store.error());
            auto built = graphAt(**store, asOf, nullptr);
            if (!built)
                return tl::unexpected(built.error());
            graph = *built;
        }
        const std::string kind(reportKindName(request.kind));
        const bool exposure = request.kind == ReportKind::Exposure;
        std::string query = "tributary " + kind + " "
            + (exposure ? "--tag " + request.tag : request.subject.toString());
        if (exposure && !policyPath.isEmpty())
            query += " --policy " + policyPath.toStdString();
        ReportStamp stamp{query, asOf.toString(), Timestamp::now(), TRIBUTARY_VERSION};
        Answer answer;
        if (exposure) {
            answer.report = exposureReport(*graph, *policy, request.tag, stamp);
        } else {
            const auto node = graph->find(request.subject);
            if (!node)
                return fail(ErrorCode::NotFound,
                    "no " + request.subject.toString() + " at " + asOf.toString());
            if (request.kind == ReportKind::Inputs)
                answer.report = inputsReport(*graph, *node, stamp);
            else if (request.kind == ReportKind::Impact)
                answer.report = impactReport(*graph, {*node, std::nullopt}, stamp);
            else
                answer.report = traceReport(*graph, {*node, std::nullopt},
                    request.modelsOnly ? std::set<ResourceKind>{ResourceKind::Model}
                                       : std::set<ResourceKind>{},
                    stamp);
        }
        answer.graph = std::move(graph);
        return answer;
    };
    run(m_reportGeneration, std::move(work),
        [this, locator = m_locator, asOf = m_asOf](Answer answer) {
            keepGraph(locator, asOf, answer.graph);
            Q_EMIT reportReady(answer.report);
        });
}

void CatalogSession::requestGraph()
{
    run(m_graphGeneration,
        [locator = m_locator, asOf = m_asOf, graph = m_graph]() -> Result<std::shared_ptr<const LineageGraph>> {
            if (graph)
                return graph;
            auto store = openReader(locator);
            if (!store)
                return tl::unexpected(store.error());
            return graphAt(**store, asOf, nullptr);
        },
        [this, locator = m_locator, asOf = m_asOf](std::shared_ptr<const LineageGraph> graph) {
            keepGraph(locator, asOf, graph);
            // One graph per point: another job may have kept its own first.
            if (locator == m_locator && asOf.toString() == m_asOf.toString())
                Q_EMIT graphReady(m_graph ? m_graph : graph);
        });
}

void CatalogSession::requestStatistics()
{
    struct Answer {
        CatalogStatistics statistics;
        std::shared_ptr<const LineageGraph> graph;
    };
    auto work = [locator = m_locator, asOf = m_asOf, graph = m_graph,
                    policy = m_policy]() mutable -> Result<Answer> {
        auto store = openReader(locator);
        if (!store)
            return tl::unexpected(store.error());
        auto built = graphAt(**store, asOf, graph);
        if (!built)
            return tl::unexpected(built.error());
        graph = *built;
        // Growth up to the graph's own import, so an import made meanwhile cannot slip in.
        auto changes = graph->import() ? (*store)->importChanges(AsOf::import(*graph->import()))
                                       : Result<std::vector<ImportChanges>>{};
        if (!changes)
            return tl::unexpected(changes.error());
        Answer answer{computeCatalogStatistics(*graph, *policy, *changes), graph};
        return answer;
    };
    run(m_statisticsGeneration, std::move(work),
        [this, locator = m_locator, asOf = m_asOf](Answer answer) {
            keepGraph(locator, asOf, answer.graph);
            if (locator == m_locator && asOf.toString() == m_asOf.toString())
                Q_EMIT statisticsReady(answer.statistics); // else: asked for another point
        });
}

void CatalogSession::requestDiff(const Ref &before, const Ref &after)
{
    run(
        m_diffGeneration,
        [locator = m_locator, before, after, asOf = m_asOf]() -> Result<VersionDiff> {
            auto store = openReader(locator);
            if (!store)
                return tl::unexpected(store.error());
            auto a = (*store)->get(before, asOf);
            auto b = (*store)->get(after, asOf);
            if (!a || !b)
                return tl::unexpected(a ? b.error() : a.error());
            VersionDiff diff{before, after, diffResources(a->resource, b->resource), {}};
            if (auto versions = (*store)->findByName(before.name, before.kind, asOf))
                diff.versions = std::move(*versions);
            return diff;
        },
        [this](VersionDiff diff) { Q_EMIT diffReady(diff); });
}

} // namespace tributary::ui
