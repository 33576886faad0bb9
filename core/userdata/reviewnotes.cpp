// SPDX-License-Identifier: Apache-2.0
// Review notes as JSON entries of the user-data file. A note is read strictly: a field of the
// wrong type, an unknown status or an asset other than its key is an error naming the key, so
// a hand-edited or newer entry is reported rather than half read. Unknown extra fields are
// ignored, so a later Tributary can add some without breaking this one.
#include "tributary/userdata/reviewnotes.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "tributary/userdata/userdatastore.h"

namespace tributary {
namespace {

using nlohmann::json;

bool isBlank(std::string_view text)
{
    return std::all_of(text.begin(), text.end(),
        [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; });
}

tl::unexpected<Error> unreadable(std::string_view key, const std::string &what)
{
    return fail(ErrorCode::Invalid,
        "review note '" + std::string(key) + "' cannot be read: " + what, {},
        "mark the asset again, or clear its note, to replace the entry");
}

// The string field `name`, or an error saying it is missing or not a string.
Result<std::string> stringField(
    const json &object, const char *name, std::string_view key, bool required)
{
    const auto it = object.find(name);
    if (it == object.end() || it->is_null()) {
        if (required)
            return unreadable(key, std::string("it has no '") + name + "'");
        return std::string();
    }
    if (!it->is_string())
        return unreadable(key, std::string("'") + name + "' is not a string");
    return it->get<std::string>();
}

} // namespace

std::string_view reviewStatusName(ReviewStatus status)
{
    return status == ReviewStatus::Reviewed ? "reviewed" : "needs-work";
}

std::optional<ReviewStatus> parseReviewStatus(std::string_view text)
{
    if (text == "reviewed")
        return ReviewStatus::Reviewed;
    if (text == "needs-work" || text == "needs_work" || text == "needswork")
        return ReviewStatus::NeedsWork;
    return std::nullopt;
}

Result<Ref> parseAssetRef(std::string_view text)
{
    auto parsed = parseRefText(text);
    if (!parsed)
        return tl::unexpected(parsed.error());
    const std::string original(text);
    if (!parsed->kind)
        return fail(ErrorCode::Invalid, "asset '" + original + "' has no kind", {},
            "write it as kind:name@version, e.g. feature:avg_spend@v2");
    if (parsed->column)
        return fail(ErrorCode::Invalid, "asset '" + original + "' names a column", {},
            "review notes are about a resource: leave out #column");
    if (isVersioned(*parsed->kind) != parsed->version.has_value()) {
        return fail(ErrorCode::Invalid,
            "asset '" + original + "' " + (parsed->version ? "has" : "needs") + " a version", {},
            std::string(kindName(*parsed->kind))
                + (isVersioned(*parsed->kind) ? "s are named with @version" : "s have no version"));
    }
    return Ref{*parsed->kind, parsed->name, parsed->version.value_or(std::string())};
}

Result<void> ReviewNote::check() const
{
    const std::string text = asset.toString();
    if (!isValidName(asset.name) || isVersioned(asset.kind) == asset.version.empty()
        || (!asset.version.empty() && !isValidVersion(asset.version)))
        return fail(ErrorCode::Invalid, "'" + text + "' is not an asset to review");
    if (status == ReviewStatus::NeedsWork && isBlank(comment))
        return fail(ErrorCode::Invalid, "a \"needs work\" note on " + text + " needs a comment", {},
            "say what needs to change");
    return {};
}

std::string ReviewNote::toJson() const
{
    json object{{"asset", asset.toString()}, {"status", std::string(reviewStatusName(status))},
        {"comment", comment}, {"reviewer", reviewer}, {"at", at.toIso()},
        {"fingerprint", fingerprint}};
    object["import"] = import ? json(import->value) : json(nullptr);
    // Comments are people's text: replace invalid UTF-8 rather than throw.
    return object.dump(-1, ' ', false, json::error_handler_t::replace);
}

Result<ReviewNote> ReviewNote::fromJson(std::string_view text, std::string_view key)
{
    const json object = json::parse(text.begin(), text.end(), nullptr, false);
    if (object.is_discarded())
        return unreadable(key, "it is not JSON");
    if (!object.is_object())
        return unreadable(key, "it is not a JSON object");
    ReviewNote note;
    auto asset = stringField(object, "asset", key, true);
    if (!asset)
        return tl::unexpected(asset.error());
    auto ref = parseAssetRef(*asset);
    if (!ref)
        return unreadable(key, ref.error().message);
    if (ref->toString() != key)
        return unreadable(key, "it is about '" + *asset + "', another asset");
    note.asset = *ref;
    auto status = stringField(object, "status", key, true);
    if (!status)
        return tl::unexpected(status.error());
    const auto parsedStatus = parseReviewStatus(*status);
    if (!parsedStatus)
        return unreadable(key, "its status '" + *status + "' is neither reviewed nor needs-work");
    note.status = *parsedStatus;
    auto at = stringField(object, "at", key, true);
    if (!at)
        return tl::unexpected(at.error());
    auto time = Timestamp::parse(*at);
    if (!time)
        return unreadable(key, "its time: " + time.error().message);
    note.at = *time;
    for (auto [name, field] : {std::pair{"comment", &note.comment},
             std::pair{"reviewer", &note.reviewer}, std::pair{"fingerprint", &note.fingerprint}}) {
        auto value = stringField(object, name, key, false);
        if (!value)
            return tl::unexpected(value.error());
        *field = std::move(*value);
    }
    if (const auto it = object.find("import"); it != object.end() && !it->is_null()) {
        if (!it->is_number_integer() || it->get<std::int64_t>() < 1)
            return unreadable(key, "its import is not an import number");
        note.import = ImportId{it->get<std::int64_t>()};
    }
    if (auto checked = note.check(); !checked)
        return unreadable(key, checked.error().message);
    return note;
}

ReviewBook::ReviewBook(UserDataStore &store, std::string location)
    : m_store(store)
    , m_location(std::move(location))
{ }

Error ReviewBook::located(Error error) const
{
    if (error.where.empty())
        error.where = m_location;
    return error;
}

Result<void> ReviewBook::put(const ReviewNote &note)
{
    if (auto checked = note.check(); !checked)
        return tl::unexpected(checked.error());
    return m_store.put(kReviewsArea, note.key(), note.toJson());
}

Result<std::optional<ReviewNote>> ReviewBook::get(const Ref &asset)
{
    const std::string key = asset.toString();
    auto entry = m_store.get(kReviewsArea, key);
    if (!entry)
        return tl::unexpected(entry.error());
    if (!*entry)
        return std::optional<ReviewNote>();
    auto note = ReviewNote::fromJson((*entry)->value, key);
    if (!note)
        return tl::unexpected(located(note.error()));
    return std::optional<ReviewNote>(std::move(*note));
}

Result<ReviewListing> ReviewBook::list()
{
    auto entries = m_store.list(kReviewsArea);
    if (!entries)
        return tl::unexpected(entries.error());
    ReviewListing listing;
    for (const UserDataEntry &entry : *entries) {
        auto note = ReviewNote::fromJson(entry.value, entry.key);
        if (note)
            listing.notes.push_back(std::move(*note));
        else
            listing.unreadable.push_back(located(note.error()));
    }
    // Keys sort as text ("model:" before "source:"); people expect the catalog's kind order.
    std::stable_sort(listing.notes.begin(), listing.notes.end(),
        [](const ReviewNote &a, const ReviewNote &b) { return a.asset < b.asset; });
    return listing;
}

Result<void> ReviewBook::remove(const Ref &asset)
{
    return m_store.remove(kReviewsArea, asset.toString());
}

} // namespace tributary
