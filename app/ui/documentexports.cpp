// SPDX-License-Identifier: Apache-2.0
#include "documentexports.h"

#include <atomic>
#include <memory>

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QTimer>
#include <QUrl>
#include <QtConcurrent>

#include "catalogsession.h"
#include "handbookdialog.h"
#include "handbookwriter.h"
#include "iothreads.h"
#include "sessionsecrets.h"
#include "tributary/docs/docsite.h"

namespace tributary::ui {

// Shared by a worker and the progress dialog: the worker counts, the dialog reads every
// 100 ms (a signal per page of a 100,000-page site would flood the event loop).
struct DocumentExports::Progress {
    std::atomic<std::size_t> done{0};
    std::atomic<std::size_t> total{0};
    std::atomic_bool cancelled{false};

    bool update(std::size_t d, std::size_t t)
    {
        done = d;
        total = t;
        return !cancelled;
    }
};

namespace {

QString text(const std::string &value) { return QString::fromStdString(value); }

QString megabytes(std::uint64_t bytes) { return QString::number(double(bytes) / 1e6, 'f', 1) + QStringLiteral(" MB"); }

struct PinnedStore {
    std::unique_ptr<CatalogStore> store;
    AsOf asOf;
};

// The catalog, and the point the window shows as the import it stands at, so every chapter of a
// handbook shows one point even if someone imports meanwhile.
Result<PinnedStore> openPinned(const std::string &locator, const AsOf &asOf)
{
    auto store = openCatalogStore(locator, OpenMode::ReadOnly);
    if (!store)
        return tl::unexpected(store.error());
    auto import = (*store)->resolve(asOf);
    if (!import)
        return tl::unexpected(import.error());
    return PinnedStore{std::move(*store), *import ? AsOf::import(**import) : asOf};
}

} // namespace

DocumentExports::DocumentExports(QWidget *window, CatalogSession *session)
    : QObject(window), m_window(window), m_session(session)
{
}

void DocumentExports::fillMenu(QMenu *menu, QAction *before)
{
    const auto add = [&](const QString &label, const QKeySequence &keys, void (DocumentExports::*slot)()) {
        auto *action = new QAction(label, this);
        action->setShortcut(keys);
        connect(action, &QAction::triggered, this, slot);
        menu->insertAction(before, action);
    };
    add(tr("Export &docs site…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E), &DocumentExports::exportSite);
    add(tr("Export &PDF handbook…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
        &DocumentExports::exportHandbook);
    menu->insertSeparator(before);
}

void DocumentExports::exportSite()
{
    if (m_session->locator().isEmpty())
        return;
    const QString folder = QFileDialog::getExistingDirectory(m_window,
        tr("Export the docs site into (an empty folder, or an earlier site)"), QDir::homePath());
    if (!folder.isEmpty())
        exportSiteTo(folder);
}

void DocumentExports::exportHandbook()
{
    if (m_session->locator().isEmpty())
        return;
    HandbookDialog dialog(m_chosen, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    exportHandbookTo({dialog.scope(), dialog.title(), dialog.path()});
}

void DocumentExports::exportSiteTo(const QString &folder)
{
    DocsSiteOptions options;
    options.output = folder.toStdString();
    options.policy = *m_session->policy();
    options.policyName = m_session->policyPath().toStdString();
    const AsOf asOf = m_session->asOf();
    runWithProgress(tr("Writing the docs site of %1…").arg(m_session->locator()),
        [locator = connectionString(m_session->locator()), options, asOf](Progress &progress) mutable -> Outcome {
            // exportDocsSite resolves the point to one import itself, and opens a store per worker.
            options.asOf = asOf;
            options.progress = [&progress](std::size_t done, std::size_t total) { return progress.update(done, total); };
            auto site = exportDocsSite(locator, options);
            if (!site)
                return {{}, text(site.error().toString())};
            return {tr("%n page(s), %1", nullptr, int(site->pages)).arg(megabytes(site->bytes)), {}};
        },
        [this, folder](const Outcome &outcome) {
            Q_EMIT siteExported(folder, outcome.summary, outcome.error);
            if (outcome.error.isEmpty())
                offerToOpen(tr("Docs site written"), tr("The docs site is in %1 (%2).").arg(folder, outcome.summary),
                    QDir(folder).filePath(QStringLiteral("index.html")));
        });
}

void DocumentExports::exportHandbookTo(const HandbookRequest &request)
{
    HandbookOptions options;
    options.title = request.title.isEmpty() ? std::string("Catalog handbook") : request.title.toStdString();
    options.catalog = locatorWithoutPassword(m_session->locator().toStdString());
    options.scope = request.scope.describe();
    options.policy = *m_session->policy();
    options.policyName = m_session->policyPath().toStdString();
    options.toolVersion = TRIBUTARY_VERSION;
    const AsOf asOf = m_session->asOf();
    runWithProgress(tr("Writing the handbook…"),
        [locator = connectionString(m_session->locator()), options, asOf, request](Progress &progress) mutable
            -> Outcome {
            auto opened = openPinned(locator, asOf);
            if (!opened)
                return {{}, text(opened.error().toString())};
            CatalogStore &store = *opened->store;
            options.asOf = opened->asOf;
            auto assets = handbookAssets(store, request.scope, options.asOf);
            if (!assets)
                return {{}, text(assets.error().toString())};
            if (assets->empty())
                return {{}, tr("No assets match %1.").arg(text(request.scope.describe()))};
            auto snapshot = store.lineageSnapshot(options.asOf);
            if (!snapshot)
                return {{}, text(snapshot.error().toString())};
            const auto graph = std::make_shared<const LineageGraph>(LineageGraph::build(std::move(*snapshot)));
            options.progress = [&progress](std::size_t done, std::size_t total) { return progress.update(done, total); };
            auto book = buildHandbook(store, graph, *assets, options);
            if (!book)
                return {{}, text(book.error().toString())};
            auto printed = print::printHandbook(*book, request.path.toStdString());
            if (!printed)
                return {{}, text(printed.error().toString())};
            return {tr("%n asset(s), %1 pages", nullptr, int(assets->size())).arg(printed->pages), {}};
        },
        [this, path = request.path](const Outcome &outcome) {
            Q_EMIT handbookExported(path, outcome.summary, outcome.error);
            if (outcome.error.isEmpty())
                offerToOpen(tr("Handbook written"), tr("The handbook is %1 (%2).").arg(path, outcome.summary), path);
        });
}

template <typename Work, typename Done>
void DocumentExports::runWithProgress(const QString &label, Work work, Done done)
{
    if (m_busy) {
        done(Outcome{{}, tr("Another export is still running.")});
        return;
    }
    m_busy = true;
    auto progress = std::make_shared<Progress>();
    auto *dialog = new QProgressDialog(label, tr("Cancel"), 0, 0, m_window);
    dialog->setWindowTitle(tr("Export"));
    dialog->setMinimumDuration(300);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QProgressDialog::canceled, this, [progress] { progress->cancelled = true; });
    auto *timer = new QTimer(dialog);
    connect(timer, &QTimer::timeout, dialog, [dialog, progress] {
        if (const std::size_t total = progress->total; total > 0) {
            dialog->setMaximum(int(total));
            dialog->setValue(int(progress->done));
        }
    });
    timer->start(100);
    QtConcurrent::run(&ioThreads(), [work = std::move(work), progress]() mutable { return work(*progress); })
        .then(this, [this, dialog, done = std::move(done), progress](const Outcome &outcome) {
            m_busy = false;
            const bool cancelled = progress->cancelled;
            dialog->disconnect(this); // closing a progress dialog reports it cancelled
            dialog->close();
            done(cancelled ? Outcome{{}, tr("The export was cancelled; nothing was written.")} : outcome);
        });
}

void DocumentExports::offerToOpen(const QString &title, const QString &message, const QString &file)
{
    // Not modal: the window stays usable, and nothing opens unless asked.
    auto *box = new QMessageBox(QMessageBox::Information, title, message, QMessageBox::Close, m_window);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *open = box->addButton(tr("&Open"), QMessageBox::AcceptRole);
    connect(open, &QPushButton::clicked, this, [file] { QDesktopServices::openUrl(QUrl::fromLocalFile(file)); });
    box->setModal(false);
    box->show();
}

} // namespace tributary::ui
