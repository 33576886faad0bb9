// SPDX-License-Identifier: Apache-2.0
// The whole export: the as-of point resolved once, the lineage graph built once and shared,
// the index pages and search index from the graph alone, then one page per asset written by
// worker threads that each read through their own read-only store. Everything goes into a
// temporary folder that replaces the output only once the site is complete.
#include "tributary/docs/docsite.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "docsite_p.h"
#include "sitefolder_p.h"
#include "tributary/store/catalogstore.h"

namespace tributary {
namespace {

using namespace docs_detail;

std::string defaultName(const std::string &locator)
{
    if (isServerLocator(locator))
        return locatorWithoutPassword(locator);
    const std::string stem = std::filesystem::path(locator).stem().string();
    return stem.empty() ? locator : stem;
}

// What the worker threads share: the next page to take, what is done, the first error.
class PageQueue
{
public:
    explicit PageQueue(std::size_t total)
        : m_total(total)
    { }
    // The next page's number, or nullopt when there are none left or the export stopped.
    std::optional<std::size_t> take()
    {
        if (m_stop.load())
            return std::nullopt;
        const std::size_t next = m_next.fetch_add(1);
        return next < m_total ? std::optional(next) : std::nullopt;
    }
    void done() { m_done.fetch_add(1); }
    void fail(Error error)
    {
        std::lock_guard lock(m_mutex);
        if (!m_error)
            m_error = std::move(error);
        m_stop = true;
    }
    void cancel() { m_stop = true; }
    void finished()
    {
        std::lock_guard lock(m_mutex);
        ++m_finished;
        m_changed.notify_all();
    }
    // Waits until `workers` have finished, calling `tick` about ten times a second meanwhile.
    void wait(std::size_t workers, const std::function<void(std::size_t done)> &tick)
    {
        std::unique_lock lock(m_mutex);
        while (m_finished < workers) {
            m_changed.wait_for(lock, std::chrono::milliseconds(100));
            lock.unlock();
            tick(m_done.load());
            lock.lock();
        }
    }
    std::optional<Error> error()
    {
        std::lock_guard lock(m_mutex);
        return m_error;
    }
    std::size_t doneCount() const { return m_done.load(); }

private:
    const std::size_t m_total;
    std::atomic<std::size_t> m_next{0}, m_done{0};
    std::atomic<bool> m_stop{false};
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::size_t m_finished = 0;
    std::optional<Error> m_error;
};

void writePages(const std::string &locator, const SiteContext &site, const AssetDocBuilder &builder,
    const AsOf &asOf, SiteFolder &folder, PageQueue &queue)
{
    try {
        auto store = openCatalogStore(locator, OpenMode::ReadOnly);
        if (!store)
            return queue.fail(store.error());
        while (const auto next = queue.take()) {
            const Ref &ref = site.graph->resource(site.order[*next]).ref;
            auto doc = builder.build(**store, ref, asOf);
            if (!doc)
                return queue.fail(doc.error());
            if (auto written = folder.write(assetPath(ref), assetPage(site, *doc)); !written)
                return queue.fail(written.error());
            queue.done();
        }
    } catch (const std::exception &exception) { // bad_alloc and the like: an error, not a crash
        queue.fail({ErrorCode::Internal,
            std::string("writing the pages failed: ") + exception.what(), locator, {}, {}});
    }
}

std::string markerText(const SiteContext &site)
{
    return "Tributary docs site, written by Tributary " TRIBUTARY_VERSION "\ncatalog "
        + site.catalogName + "\nfingerprint " + site.fingerprint + "\nimport "
        + std::to_string(site.import.value) + "\n";
}

} // namespace

Result<DocsSiteSummary> exportDocsSite(const std::string &locator, const DocsSiteOptions &options)
{
    auto opened = openCatalogStore(locator, OpenMode::ReadOnly);
    if (!opened)
        return tl::unexpected(opened.error());
    CatalogStore &store = **opened;
    auto resolved = store.resolve(options.asOf);
    if (!resolved)
        return tl::unexpected(resolved.error());
    if (!*resolved)
        return fail(ErrorCode::Invalid,
            "the catalog has no import as of " + options.asOf.toString(),
            locatorWithoutPassword(locator),
            "import a catalog folder first (tributary import DIR --catalog ...), or pick a later "
            "--as-of");
    const AsOf asOf = AsOf::import(**resolved);
    auto snapshot = store.lineageSnapshot(asOf);
    if (!snapshot)
        return tl::unexpected(snapshot.error());
    const auto graph
        = std::make_shared<const LineageGraph>(LineageGraph::build(std::move(*snapshot)));

    SiteContext site;
    site.catalogName = options.catalogName.empty() ? defaultName(locator) : options.catalogName;
    site.fingerprint = graph->fingerprint();
    site.import = **resolved;
    site.importedAt = graph->importedAt();
    site.policyName = options.policyName;
    site.graph = graph.get();
    for (NodeId node = 0; node < graph->nodeCount(); ++node) {
        site.order.push_back(node);
        if (const std::string &owner = graph->owner(node);
            !owner.empty() && !site.ownerPages.count(owner))
            site.ownerPages.emplace(owner, ownerListPath(owner, 1));
        for (const std::string &tag : tagsOf(*graph, node)) {
            if (!site.tagPages.count(tag))
                site.tagPages.emplace(tag, tagListPath(tag, 1));
        }
    }
    std::sort(site.order.begin(), site.order.end(),
        [&](NodeId a, NodeId b) { return graph->resource(a).ref < graph->resource(b).ref; });

    std::vector<std::string> folders{"kinds", "owners", "tags"};
    for (ResourceKind kind : kAllKinds)
        folders.push_back("assets/" + std::string(kindName(kind)));
    auto prepared = SiteFolder::prepare(options.output, folders);
    if (!prepared)
        return tl::unexpected(prepared.error());
    SiteFolder &folder = **prepared;
    const WriteFile write = [&](const std::string &path, const std::string &text) {
        return folder.write(path, text);
    };

    DocsSiteSummary summary;
    summary.fingerprint = site.fingerprint;
    summary.import = site.import;
    const std::string index = searchIndexScript(site);
    summary.indexBytes = index.size();
    for (const auto &[path, text] :
        {std::pair<std::string, std::string>{"style.css", std::string(styleCss())},
            {"search.js", std::string(searchScript())}, {"search-index.js", index},
            {"search.html", searchPage(site)}}) {
        if (auto written = write(path, text); !written)
            return tl::unexpected(written.error());
    }
    auto lists = writeIndexPages(site, write);
    if (!lists)
        return tl::unexpected(lists.error());

    const AssetDocBuilder builder(graph, options.policy);
    const std::size_t total = site.order.size();
    unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
    threads = unsigned(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(total, 1)));
    PageQueue queue(total);
    bool cancelled = false;
    const auto keepGoing = [&](std::size_t done) {
        if (!cancelled && options.progress && !options.progress(done, total)) {
            cancelled = true;
            queue.cancel();
        }
        return !cancelled;
    };
    if (!keepGoing(0))
        return fail(ErrorCode::Cancelled, "the export was cancelled; the output is as it was",
            options.output);
    std::vector<std::thread> workers;
    for (unsigned i = 0; i < threads; ++i)
        workers.emplace_back([&] {
            writePages(locator, site, builder, asOf, folder, queue);
            queue.finished();
        });
    queue.wait(workers.size(), keepGoing);
    for (std::thread &worker : workers)
        worker.join();
    if (const auto error = queue.error())
        return tl::unexpected(*error);
    if (cancelled || queue.doneCount() < total || !keepGoing(total))
        return fail(ErrorCode::Cancelled, "the export was cancelled; the output is as it was",
            options.output);

    if (auto committed = folder.commit(markerText(site)); !committed)
        return tl::unexpected(committed.error());
    summary.pages = total + *lists + 1; // asset pages, lists and index, search
    summary.bytes = folder.bytes();
    return summary;
}

} // namespace tributary
