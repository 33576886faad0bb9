// SPDX-License-Identifier: Apache-2.0
// Review notes: kept in the user-data file beside a catalog, never in the catalog (its
// fingerprint stays), read strictly, and exported as CSV and Markdown that hostile comments
// cannot break or turn into spreadsheet formulas.
#include "tributary/userdata/reviewnotes.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "support/tempcatalog.h"
#include "tributary/store/catalogstore.h"
#include "tributary/userdata/userdatastore.h"

namespace tributary {
namespace {

ReviewNote note(Ref asset, ReviewStatus status, std::string comment)
{
    ReviewNote made;
    made.asset = std::move(asset);
    made.status = status;
    made.comment = std::move(comment);
    made.reviewer = "lead";
    made.at = Timestamp{1735689600};
    made.fingerprint = "abc123";
    made.import = ImportId{4};
    return made;
}

const Ref kSpend{ResourceKind::Feature, "spend_30d", "v2"};
const Ref kChurn{ResourceKind::Model, "churn_model", "2"};
const Ref kWarehouse{ResourceKind::Provider, "warehouse", ""};

// The CSV's records, split as RFC 4180 says: commas and CRLF outside quotes, "" inside.
std::vector<std::vector<std::string>> parseCsv(const std::string &text)
{
    std::vector<std::vector<std::string>> rows(1);
    std::string cell;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                cell += c;
            }
        } else if (c == '"') {
            EXPECT_TRUE(cell.empty()) << "a quote inside an unquoted cell";
            quoted = true;
        } else if (c == ',') {
            rows.back().push_back(std::move(cell));
            cell.clear();
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            rows.back().push_back(std::move(cell));
            cell.clear();
            rows.emplace_back();
            ++i;
        } else {
            EXPECT_NE(c, '\n') << "a bare newline outside quotes";
            cell += c;
        }
    }
    EXPECT_FALSE(quoted) << "an unterminated quote";
    EXPECT_TRUE(rows.back().empty() && cell.empty()) << "the last record ends with CRLF";
    rows.pop_back();
    return rows;
}

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string::npos; start = end + 1)
        out.push_back(text.substr(start, end - start));
    return out;
}

// The cells of a Markdown table row, split on the pipes that are not backslash-escaped.
std::vector<std::string> markdownCells(const std::string &row)
{
    std::vector<std::string> cells;
    std::string cell;
    for (std::size_t i = 1; i < row.size(); ++i) {
        if (row[i] == '\\' && i + 1 < row.size()) {
            cell += row.substr(i, 2);
            ++i;
        } else if (row[i] == '|') {
            cells.push_back(cell);
            cell.clear();
        } else {
            cell += row[i];
        }
    }
    EXPECT_TRUE(cell.empty()) << "the row ends with a pipe: " << row;
    return cells;
}

TEST(ReviewNote, RoundTripsThroughJson)
{
    for (ReviewNote original : {note(kSpend, ReviewStatus::Reviewed, ""),
             note(kChurn, ReviewStatus::NeedsWork, "Say \"why\",\nand äöü | <b>"),
             note(kWarehouse, ReviewStatus::Reviewed, "fine")}) {
        auto back = ReviewNote::fromJson(original.toJson(), original.key());
        ASSERT_TRUE(back) << back.error().toString();
        EXPECT_EQ(*back, original);
        original.import.reset();
        original.fingerprint.clear();
        back = ReviewNote::fromJson(original.toJson(), original.key());
        ASSERT_TRUE(back) << back.error().toString();
        EXPECT_EQ(*back, original) << "no import known";
    }
}

TEST(ReviewNote, NeedsWorkRequiresAComment)
{
    for (const char *blank : {"", "   ", "\n\t"}) {
        const auto checked = note(kSpend, ReviewStatus::NeedsWork, blank).check();
        ASSERT_FALSE(checked);
        EXPECT_EQ(checked.error().code, ErrorCode::Invalid);
        EXPECT_NE(checked.error().message.find("comment"), std::string::npos);
    }
    EXPECT_TRUE(note(kSpend, ReviewStatus::Reviewed, "").check()) << "reviewed needs none";
    EXPECT_FALSE(note({ResourceKind::Feature, "spend_30d", ""}, ReviewStatus::Reviewed, "").check())
        << "a feature without a version is not an asset";
}

TEST(ReviewNote, ParsesAssetsAsTheirKeysAreWritten)
{
    EXPECT_EQ(*parseAssetRef("feature:spend_30d@v2"), kSpend);
    EXPECT_EQ(*parseAssetRef("provider:warehouse"), kWarehouse);
    for (const char *bad : {"spend_30d@v2", "feature:spend_30d", "provider:warehouse@1",
             "source:customers@v1#email", "feature:@v2", "colour:red@1"}) {
        const auto parsed = parseAssetRef(bad);
        ASSERT_FALSE(parsed) << bad;
        EXPECT_EQ(parsed.error().code, ErrorCode::Invalid);
    }
}

TEST(ReviewBook, KeepsNotesAcrossReopeningAndNeverTouchesTheCatalog)
{
    testing::TempDir dir;
    const std::string catalog = (dir / "acme.sqlite").string();
    {
        auto store = openCatalogStore(catalog, OpenMode::Create);
        ASSERT_TRUE(store) << store.error().toString();
        ASSERT_TRUE((*store)->importCatalog(testing::loadClean(testing::sampleCatalogDir()), {}));
    }
    const auto fingerprintNow = [&] {
        auto store = openCatalogStore(catalog, OpenMode::ReadOnly);
        EXPECT_TRUE(store);
        return *(*store)->fingerprint(AsOf::latest());
    };
    const std::string before = fingerprintNow();
    const std::string path = UserDataStore::pathBeside(catalog);
    {
        auto store = UserDataStore::open(path);
        ASSERT_TRUE(store) << store.error().toString();
        ReviewBook book(**store, path);
        ASSERT_TRUE(book.put(note(kSpend, ReviewStatus::Reviewed, "")));
        ASSERT_TRUE(book.put(note(kChurn, ReviewStatus::Reviewed, "first look")));
        ASSERT_TRUE(book.put(note(kChurn, ReviewStatus::NeedsWork, "document the threshold")))
            << "replaces";
        ASSERT_TRUE(book.put(note(kWarehouse, ReviewStatus::Reviewed, "")));
        const auto refused = book.put(note(kSpend, ReviewStatus::NeedsWork, " "));
        ASSERT_FALSE(refused);
        EXPECT_EQ(refused.error().code, ErrorCode::Invalid);
    }
    EXPECT_EQ(fingerprintNow(), before);

    auto store = UserDataStore::open(path);
    ASSERT_TRUE(store);
    ReviewBook book(**store, path);
    const auto churn = book.get(kChurn);
    ASSERT_TRUE(churn && *churn) << "survives reopening";
    EXPECT_EQ((*churn)->status, ReviewStatus::NeedsWork);
    EXPECT_EQ((*churn)->comment, "document the threshold");
    const auto spend = book.get(kSpend);
    ASSERT_TRUE(spend && *spend);
    EXPECT_EQ((*spend)->status, ReviewStatus::Reviewed) << "the refused note changed nothing";
    EXPECT_FALSE(*book.get({ResourceKind::Label, "churned", "v1"}));
    const auto listing = book.list();
    ASSERT_TRUE(listing);
    ASSERT_EQ(listing->notes.size(), 3u);
    EXPECT_TRUE(listing->unreadable.empty());
    // Ordered by kind (the catalog's order), not by key text: provider, feature, model.
    EXPECT_EQ(listing->notes[0].asset, kWarehouse);
    EXPECT_EQ(listing->notes[1].asset, kSpend);
    EXPECT_EQ(listing->notes[2].asset, kChurn);
    ASSERT_TRUE(book.remove(kSpend));
    EXPECT_FALSE(*book.get(kSpend));
    EXPECT_EQ(book.list()->notes.size(), 2u);
    EXPECT_EQ((*store)->list("graph-views")->size(), 0u) << "areas apart";
    EXPECT_EQ(fingerprintNow(), before);
}

TEST(ReviewBook, ReportsAnUnreadableEntryByItsKey)
{
    testing::TempDir dir;
    const std::string path = (dir / "notes.tributary-user.sqlite").string();
    auto store = UserDataStore::open(path);
    ASSERT_TRUE(store);
    ReviewBook book(**store, path);
    ASSERT_TRUE(book.put(note(kSpend, ReviewStatus::Reviewed, "")));
    const std::pair<const char *, const char *> corrupt[] = {
        {"model:churn_model@2", "{not json"},
        {"label:churned@v1", R"({"asset":"label:churned@v1","status":"maybe","at":"2024-01-01"})"},
        {"source:customers@v1",
            R"({"asset":"source:other@v1","status":"reviewed","at":"2024-01-01"})"},
        {"entity:customer",
            R"({"asset":"entity:customer","status":"needs-work","at":"2024-01-01"})"},
        {"feature:customer_age@v1", R"({"asset":"feature:customer_age@v1","status":7})"},
        {"training_set:t@1", R"([1, 2])"},
    };
    for (const auto &[key, value] : corrupt)
        ASSERT_TRUE((*store)->put(kReviewsArea, key, value));

    const auto churn = book.get(kChurn);
    ASSERT_FALSE(churn);
    EXPECT_EQ(churn.error().code, ErrorCode::Invalid);
    EXPECT_EQ(churn.error().where, path);
    EXPECT_NE(churn.error().message.find("'model:churn_model@2'"), std::string::npos)
        << churn.error().toString();

    const auto listing = book.list();
    ASSERT_TRUE(listing) << "one bad entry never hides the others";
    ASSERT_EQ(listing->notes.size(), 1u);
    EXPECT_EQ(listing->notes[0].asset, kSpend);
    ASSERT_EQ(listing->unreadable.size(), std::size(corrupt));
    for (const auto &[key, value] : corrupt) {
        const bool named = std::any_of(listing->unreadable.begin(), listing->unreadable.end(),
            [key = std::string(key)](const Error &error) {
                return error.message.find("'" + key + "'") != std::string::npos;
            });
        EXPECT_TRUE(named) << key;
    }
}

ReviewExport hostileExport()
{
    ReviewExport reviews;
    reviews.catalog = "/data/acme.sqlite";
    reviews.fingerprint = "def456";
    reviews.import = ImportId{5};
    reviews.exportedAt = Timestamp{1735776000};
    reviews.notes = {
        note(kChurn, ReviewStatus::NeedsWork, "=HYPERLINK(\"http://evil.example\",\"click\")"),
        note(kSpend, ReviewStatus::NeedsWork, "+1"),
        note({ResourceKind::Label, "churned", "v1"}, ReviewStatus::NeedsWork, "-1"),
        note({ResourceKind::Source, "customers", "v1"}, ReviewStatus::NeedsWork, "@x"),
        note({ResourceKind::Entity, "customer", ""}, ReviewStatus::NeedsWork,
            "say \"why\", then\r\nwhat | next\nand <script>alert(1)</script>"),
        note(kWarehouse, ReviewStatus::Reviewed, ""),
    };
    reviews.notes[5].reviewer = "\tTab Lead";
    reviews.notes[5].fingerprint = "def456"; // reviewed on the catalog as it stands
    return reviews;
}

TEST(ReviewExport, CsvNeutralisesFormulasAndQuotesWhatItMust)
{
    const ReviewExport reviews = hostileExport();
    const std::string csv = writeReviewsCsv(reviews);
    const auto rows = parseCsv(csv);
    ASSERT_EQ(rows.size(), 1 + reviews.notes.size());
    const std::vector<std::string> &header = rows[0];
    for (const auto &row : rows)
        ASSERT_EQ(row.size(), header.size()) << "every row has every column";
    const auto column = [&](const char *name) {
        return std::size_t(std::find(header.begin(), header.end(), name) - header.begin());
    };
    const std::size_t asset = column("asset"), comment = column("comment");
    ASSERT_LT(comment, header.size());
    // Ordered by asset: provider, entity, source, feature, label, model.
    const std::vector<std::string> order{"provider:warehouse", "entity:customer",
        "source:customers@v1", "feature:spend_30d@v2", "label:churned@v1", "model:churn_model@2"};
    for (std::size_t i = 0; i < order.size(); ++i)
        EXPECT_EQ(rows[i + 1][asset], order[i]);
    EXPECT_EQ(rows[6][comment], "'=HYPERLINK(\"http://evil.example\",\"click\")");
    EXPECT_EQ(rows[4][comment], "'+1");
    EXPECT_EQ(rows[5][comment], "'-1");
    EXPECT_EQ(rows[3][comment], "'@x");
    EXPECT_EQ(rows[2][comment], "say \"why\", then\r\nwhat | next\nand <script>alert(1)</script>")
        << "quotes doubled, line breaks kept inside the quoted cell";
    EXPECT_EQ(rows[1][column("reviewer")], "'\tTab Lead");
    EXPECT_EQ(rows[1][column("status")], "reviewed");
    EXPECT_EQ(rows[2][column("status")], "needs-work");
    EXPECT_EQ(rows[1][column("reviewed_import")], "4");
    EXPECT_EQ(rows[1][column("catalog_import")], "5");
    EXPECT_EQ(rows[1][column("exported_at")], "2025-01-02T00:00:00Z");
    EXPECT_EQ(rows[1][column("catalog")], "/data/acme.sqlite");

    // The same notes in another order give the same bytes.
    ReviewExport shuffled = reviews;
    std::reverse(shuffled.notes.begin(), shuffled.notes.end());
    EXPECT_EQ(writeReviewsCsv(shuffled), csv);
    ReviewExport none = reviews;
    none.notes.clear();
    EXPECT_EQ(parseCsv(writeReviewsCsv(none)).size(), 1u) << "the header alone";
}

TEST(ReviewExport, MarkdownKeepsOneTableWhateverTheComments)
{
    const ReviewExport reviews = hostileExport();
    const std::string markdown = writeReviewsMarkdown(reviews);
    EXPECT_NE(markdown.find("/data/acme.sqlite"), std::string::npos) << "which catalog";
    EXPECT_NE(markdown.find("2025-01-02T00:00:00Z"), std::string::npos) << "when";
    EXPECT_NE(markdown.find("def456"), std::string::npos);
    EXPECT_EQ(markdown.find("<script>"), std::string::npos) << "no raw HTML from a comment";
    const std::vector<std::string> all = lines(markdown);
    const auto headerAt = std::find_if(all.begin(), all.end(),
        [](const std::string &line) { return line.starts_with("| Asset |"); });
    ASSERT_NE(headerAt, all.end());
    const std::vector<std::string> table(headerAt, all.end());
    ASSERT_EQ(table.size(), 2 + reviews.notes.size()) << "one line per note: no break escaped";
    const std::size_t columns = markdownCells(table[0]).size();
    EXPECT_EQ(columns, 6u);
    for (const std::string &row : table) {
        EXPECT_TRUE(row.starts_with("| ") && row.ends_with(" |")) << row;
        EXPECT_EQ(markdownCells(row).size(), columns) << row;
    }
    const std::string &entity = table[3];
    EXPECT_NE(entity.find("`entity:customer`"), std::string::npos) << entity;
    EXPECT_NE(entity.find("then<br>what \\| next<br>and \\<script\\>"), std::string::npos)
        << entity;
    EXPECT_NE(table[2].find("import 4 |"), std::string::npos) << "reviewed as it stands now";
    EXPECT_NE(table[3].find("import 4 (changed since)"), std::string::npos) << table[3];
    EXPECT_NE(table[7].find("=HYPERLINK"), std::string::npos) << "Markdown runs no formulas";
}

} // namespace
} // namespace tributary
