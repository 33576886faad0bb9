// SPDX-License-Identifier: Apache-2.0
// Review notes from the command line: `reviews` exports them as CSV or Markdown to send back,
// `review` marks an asset (for scripts, and so a note can be written without the desktop app).
// Notes live in the user-data file beside the catalog file, never in the catalog: a server
// catalog has no "beside", so it needs --user-data.
#include <cstdlib>
#include <filesystem>
#include <ostream>

#include "browsesupport.h"
#include "tributary/base/atomicfile.h"
#include "tributary/userdata/reviewnotes.h"
#include "tributary/userdata/userdatastore.h"

namespace tributary::cli {
namespace {

namespace fs = std::filesystem;

// Now, or SOURCE_DATE_EPOCH (the reproducible-builds convention) when it is set, so an export
// or a note can be made again byte for byte.
Timestamp now()
{
    if (const char *epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char *end = nullptr;
        const long long seconds = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0')
            return Timestamp{seconds};
    }
    return Timestamp::now();
}

// --user-data, else the file beside the catalog; empty (after a usage error) for a server.
std::string userDataFile(const Arguments &args, const std::string &command, Io &io, int &exitCode)
{
    if (const auto given = args.value("--user-data"); given && !given->empty())
        return *given;
    const std::string locator = catalogLocator(args);
    if (isServerLocator(locator)) {
        exitCode = usageError(io, command, "a server catalog has no user-data file beside it",
            "pass --user-data FILE, the file that holds the notes");
        return {};
    }
    return UserDataStore::pathBeside(locator);
}

// The catalog as it stands: its latest import and fingerprint.
Result<ReviewExport> catalogNow(CatalogStore &store)
{
    auto imports = store.imports();
    if (!imports)
        return tl::unexpected(imports.error());
    ReviewExport now;
    now.catalog = locatorWithoutPassword(store.locator());
    if (!imports->empty()) {
        now.import = imports->back().id;
        now.fingerprint = imports->back().fingerprint;
    }
    return now;
}

// Writes `text` to --output (atomically: see writeFileAtomically) or to stdout.
int emit(const std::string &text, const Arguments &args, std::size_t notes, Io &io)
{
    const auto output = args.value("--output");
    if (!output) {
        io.out << text;
        return ExitOk;
    }
    if (auto written = writeFileAtomically(*output, text); !written)
        return reportError(written.error(), io);
    io.err << "wrote " << *output << " (" << countOf(notes, "note", "notes") << ")\n";
    return ExitOk;
}

int runReviews(const Arguments &args, Io &io)
{
    const std::string format = args.value("--format").value_or("markdown");
    if (format != "csv" && format != "markdown" && format != "md")
        return usageError(io, "reviews", "--format takes csv or markdown, not '" + format + "'");
    int exitCode = ExitOk;
    const std::string path = userDataFile(args, "reviews", io, exitCode);
    if (path.empty())
        return exitCode;
    auto store = openStore(args, OpenMode::ReadOnly);
    if (!store)
        return reportError(store.error(), io);
    auto reviews = catalogNow(**store);
    if (!reviews)
        return reportError(reviews.error(), io);
    reviews->exportedAt = now();

    std::vector<Error> unreadable;
    if (fs::exists(path)) {
        auto userData = UserDataStore::open(path);
        if (!userData)
            return reportError(userData.error(), io);
        ReviewBook book(**userData, path);
        auto listing = book.list();
        if (!listing)
            return reportError(listing.error(), io);
        reviews->notes = std::move(listing->notes);
        unreadable = std::move(listing->unreadable);
    } else if (args.value("--user-data")) {
        return reportError({ErrorCode::NotFound, "no such user-data file", path, {}, {}}, io);
    } else {
        // Reading never creates the file: no file is no note yet.
        io.err << "tributary reviews: no review notes yet (no " << path << ")\n";
    }
    const std::string text
        = format == "csv" ? writeReviewsCsv(*reviews) : writeReviewsMarkdown(*reviews);
    exitCode = emit(text, args, reviews->notes.size(), io);
    // What could not be read is left out of the export and named, so it can be fixed.
    for (const Error &error : unreadable)
        exitCode = reportError(error, io);
    return exitCode;
}

int runReview(const Arguments &args, Io &io)
{
    const auto needsWork = args.value("--needs-work");
    const int chosen
        = int(args.flag("--reviewed")) + int(needsWork.has_value()) + int(args.flag("--clear"));
    if (chosen != 1)
        return usageError(io, "review", "give one of --reviewed, --needs-work COMMENT or --clear");
    if (args.value("--comment") && !args.flag("--reviewed"))
        return usageError(io, "review", "--comment goes with --reviewed",
            "the comment of --needs-work is its value: --needs-work \"what to change\"");
    int exitCode = ExitOk;
    const std::string path = userDataFile(args, "review", io, exitCode);
    if (path.empty())
        return exitCode;
    auto opened = openForReading(args, "review", io, exitCode);
    if (!opened)
        return exitCode;
    auto ref = resolveArgument(*opened->store, args.positional().at(0), opened->asOf);
    if (!ref)
        return reportResolveError(ref.error(), "review", io);
    auto userData = UserDataStore::open(path);
    if (!userData)
        return reportError(userData.error(), io);
    ReviewBook book(**userData, path);
    if (args.flag("--clear")) {
        if (auto removed = book.remove(*ref); !removed)
            return reportError(removed.error(), io);
        io.out << "cleared the note on " << ref->toString() << '\n';
        return ExitOk;
    }

    ReviewNote note;
    note.asset = *ref;
    note.status = needsWork ? ReviewStatus::NeedsWork : ReviewStatus::Reviewed;
    note.comment = needsWork ? *needsWork : args.value("--comment").value_or(std::string());
    note.reviewer = currentAuthor();
    note.at = now();
    auto import = opened->store->resolve(opened->asOf);
    if (!import)
        return reportError(import.error(), io);
    note.import = *import;
    auto fingerprint = opened->store->fingerprint(opened->asOf);
    if (!fingerprint)
        return reportError(fingerprint.error(), io);
    note.fingerprint = *fingerprint;
    if (auto put = book.put(note); !put) {
        if (put.error().code == ErrorCode::Invalid)
            return usageError(io, "review", put.error().message, put.error().hint);
        return reportError(put.error(), io);
    }
    io.out << ref->toString() << ": " << (needsWork ? "needs work" : "reviewed")
           << (note.import ? " as of import " + std::to_string(note.import->value) : "") << ", by "
           << note.reviewer << '\n';
    return ExitOk;
}

} // namespace

std::vector<Command> reviewCommands()
{
    return {
        {"review",
            "review REF --catalog FILE (--reviewed [--comment T] | --needs-work T | --clear) "
            "[--as-of T] [--user-data F]",
            "marks an asset reviewed or needing work, in the catalog's user data (never the "
            "catalog)",
            {{"--catalog", "--as-of", "--user-data", "--needs-work", "--comment"},
                {"--reviewed", "--clear"}, 1, 1},
            runReview},
        {"reviews", "reviews --catalog FILE [--user-data F] [--format csv|markdown] [--output F]",
            "the review notes on a catalog, as CSV or Markdown to send back",
            {{"--catalog", "--user-data", "--format", "--output"}, {}, 0, 0}, runReviews},
    };
}

} // namespace tributary::cli
