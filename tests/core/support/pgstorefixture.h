// SPDX-License-Identifier: Apache-2.0
// The fixture of the PostgreSQL-only store tests: a fresh schema, small catalogs written from
// text, imports at given times, and a comparable text of everything a store answers.
#pragma once

#include <sstream>
#include <string>

#include "pgtestschema.h"
#include "smallcatalog.h"
#include "tempcatalog.h"
#include "tributary/store/catalogstore.h"

namespace tributary::testing {

// The store tests' small catalog with one more column tag, so that answers compared between
// the backends cover a column with two tags.
inline std::string pgBase()
{
    std::string yaml = kSmallCatalog;
    const std::string email = "tags: [pii:direct]}";
    yaml.replace(yaml.find(email), email.size(), "tags: [pii:direct, gdpr]}");
    return yaml;
}

class PostgresStoreTest : public ::testing::Test
{
protected:
    void SetUp() override { TRIBUTARY_REQUIRE_POSTGRES(m_schema); }

    std::unique_ptr<CatalogStore> open(
        OpenMode mode = OpenMode::Create, const std::string &application = {})
    {
        auto store = openCatalogStore(m_schema.locator(application), mode);
        EXPECT_TRUE(store) << store.error().toString();
        return store ? std::move(*store) : nullptr;
    }

    Catalog write(const std::string &folder, const std::string &yaml)
    {
        return loadClean(m_dir.writeCatalog(folder, {{"catalog.yaml", yaml}}));
    }

    static ImportOptions at(const char *time, std::string origin = "yaml")
    {
        ImportOptions options;
        options.at = *Timestamp::parse(time);
        options.author = "tester";
        options.toolVersion = "test";
        options.origin = std::move(origin);
        return options;
    }

    // pgBase() as it changes over three imports: an owner hands over, a feature goes and a new
    // version comes; then the first state is back.
    std::vector<Catalog> history()
    {
        std::string second = pgBase();
        second.replace(second.find("owner: alice"), 12, "owner: carol");
        second.replace(second.find("ninety"), 6, "sixty");
        second.erase(second.find("  - {name: contact"));
        second += "  - {name: avg_spend, version: v2, entity: customer, source: raw@v1,"
                  " column: amount, tags: [finance]}\n";
        return {write("h1", pgBase()), write("h2", second), write("h3", pgBase())};
    }

    PgTestSchema m_schema;
    TempDir m_dir;
};

// Everything a lineage snapshot holds, as text, to compare two stores' answers.
inline std::string snapshotText(const LineageSnapshot &s)
{
    std::ostringstream out;
    out << "import " << (s.import ? s.import->value : 0) << " at " << s.importedAt.seconds << " "
        << s.fingerprint << "\n";
    for (const SnapshotResource &r : s.resources) {
        out << r.ref.toString() << " owner=" << r.owner << " status=" << statusName(r.status)
            << " stage=" << (r.stage ? stageName(*r.stage) : "") << " tags=";
        for (const std::string &tag : r.tags)
            out << tag << ",";
        out << " created=" << r.created.import.value << "/" << r.created.at.seconds << "/"
            << r.created.file << ":" << r.created.line << "/" << r.created.fileSha256 << "\n";
    }
    for (const SnapshotColumn &c : s.columns) {
        out << "column " << c.resource << "." << c.name << " tags=";
        for (const std::string &tag : c.tags)
            out << tag << ",";
        out << "\n";
    }
    for (const SnapshotEdge &e : s.edges)
        out << "edge " << e.from.toString() << " -> " << e.to << " " << edgeKindName(e.kind)
            << "\n";
    for (const SnapshotColumnEdge &e : s.columnEdges) {
        out << "column edge " << e.from.toString() << "." << e.fromColumn << " -> " << e.to << "."
            << e.toColumn << " " << transformName(e.transform) << "\n";
    }
    return out.str();
}

// Every import as text: id, time, author, origin, counts, files and fingerprint.
inline std::string importsText(const std::vector<ImportRecord> &records)
{
    std::ostringstream out;
    for (const ImportRecord &r : records) {
        out << r.id.value << " " << r.at.seconds << " " << r.author << " " << r.toolVersion << " "
            << r.origin << " " << r.sourcePath << " " << r.fingerprint << " +" << r.counts.added
            << " ~" << r.counts.revised << " -" << r.counts.removed << " =" << r.counts.unchanged
            << "\n";
        for (const CatalogFile &f : r.files)
            out << "  " << f.path << " " << f.sha256 << " " << f.bytes << "\n";
    }
    return out.str();
}

} // namespace tributary::testing
