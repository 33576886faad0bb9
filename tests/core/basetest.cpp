// SPDX-License-Identifier: Apache-2.0
#include <gtest/gtest.h>

#include "tributary/base/diagnostic.h"
#include "tributary/base/sha256.h"
#include "tributary/base/suggest.h"
#include "tributary/base/timestamp.h"

namespace tributary {
namespace {

TEST(Sha256, MatchesFipsVectors)
{
    EXPECT_EQ(sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256Hex(std::string(1000000, 'a')),
              "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256, IncrementalEqualsOneShot)
{
    const std::string text(300, 'x');
    for (std::size_t split : {0u, 1u, 55u, 56u, 63u, 64u, 65u, 200u}) {
        Sha256 hash;
        hash.update(std::string_view(text).substr(0, split));
        hash.update(std::string_view(text).substr(split));
        EXPECT_EQ(hash.finishHex(), sha256Hex(text)) << "split at " << split;
    }
}

TEST(Timestamp, ParsesIsoForms)
{
    EXPECT_EQ(Timestamp::parse("1970-01-01T00:00:00Z")->seconds, 0);
    EXPECT_EQ(Timestamp::parse("2024-03-01T12:30:15Z")->toIso(), "2024-03-01T12:30:15Z");
    EXPECT_EQ(Timestamp::parse("2024-03-01T14:30:15+02:00")->toIso(), "2024-03-01T12:30:15Z");
    EXPECT_EQ(Timestamp::parse("2024-03-01T12:30:15.250-01:30")->toIso(), "2024-03-01T14:00:15Z");
    EXPECT_EQ(Timestamp::parse("2024-03-01T12:30")->toIso(), "2024-03-01T12:30:00Z");
    // A bare date is the end of that day: "as of 1 March" includes imports made on it.
    EXPECT_EQ(Timestamp::parse("2024-03-01")->toIso(), "2024-03-01T23:59:59Z");
    EXPECT_EQ(Timestamp::parse("2024-02-29T00:00:00Z")->toIso(), "2024-02-29T00:00:00Z");
}

TEST(Timestamp, RejectsMalformedText)
{
    for (const char *bad : {"", "2024", "2024-13-01", "2023-02-29", "2024-03-01T25:00", "2024-03-01T12",
                            "2024-03-01T12:00:00Zjunk", "yesterday", "2024-03-01T12:00:00.Z"}) {
        const auto parsed = Timestamp::parse(bad);
        ASSERT_FALSE(parsed) << bad;
        EXPECT_EQ(parsed.error().code, ErrorCode::Invalid);
        EXPECT_NE(parsed.error().message.find(bad), std::string::npos);
    }
}

TEST(Suggest, FindsNearMisses)
{
    const std::vector<std::string> words{"features", "labels", "models", "sources"};
    EXPECT_EQ(didYouMean("feautres", words), "did you mean 'features'?");
    EXPECT_EQ(didYouMean("model", words), "did you mean 'models'?");
    EXPECT_EQ(didYouMean("completely_different", words), "");
    EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
}

TEST(Diagnostic, FormatsWithLocationAndHint)
{
    const Diagnostic d{Severity::Error, {"cat/a.yaml", 3, 7}, "unknown field 'ownr' in feature",
                       "did you mean 'owner'?"};
    EXPECT_EQ(d.toString(), "cat/a.yaml:3:7: error: unknown field 'ownr' in feature\n"
                            "  hint: did you mean 'owner'?");
    Diagnostics list{{Severity::Warning, {"b.yaml", 1, 1}, "w", ""}, d, d};
    sortDiagnostics(list);
    ASSERT_EQ(list.size(), 2u); // duplicates collapse
    EXPECT_EQ(list[0].location.file, "b.yaml");
    EXPECT_TRUE(hasErrors(list));
}

} // namespace
} // namespace tributary
