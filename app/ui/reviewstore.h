// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <vector>

#include <QObject>
#include <QStringList>
#include <QUndoStack>

#include "tributary/userdata/reviewnotes.h"

namespace tributary::ui {

class CatalogSession;

// The review notes of the open catalog, as a document: what the bar, the panel and the undo
// commands share. Kept in the catalog's user-data file (userDataPath), never in the catalog.
// Changes show at once and are written in the background, one after another in the order
// made, on ioThreads(); a failed write is reported and the notes are read anew. Follows the
// session: another catalog opened reads its notes and starts a new undo history.
class ReviewStore : public QObject
{
    Q_OBJECT
public:
    explicit ReviewStore(CatalogSession *session, QObject *parent = nullptr);
    ~ReviewStore() override;

    // Every review change, undoable; Edit > Undo and Redo act on it.
    QUndoStack &undoStack() { return *m_undo; }

    // What the person asked for, each as one undo command. A "needs work" note without a
    // comment is refused: false, with the reason in `why`.
    bool markReviewed(const Ref &asset);
    bool markNeedsWork(const Ref &asset, const QString &comment, QString *why = nullptr);
    void clear(const Ref &asset);

    // The notes as last read, with the changes made since; by asset.
    const std::map<Ref, ReviewNote> &notes() const { return m_notes; }
    const ReviewNote *noteFor(const Ref &asset) const;
    // The entries of the user-data file that are not valid notes, each naming its key.
    const QStringList &problems() const { return m_problems; }
    // The notes of the current catalog have been read, and nothing is waiting to be written.
    bool isLoaded() const { return m_loaded; }
    bool isIdle() const { return !m_running && m_queue.empty(); }
    const QString &catalog() const { return m_locator; }
    // The import the window shows (the as-of point), which a new note says it was made on.
    const ImportRecord *viewedImport() const;
    // The catalog's latest import; nullptr before the first.
    const ImportRecord *latestImport() const
    {
        return m_imports.empty() ? nullptr : &m_imports.back();
    }
    // The notes with the catalog's stamps as it stands now, to export.
    ReviewExport exportData() const;

    // For the undo commands: the note of `asset` becomes `note` (nullopt: none), shown now and
    // written in the background.
    void apply(const Ref &asset, const std::optional<ReviewNote> &note);
    // Reads the notes of the current catalog again.
    void reload();

Q_SIGNALS:
    // The note of one asset changed (set, replaced, cleared, undone or redone).
    void noteChanged(const tributary::Ref &asset);
    // Every note was read anew (another catalog, or after a failure).
    void reloaded();
    void failed(const QString &message);

private:
    // A job's answer: the notes read, or what went wrong.
    struct Outcome {
        bool reading = false;
        std::optional<ReviewListing> listing;
        QString error;
    };
    struct Pending {
        quint64 generation = 0;
        quint64 changes = 0; // m_changes when it was queued
        std::function<Outcome()> work;
    };

    void setCatalog(const QString &locator, const std::vector<ImportRecord> &imports);
    ReviewNote draft(const Ref &asset, ReviewStatus status, const QString &comment) const;
    void change(const Ref &asset, std::optional<ReviewNote> after, const QString &text);
    void enqueue(std::function<Outcome()> work);
    void startNext();
    void finish(const Pending &job, Outcome outcome);

    CatalogSession *m_session;
    QUndoStack *m_undo;
    QString m_locator;
    std::vector<ImportRecord> m_imports;
    std::map<Ref, ReviewNote> m_notes;
    QStringList m_problems;
    bool m_loaded = false;
    quint64 m_generation = 0; // one per catalog read: answers for an older one are dropped
    quint64 m_changes = 0; // changes applied: a read that began before one is stale
    std::deque<Pending> m_queue;
    bool m_running = false;
};

} // namespace tributary::ui
