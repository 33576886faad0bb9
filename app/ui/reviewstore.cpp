// SPDX-License-Identifier: Apache-2.0
#include "reviewstore.h"

#include <QFileInfo>
#include <QUndoStack>
#include <QtConcurrent/QtConcurrentRun>

#include "catalogsession.h"
#include "iothreads.h"
#include "reviewchange.h"
#include "savedview.h"
#include "tributary/userdata/userdatastore.h"

namespace tributary::ui {
namespace {

QString errorText(const Error &error)
{
    return QString::fromStdString(error.toString());
}

QString reviewerName()
{
    return qEnvironmentVariable(
        "TRIBUTARY_AUTHOR", qEnvironmentVariable("USER", QStringLiteral("unknown")));
}

// Runs `use` on the review book of the catalog at `locator`, on the worker that calls it.
template <typename Use> QString withBook(const QString &locator, Use use)
{
    const std::string path = userDataPath(locator).toStdString();
    auto store = UserDataStore::open(path);
    if (!store)
        return errorText(store.error());
    ReviewBook book(**store, path);
    const Result<void> done = use(book);
    return done ? QString() : errorText(done.error());
}

} // namespace

ReviewStore::ReviewStore(CatalogSession *session, QObject *parent)
    : QObject(parent)
    , m_session(session)
    , m_undo(new QUndoStack(this))
{
    qRegisterMetaType<tributary::Ref>();
    connect(m_session, &CatalogSession::opened, this, &ReviewStore::setCatalog);
}

ReviewStore::~ReviewStore() = default;

const ReviewNote *ReviewStore::noteFor(const Ref &asset) const
{
    const auto it = m_notes.find(asset);
    return it == m_notes.end() ? nullptr : &it->second;
}

const ImportRecord *ReviewStore::viewedImport() const
{
    const AsOf &asOf = m_session->asOf();
    const ImportRecord *viewed = nullptr;
    for (const ImportRecord &record : m_imports) {
        if (const auto *id = std::get_if<ImportId>(&asOf.point)) {
            if (record.id == *id)
                return &record;
        } else if (const auto *at = std::get_if<Timestamp>(&asOf.point); at && record.at > *at) {
            break;
        } else {
            viewed = &record; // the latest so far, at or before the point
        }
    }
    return viewed;
}

ReviewExport ReviewStore::exportData() const
{
    ReviewExport data;
    data.catalog = locatorWithoutPassword(m_locator.toStdString());
    if (!m_imports.empty()) {
        data.import = m_imports.back().id;
        data.fingerprint = m_imports.back().fingerprint;
    }
    data.exportedAt = Timestamp::now();
    for (const auto &[asset, note] : m_notes)
        data.notes.push_back(note);
    return data;
}

ReviewNote ReviewStore::draft(const Ref &asset, ReviewStatus status, const QString &comment) const
{
    ReviewNote note;
    note.asset = asset;
    note.status = status;
    note.comment = comment.trimmed().toStdString();
    note.reviewer = reviewerName().toStdString();
    note.at = Timestamp::now();
    if (const ImportRecord *viewed = viewedImport()) {
        note.import = viewed->id;
        note.fingerprint = viewed->fingerprint;
    }
    return note;
}

bool ReviewStore::markReviewed(const Ref &asset)
{
    // A reviewed note's comment stays when it is marked again; what needed work is done.
    const ReviewNote *before = noteFor(asset);
    const bool keep = before && before->status == ReviewStatus::Reviewed;
    ReviewNote note = draft(
        asset, ReviewStatus::Reviewed, keep ? QString::fromStdString(before->comment) : QString());
    change(asset, std::move(note),
        tr("Mark %1 reviewed").arg(QString::fromStdString(asset.shortString())));
    return true;
}

bool ReviewStore::markNeedsWork(const Ref &asset, const QString &comment, QString *why)
{
    ReviewNote note = draft(asset, ReviewStatus::NeedsWork, comment);
    if (auto checked = note.check(); !checked) {
        if (why)
            *why = QString::fromStdString(checked.error().message);
        return false;
    }
    change(asset, std::move(note),
        tr("Mark %1 as needing work").arg(QString::fromStdString(asset.shortString())));
    return true;
}

void ReviewStore::clear(const Ref &asset)
{
    if (!noteFor(asset))
        return;
    change(asset, std::nullopt,
        tr("Clear the note on %1").arg(QString::fromStdString(asset.shortString())));
}

void ReviewStore::change(const Ref &asset, std::optional<ReviewNote> after, const QString &text)
{
    std::optional<ReviewNote> before;
    if (const ReviewNote *current = noteFor(asset))
        before = *current;
    m_undo->push(new ReviewChange(this, asset, std::move(before), std::move(after), text));
}

void ReviewStore::apply(const Ref &asset, const std::optional<ReviewNote> &note)
{
    if (note)
        m_notes[asset] = *note;
    else
        m_notes.erase(asset);
    ++m_changes;
    Q_EMIT noteChanged(asset);
    enqueue([locator = m_locator, asset, note]() -> Outcome {
        return {false, std::nullopt, withBook(locator, [&](ReviewBook &book) {
                    return note ? book.put(*note) : book.remove(asset);
                })};
    });
}

void ReviewStore::reload()
{
    ++m_generation;
    enqueue([locator = m_locator]() -> Outcome {
        // Reading never creates the file: a catalog no one reviewed has none.
        if (!QFileInfo::exists(userDataPath(locator)))
            return {true, ReviewListing{}, {}};
        Outcome outcome;
        outcome.reading = true;
        outcome.error = withBook(locator, [&](ReviewBook &book) -> Result<void> {
            auto listing = book.list();
            if (!listing)
                return tl::unexpected(listing.error());
            outcome.listing = std::move(*listing);
            return {};
        });
        return outcome;
    });
}

void ReviewStore::setCatalog(const QString &locator, const std::vector<ImportRecord> &imports)
{
    m_imports = imports;
    if (locator != m_locator) {
        // Another catalog: its own notes, and a history of changes that starts empty (the old
        // commands would change the other catalog's notes).
        m_undo->clear();
        m_locator = locator;
        m_notes.clear();
        m_problems.clear();
        m_loaded = false;
        Q_EMIT reloaded();
    }
    reload();
}

void ReviewStore::enqueue(std::function<Outcome()> work)
{
    m_queue.push_back({m_generation, m_changes, std::move(work)});
    startNext();
}

void ReviewStore::startNext()
{
    if (m_running || m_queue.empty())
        return;
    Pending next = std::move(m_queue.front());
    m_queue.pop_front();
    m_running = true;
    // One job at a time, so writes land in the order they were made (undo right after a change
    // must not overtake it on another thread).
    auto work = std::move(next.work);
    QtConcurrent::run(&ioThreads(), std::move(work))
        .then(this, [this, job = std::move(next)](Outcome outcome) {
            m_running = false;
            finish(job, std::move(outcome));
            startNext();
        });
}

void ReviewStore::finish(const Pending &job, Outcome outcome)
{
    const bool current = job.generation == m_generation;
    if (!outcome.error.isEmpty()) {
        Q_EMIT failed(outcome.error);
        // A write failed: what is shown may not be what the file holds, so read it again.
        if (current && !outcome.reading)
            reload();
        return;
    }
    if (!outcome.listing || !current)
        return;
    if (job.changes != m_changes) {
        reload(); // changed while reading: read again once those changes are written
        return;
    }
    m_notes.clear();
    for (ReviewNote &note : outcome.listing->notes)
        m_notes.emplace(note.asset, std::move(note));
    m_problems.clear();
    for (const Error &problem : outcome.listing->unreadable)
        m_problems.append(errorText(problem));
    m_loaded = true;
    Q_EMIT reloaded();
}

} // namespace tributary::ui
