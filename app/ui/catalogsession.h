// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>
#include <unordered_map>
#include <vector>

#include <QObject>
#include <QString>

#include "tributary/lineage/lineagegraph.h"
#include "tributary/lineage/tagpropagation.h"
#include "tributary/model/resourcediff.h"
#include "tributary/report/catalogstats.h"
#include "tributary/report/report.h"
#include "tributary/store/catalogstore.h"

namespace tributary::ui {

// A tag that reached this resource or one of its columns from elsewhere, and how.
struct PropagatedTagView {
    std::string column; // empty: the resource as a whole
    std::string tag;
    std::string strength; // column, resource
    std::string path; // hops joined: "a#x -[aggregated]-> b#y -[identity]-> feature:f@v1"
    std::string rules; // why each hop let it through
};

// One resource as the detail pane shows it: the resource, and what it is connected to.
struct ResourceDetail {
    StoredResource stored;
    std::vector<ResourceSummary> upstream; // what it depends on, one hop
    std::vector<ResourceSummary> downstream; // what uses it, one hop
    std::vector<ResourceSummary> models; // the models it feeds, at any depth
    std::vector<ResourceSummary> features; // the features that feed it, at any depth
    std::vector<Ref> versions; // every version of its name, present at the as-of point
    std::vector<Revision> history; // every revision of this version, oldest first
    std::vector<PropagatedTagView> propagated; // tags that travelled here, under the policy
    std::string policy; // the policy file followed; empty: none
};

// A propagation policy as the session follows it: the file it came from and its rules.
struct PolicyChoice {
    QString path; // empty: no policy, every transform lets every tag through
    PropagationPolicy policy;
    Diagnostics problems; // reading it; with an error the policy is not used
};

// Two versions of one resource, compared.
struct VersionDiff {
    Ref before;
    Ref after;
    ResourceDiff diff;
    std::vector<Ref> versions; // every version of the name, to compare others
};

// A compliance question about one asset (or, for exposure, a tag).
struct ReportRequest {
    ReportKind kind = ReportKind::Trace;
    Ref subject;
    std::string tag; // exposure
    bool modelsOnly = true; // trace: only the models reached
};

// The open catalog, for the window. Every store call runs on a worker thread with its own
// read-only connection; results come back as signals on the UI thread. Each kind of request
// carries a generation number, and an answer to a superseded request is dropped, so typing
// fast never shows stale results.
class CatalogMonitor;

class CatalogSession : public QObject
{
    Q_OBJECT
public:
    explicit CatalogSession(QObject *parent = nullptr);
    ~CatalogSession() override;

    // Notices imports made elsewhere and, after a lost connection, brings it back.
    CatalogMonitor &monitor() { return *m_monitor; }

    // Opens (and checks) the catalog at `locator`; emits opened() or failed(). Opening it again
    // reads its imports anew (a refresh after someone imported).
    void open(const QString &locator);
    const QString &locator() const { return m_locator; }

    // The point in history every later request is answered at.
    void setAsOf(const AsOf &asOf);
    const AsOf &asOf() const { return m_asOf; }

    // Follows the propagation policy in `path` ("" for none) from now on; reads it on a worker
    // and emits policyChanged. A policy with errors is not used (the problems say why).
    void setPolicy(const QString &path);
    const QString &policyPath() const { return m_policyPath; }

    void requestList(const ResourceFilter &filter);
    void requestSearch(const QString &text);
    void requestDetail(const Ref &ref);
    void requestReport(const ReportRequest &request);
    void requestDiff(const Ref &before, const Ref &after);
    // The lineage graph at the current as-of point (built once, then shared): emits graphReady.
    void requestGraph();
    // The dashboard's numbers at the current as-of point, under the policy: emits
    // statisticsReady. Reuses the cached graph (and keeps the one it builds).
    void requestStatistics();
    // The propagation policy now followed (never null).
    std::shared_ptr<const PropagationPolicy> policy() const { return m_policy; }

Q_SIGNALS:
    void opened(const QString &locator, const std::vector<tributary::ImportRecord> &imports);
    void failed(const QString &message);
    // Opening failed (a damaged file, not a catalog, no such file): nothing else will work.
    void openFailed(const QString &message);
    void listReady(const std::vector<tributary::ResourceSummary> &rows);
    void searchReady(const QString &text, const std::vector<tributary::ResourceSummary> &rows);
    // The text is not a query yet (e.g. "kind:mo" while typing): no results, and why.
    void searchRejected(const QString &text, const QString &reason);
    void detailReady(const tributary::ui::ResourceDetail &detail);
    void reportReady(const tributary::Report &report);
    void diffReady(const tributary::ui::VersionDiff &diff);
    void policyChanged(const tributary::ui::PolicyChoice &choice);
    // The graph of `locator` at `asOf`; immutable, safe to read from any thread.
    void graphReady(const std::shared_ptr<const tributary::LineageGraph> &graph);
    void statisticsReady(const tributary::CatalogStatistics &statistics);

private:
    template <typename Work, typename Done> void run(quint64 &generation, Work work, Done done);
    void keepGraph(
        const QString &locator, const AsOf &asOf, const std::shared_ptr<const LineageGraph> &graph);
    using TagsByResource = std::unordered_map<NodeId, std::vector<PropagatedTag>>;

    CatalogMonitor *m_monitor;
    QString m_locator;
    AsOf m_asOf;
    quint64 m_openGeneration = 0;
    quint64 m_listGeneration = 0;
    quint64 m_searchGeneration = 0;
    quint64 m_detailGeneration = 0;
    quint64 m_reportGeneration = 0;
    quint64 m_diffGeneration = 0;
    quint64 m_policyGeneration = 0;
    quint64 m_graphGeneration = 0;
    quint64 m_statisticsGeneration = 0;
    QString m_policyPath;
    std::shared_ptr<const PropagationPolicy> m_policy = std::make_shared<const PropagationPolicy>();
    // The lineage at the current as-of point, built by the first detail request that needs it.
    std::shared_ptr<const LineageGraph> m_graph;
    // Every propagated tag at that point under the policy, by resource; built with the graph's
    // first detail.
    std::shared_ptr<const TagsByResource> m_propagated;
};

} // namespace tributary::ui
