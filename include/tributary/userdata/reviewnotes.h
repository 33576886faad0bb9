// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tributary/base/result.h"
#include "tributary/base/timestamp.h"
#include "tributary/model/ref.h"
#include "tributary/store/storetypes.h"

namespace tributary {

class UserDataStore;

enum class ReviewStatus { Reviewed, NeedsWork };

// "reviewed", "needs-work".
std::string_view reviewStatusName(ReviewStatus status);
// Accepts the names above, and "needs_work" / "needswork".
std::optional<ReviewStatus> parseReviewStatus(std::string_view text);

// What a team lead said about one asset, and what they were looking at when they said it: the
// catalog's fingerprint and import, so a note reads "reviewed as of import 4".
struct ReviewNote {
    Ref asset;
    ReviewStatus status = ReviewStatus::Reviewed;
    std::string comment; // required for NeedsWork
    std::string reviewer;
    Timestamp at;
    std::string fingerprint; // of the catalog as reviewed; may be empty
    std::optional<ImportId> import; // the import it stood at; nullopt: none known

    // The user-data key: the asset's ref text, "feature:avg_spend@v2".
    std::string key() const { return asset.toString(); }
    // Errors: Invalid (a malformed asset, or "needs work" without a comment).
    Result<void> check() const;
    // One JSON object; fromJson(toJson()) gives the note back.
    std::string toJson() const;
    // The note stored under `key`. Errors: Invalid, naming the key and what is wrong (not JSON,
    // a field missing or of the wrong type, an asset other than the key, a failed check()).
    static Result<ReviewNote> fromJson(std::string_view json, std::string_view key);

    bool operator==(const ReviewNote &) const = default;
};

// "feature:avg_spend@v2" -> the Ref; the kind is required, the version exactly for versioned
// kinds. Errors: Invalid, saying which part is wrong.
Result<Ref> parseAssetRef(std::string_view text);

// The user-data area review notes live in.
inline constexpr const char *kReviewsArea = "reviews";

// Every note of a book, and the entries that could not be read (each error names its key).
struct ReviewListing {
    std::vector<ReviewNote> notes; // ordered by asset (kind, name, version)
    std::vector<Error> unreadable;
};

// Review notes kept in a user-data file, one entry per asset (area "reviews", key the ref
// text). Borrows `store`, which must outlive it; `location` (the file) names errors' where.
// Not thread-safe, like the store.
class ReviewBook
{
public:
    explicit ReviewBook(UserDataStore &store, std::string location = {});

    // Writes or replaces the note of `note.asset`. Errors: Invalid (see check()), Database.
    Result<void> put(const ReviewNote &note);
    // nullopt when the asset has no note. Errors: Invalid (an unreadable entry), Database.
    Result<std::optional<ReviewNote>> get(const Ref &asset);
    // Every note; an unreadable entry is listed apart, never fails the rest. Errors: Database.
    Result<ReviewListing> list();
    // Removes the note of `asset` (nothing when absent). Errors: Database.
    Result<void> remove(const Ref &asset);

private:
    Error located(Error error) const;

    UserDataStore &m_store;
    std::string m_location;
};

// Notes to send back, with where they come from: which catalog, as it stands now, and when.
struct ReviewExport {
    std::string catalog; // as it may be shown (no password)
    std::string fingerprint; // the catalog's now; may be empty
    std::optional<ImportId> import; // its latest import now
    Timestamp exportedAt;
    std::vector<ReviewNote> notes; // written ordered by asset, whatever the order here
};

// RFC 4180 CSV: a header row, then one row per note; the catalog and export time repeat in
// trailing columns. Cells a spreadsheet would run as formulas are neutralised (csvCell).
std::string writeReviewsCsv(const ReviewExport &reviews);
// A Markdown page: which catalog and when, then one table row per note; `|`, line breaks and
// Markdown or HTML punctuation in people's text are escaped, so the table stays one table.
std::string writeReviewsMarkdown(const ReviewExport &reviews);

} // namespace tributary
