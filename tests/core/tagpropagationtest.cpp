// SPDX-License-Identifier: Apache-2.0
// Tag propagation over hand-built snapshots. Every expected listing was worked out by hand from
// the rules at the top of core/lineage/tagpropagation.cpp; a listing line reads
// "TAG REF[#COLUMN] STRENGTH: HOP > HOP > ...", with a feature's value column shown as #value.
#include <gtest/gtest.h>

#include "tributary/lineage/tagpropagation.h"

namespace tributary {
namespace {

using K = ResourceKind;
using Lines = std::vector<std::string>;

// Builds a snapshot by hand, every resource at version v1.
class SnapshotBuilder
{
public:
    std::size_t add(ResourceKind kind, std::string name, std::vector<std::string> tags = {})
    {
        SnapshotResource resource;
        resource.ref = Ref{kind, std::move(name), "v1"};
        resource.tags = std::move(tags);
        m_snapshot.resources.push_back(std::move(resource));
        return m_snapshot.resources.size() - 1;
    }
    void column(std::size_t resource, std::string name, std::vector<std::string> tags = {})
    {
        m_snapshot.columns.push_back({resource, std::move(name), std::move(tags)});
    }
    void edge(std::size_t from, std::size_t to, EdgeKind kind)
    {
        m_snapshot.edges.push_back({m_snapshot.resources[from].ref, to, kind});
    }
    // Into a feature or label's value when `toColumn` is empty.
    void columnEdge(std::size_t from, std::string fromColumn, std::size_t to, std::string toColumn,
                    TransformKind transform = TransformKind::Identity)
    {
        const Ref &ref = m_snapshot.resources[from].ref;
        m_snapshot.columnEdges.push_back(
            {ref, std::move(fromColumn), to, std::move(toColumn), transform});
    }
    LineageGraph build() const { return LineageGraph::build(m_snapshot); }

private:
    LineageSnapshot m_snapshot;
};

std::string hopText(const LineageGraph &graph, const EvidenceHop &hop)
{
    std::string text = graph.resource(hop.resource).ref.name;
    if (hop.column != kNoId) {
        const std::string &name = graph.column(hop.column).name;
        text += '#' + (name.empty() ? std::string("value") : name);
    }
    return text;
}

Lines listing(const LineageGraph &graph, const std::vector<PropagatedTag> &tags)
{
    Lines lines;
    for (const PropagatedTag &t : tags) {
        std::string line = t.tag + ' ' + graph.resource(t.resource).ref.toString();
        if (t.column != kNoId)
            line += '#' + graph.column(t.column).name;
        line += ' ' + std::string(evidenceStrengthName(t.strength)) + ':';
        for (std::size_t i = 0; i < t.path.size(); ++i)
            line += (i == 0 ? " " : " > ") + hopText(graph, t.path[i]);
        lines.push_back(line);
    }
    return lines;
}

Lines propagate(const LineageGraph &graph, const std::string &pattern,
                const PropagationPolicy &policy = {})
{
    return listing(graph, propagateTags(graph, policy, TagQuery{pattern}));
}

// The entry for `ref` (and `column`, or the resource itself), which the test requires.
const PropagatedTag &entry(const LineageGraph &graph, const std::vector<PropagatedTag> &tags,
                           const std::string &ref, const std::string &column = {})
{
    for (const PropagatedTag &t : tags) {
        const bool sameColumn = t.column == kNoId ? column.empty()
                                                  : graph.column(t.column).name == column;
        if (graph.resource(t.resource).ref.toString() == ref && sameColumn)
            return t;
    }
    ADD_FAILURE() << "no entry for " << ref << '#' << column;
    static const PropagatedTag none;
    return none;
}

Lines rules(const PropagatedTag &tag)
{
    Lines lines;
    for (const EvidenceHop &hop : tag.path)
        lines.push_back(hop.rule);
    return lines;
}

PropagationPolicy policyOf(std::vector<PropagationRule> rules) { return {std::move(rules)}; }

// tx#email (pii:direct) -> clean#email -> feature f -> ts -> m; label l from tx#amount.
struct IdentityChain {
    SnapshotBuilder b;
    std::size_t tx = 0, clean = 0, f = 0, l = 0, ts = 0, m = 0;
    explicit IdentityChain(TransformKind transform = TransformKind::Identity)
    {
        tx = b.add(K::Source, "tx");
        b.column(tx, "email", {"pii:direct"});
        b.column(tx, "amount");
        clean = b.add(K::Source, "clean");
        b.column(clean, "email");
        f = b.add(K::Feature, "f");
        l = b.add(K::Label, "l");
        ts = b.add(K::TrainingSet, "ts");
        m = b.add(K::Model, "m");
        b.edge(tx, clean, EdgeKind::Input);
        b.edge(clean, f, EdgeKind::Source);
        b.edge(tx, l, EdgeKind::Source);
        b.edge(l, ts, EdgeKind::Label);
        b.edge(f, ts, EdgeKind::Feature);
        b.edge(ts, m, EdgeKind::TrainingSet);
        b.columnEdge(tx, "email", clean, "email", transform);
        b.columnEdge(clean, "email", f, {});
        b.columnEdge(tx, "amount", l, {});
    }
};

TEST(TagPropagation, IdentityChainReachesTheModelWithAColumnPath)
{
    const IdentityChain chain;
    const LineageGraph graph = chain.b.build();
    const auto tags = propagateTags(graph, {}, {"pii"});
    EXPECT_EQ(listing(graph, tags),
              (Lines{"pii:direct feature:f@v1 column: tx#email > clean#email > f#value",
                     "pii:direct model:m@v1 column: tx#email > clean#email > f#value > ts > m",
                     "pii:direct source:clean@v1#email column: tx#email > clean#email",
                     "pii:direct source:tx@v1#email direct: tx#email",
                     "pii:direct training_set:ts@v1 column: tx#email > clean#email > f#value"
                     " > ts"}));

    const PropagatedTag &model = entry(graph, tags, "model:m@v1");
    EXPECT_EQ(rules(model), (Lines{"written here", "identity: passes", "identity: passes",
                                   "feature: passes (resource lineage)",
                                   "training_set: passes (resource lineage)"}));
    ASSERT_EQ(model.path.size(), 5u);
    EXPECT_EQ(model.path[1].edge, EdgeKind::Input);
    EXPECT_EQ(model.path[2].edge, EdgeKind::Source);
    EXPECT_EQ(model.path[3].edge, EdgeKind::Feature);
    EXPECT_EQ(model.path[4].edge, EdgeKind::TrainingSet);
    EXPECT_EQ(model.path[2].column, graph.valueColumn(NodeId(chain.f)));
    EXPECT_EQ(entry(graph, tags, "feature:f@v1").column, kNoId);
}

TEST(TagPropagation, MaskedStopsOnlyWhenThePolicySaysSo)
{
    const IdentityChain chain(TransformKind::Masked);
    const LineageGraph graph = chain.b.build();
    const auto open = propagateTags(graph, {}, {"pii"});
    EXPECT_EQ(open.size(), 5u);
    EXPECT_EQ(rules(entry(graph, open, "source:clean@v1", "email")),
              (Lines{"written here", "masked: passes (no stop rule for pii:direct)"}));

    const auto policy = policyOf({{"pii", {TransformKind::Masked}}});
    // clean has column lineage and tx holds the tag only by column: nothing passes at resource
    // level either.
    EXPECT_EQ(propagate(graph, "pii", policy),
              (Lines{"pii:direct source:tx@v1#email direct: tx#email"}));
}

TEST(TagPropagation, AggregatedStopsWhereTheRuleSaysAndPassesOtherwise)
{
    const IdentityChain chain(TransformKind::Aggregated);
    const LineageGraph graph = chain.b.build();
    EXPECT_EQ(propagate(graph, "pii", policyOf({{"pii", {TransformKind::Aggregated}}})),
              (Lines{"pii:direct source:tx@v1#email direct: tx#email"}));

    const auto policy = policyOf({{"pii", {TransformKind::Masked, TransformKind::Transformed}}});
    const auto tags = propagateTags(graph, policy, {"pii"});
    EXPECT_EQ(tags.size(), 5u);
    EXPECT_EQ(rules(entry(graph, tags, "source:clean@v1", "email")),
              (Lines{"written here",
                     "aggregated: passes (rule pii stops only at transformed, masked)"}));
}

TEST(TagPropagation, TheShortestOfTwoRoutesIsTheEvidence)
{
    // tx#e -> a#e -> b#e -> d#e and tx#e -> c#e -> d#e; d#e is the value of f. The longer route
    // is declared first. m takes f at inference (short) and through ts (long).
    SnapshotBuilder b;
    const auto tx = b.add(K::Source, "tx");
    b.column(tx, "e", {"pii"});
    std::vector<std::size_t> s;
    for (const char *name : {"a", "b", "c", "d"}) {
        s.push_back(b.add(K::Source, name));
        b.column(s.back(), "e");
    }
    const auto f = b.add(K::Feature, "f");
    const auto ts = b.add(K::TrainingSet, "ts");
    const auto m = b.add(K::Model, "m");
    b.columnEdge(s[1], "e", s[3], "e");
    b.columnEdge(tx, "e", s[0], "e");
    b.columnEdge(s[0], "e", s[1], "e");
    b.columnEdge(s[2], "e", s[3], "e");
    b.columnEdge(tx, "e", s[2], "e");
    b.columnEdge(s[3], "e", f, {});
    b.edge(s[3], f, EdgeKind::Source);
    b.edge(f, ts, EdgeKind::Feature);
    b.edge(ts, m, EdgeKind::TrainingSet);
    b.edge(f, m, EdgeKind::InferenceFeature);
    const LineageGraph graph = b.build();
    const auto tags = propagateTags(graph, {}, {"pii"});
    EXPECT_EQ(listing(graph, tags),
              (Lines{"pii feature:f@v1 column: tx#e > c#e > d#e > f#value",
                     "pii model:m@v1 column: tx#e > c#e > d#e > f#value > m",
                     "pii source:a@v1#e column: tx#e > a#e",
                     "pii source:b@v1#e column: tx#e > a#e > b#e",
                     "pii source:c@v1#e column: tx#e > c#e",
                     "pii source:d@v1#e column: tx#e > c#e > d#e",
                     "pii source:tx@v1#e direct: tx#e",
                     "pii training_set:ts@v1 column: tx#e > c#e > d#e > f#value > ts"}));
    const PropagatedTag &model = entry(graph, tags, "model:m@v1");
    ASSERT_EQ(model.path.size(), 5u);
    EXPECT_EQ(model.path[4].edge, EdgeKind::InferenceFeature);
    EXPECT_EQ(model.path[4].rule, "inference_feature: passes (resource lineage)");
}

TEST(TagPropagation, TheMostSpecificRuleDecides)
{
    SnapshotBuilder b;
    const auto tx = b.add(K::Source, "tx");
    b.column(tx, "email", {"pii:direct"});
    b.column(tx, "phone", {"pii:indirect"});
    const auto agg = b.add(K::Source, "agg");
    b.column(agg, "emails");
    b.column(agg, "phones");
    b.edge(tx, agg, EdgeKind::Input);
    b.columnEdge(tx, "email", agg, "emails", TransformKind::Aggregated);
    b.columnEdge(tx, "phone", agg, "phones", TransformKind::Aggregated);
    const LineageGraph graph = b.build();

    // The pii rule covers pii:direct and pii:indirect alike.
    const auto general = policyOf({{"pii", {TransformKind::Masked, TransformKind::Aggregated}}});
    EXPECT_EQ(propagate(graph, "pii", general),
              (Lines{"pii:direct source:tx@v1#email direct: tx#email",
                     "pii:indirect source:tx@v1#phone direct: tx#phone"}));

    // A pii:direct rule wins over pii for pii:direct, and only for it; rules do not add up.
    auto specific = general;
    specific.rules.push_back({"pii:direct", {TransformKind::Masked}});
    const auto tags = propagateTags(graph, specific, {"pii"});
    EXPECT_EQ(listing(graph, tags),
              (Lines{"pii:direct source:agg@v1#emails column: tx#email > agg#emails",
                     "pii:direct source:tx@v1#email direct: tx#email",
                     "pii:indirect source:tx@v1#phone direct: tx#phone"}));
    const PropagatedTag &emails = entry(graph, tags, "source:agg@v1", "emails");
    ASSERT_EQ(emails.path.size(), 2u);
    EXPECT_EQ(emails.path[1].rule, "aggregated: passes (rule pii:direct stops only at masked)");
    EXPECT_EQ(emails.path[1].transform, TransformKind::Aggregated);
}

TEST(TagPropagation, ASourceWithoutColumnLineageCarriesTagsAtResourceLevel)
{
    // opaque reads tx but declares no derived_from; lined reads tx with column lineage from an
    // untagged column, so only its columns could bring the tag, and they do not.
    SnapshotBuilder b;
    const auto tx = b.add(K::Source, "tx");
    b.column(tx, "email", {"pii:direct"});
    b.column(tx, "amount");
    const auto opaque = b.add(K::Source, "opaque");
    b.column(opaque, "score");
    const auto lined = b.add(K::Source, "lined");
    b.column(lined, "amount");
    const auto f = b.add(K::Feature, "f");
    const auto g = b.add(K::Feature, "g");
    const auto ts = b.add(K::TrainingSet, "ts");
    const auto m = b.add(K::Model, "m");
    b.edge(tx, opaque, EdgeKind::Input);
    b.edge(tx, lined, EdgeKind::Input);
    b.edge(opaque, f, EdgeKind::Source);
    b.edge(lined, g, EdgeKind::Source);
    b.edge(f, ts, EdgeKind::Feature);
    b.edge(ts, m, EdgeKind::TrainingSet);
    b.columnEdge(tx, "amount", lined, "amount");
    b.columnEdge(opaque, "score", f, {});
    b.columnEdge(lined, "amount", g, {});
    const LineageGraph graph = b.build();
    const auto tags = propagateTags(graph, {}, {"pii"});
    EXPECT_EQ(listing(graph, tags),
              (Lines{"pii:direct feature:f@v1 resource: tx#email > opaque > f",
                     "pii:direct model:m@v1 resource: tx#email > opaque > f > ts > m",
                     "pii:direct source:opaque@v1 resource: tx#email > opaque",
                     "pii:direct source:tx@v1#email direct: tx#email",
                     "pii:direct training_set:ts@v1 resource: tx#email > opaque > f > ts"}));
    EXPECT_EQ(rules(entry(graph, tags, "model:m@v1")),
              (Lines{"written here",
                     "input: passes at resource level (no column lineage into opaque@v1)",
                     "source: passes at resource level (pii:direct is on opaque@v1 as a whole)",
                     "feature: passes (resource lineage)",
                     "training_set: passes (resource lineage)"}));
}

TEST(TagPropagation, AModelOutputUsedAsASourceInputCarriesTagsOn)
{
    // The identity chain reaches m by column; scored reads m's output, and so does mixed, which
    // also has column lineage from tx#amount: m holds the tag as a whole, so it reaches both.
    IdentityChain chain;
    SnapshotBuilder &b = chain.b;
    const auto scored = b.add(K::Source, "scored");
    b.column(scored, "churn_score");
    const auto mixed = b.add(K::Source, "mixed");
    b.column(mixed, "amount");
    const auto f2 = b.add(K::Feature, "f2");
    const auto m2 = b.add(K::Model, "m2");
    b.edge(chain.m, scored, EdgeKind::Input);
    b.edge(chain.m, mixed, EdgeKind::Input);
    b.edge(chain.tx, mixed, EdgeKind::Input);
    b.edge(scored, f2, EdgeKind::Source);
    b.edge(f2, m2, EdgeKind::InferenceFeature);
    b.columnEdge(scored, "churn_score", f2, {});
    b.columnEdge(chain.tx, "amount", mixed, "amount");
    const LineageGraph graph = b.build();
    const auto tags = propagateTags(graph, {}, {"pii:direct"});
    // Sorted by Ref::toString(): "f2@v1" comes before "f@v1".
    EXPECT_EQ(listing(graph, tags),
              (Lines{"pii:direct feature:f2@v1 resource: tx#email > clean#email > f#value > ts > m"
                     " > scored > f2",
                     "pii:direct feature:f@v1 column: tx#email > clean#email > f#value",
                     "pii:direct model:m2@v1 resource: tx#email > clean#email > f#value > ts > m"
                     " > scored > f2 > m2",
                     "pii:direct model:m@v1 column: tx#email > clean#email > f#value > ts > m",
                     "pii:direct source:clean@v1#email column: tx#email > clean#email",
                     "pii:direct source:mixed@v1 resource: tx#email > clean#email > f#value > ts"
                     " > m > mixed",
                     "pii:direct source:scored@v1 resource: tx#email > clean#email > f#value > ts"
                     " > m > scored",
                     "pii:direct source:tx@v1#email direct: tx#email",
                     "pii:direct training_set:ts@v1 column: tx#email > clean#email > f#value"
                     " > ts"}));
    const Lines mixedRules = rules(entry(graph, tags, "source:mixed@v1"));
    ASSERT_EQ(mixedRules.size(), 6u);
    EXPECT_EQ(mixedRules[5], "input: passes at resource level (pii:direct is on m@v1 as a whole)");
}

TEST(TagPropagation, TagsWrittenOnResources)
{
    // raw is confidential as a whole; derived has column lineage from it, g is its feature.
    // h is pii:direct both as written and by column: written wins; ts takes the column route,
    // longer but stronger than the one through h's own tag.
    SnapshotBuilder b;
    const auto raw = b.add(K::Source, "raw", {"confidential"});
    b.column(raw, "a");
    b.column(raw, "email", {"pii:direct"});
    const auto derived = b.add(K::Source, "derived");
    b.column(derived, "a");
    const auto g = b.add(K::Feature, "g");
    const auto h = b.add(K::Feature, "h", {"pii:direct"});
    const auto ts = b.add(K::TrainingSet, "ts");
    b.edge(raw, derived, EdgeKind::Input);
    b.edge(raw, g, EdgeKind::Source);
    b.edge(raw, h, EdgeKind::Source);
    b.edge(h, ts, EdgeKind::Feature);
    b.columnEdge(raw, "a", derived, "a");
    b.columnEdge(raw, "a", g, {});
    b.columnEdge(raw, "email", h, {});
    const LineageGraph graph = b.build();
    const auto tags = propagateTags(graph, {}, {"*"});
    EXPECT_EQ(listing(graph, tags),
              (Lines{"confidential feature:g@v1 resource: raw > g",
                     "confidential feature:h@v1 resource: raw > h",
                     "confidential source:derived@v1 resource: raw > derived",
                     "confidential source:raw@v1 direct: raw",
                     "confidential training_set:ts@v1 resource: raw > h > ts",
                     "pii:direct feature:h@v1 direct: h",
                     "pii:direct source:raw@v1#email direct: raw#email",
                     "pii:direct training_set:ts@v1 column: raw#email > h#value > ts"}));
    EXPECT_EQ(rules(entry(graph, tags, "source:derived@v1")),
              (Lines{"written here",
                     "input: passes at resource level (confidential is on raw@v1 as a whole)"}));
}

TEST(TagPropagation, PatternForms)
{
    EXPECT_TRUE(tagMatches("pii", "pii"));
    EXPECT_TRUE(tagMatches("pii", "pii:direct"));
    EXPECT_TRUE(tagMatches("pii", "pii:direct:x"));
    EXPECT_FALSE(tagMatches("pii", "piirate"));
    EXPECT_FALSE(tagMatches("pii", "pi"));
    EXPECT_TRUE(tagMatches("pii:*", "pii:indirect"));
    EXPECT_FALSE(tagMatches("pii:*", "pii"));
    EXPECT_FALSE(tagMatches("pii:*", "piirate"));
    EXPECT_TRUE(tagMatches("pii:direct", "pii:direct"));
    EXPECT_FALSE(tagMatches("pii:direct", "pii:direct:x"));
    EXPECT_FALSE(tagMatches("pii:direct", "pii"));
    EXPECT_TRUE(tagMatches("*", "anything"));
    EXPECT_FALSE(tagMatches("pii*", "piirate"));
    EXPECT_FALSE(tagMatches("", "pii"));

    SnapshotBuilder b;
    const auto tx = b.add(K::Source, "tx", {"gdpr"});
    for (const char *tag : {"pii", "pii:direct", "pii:indirect", "piirate"})
        b.column(tx, std::string("c_") + tag, {tag});
    const LineageGraph graph = b.build();
    const auto tagsOf = [&](const std::string &pattern) {
        Lines found;
        for (const PropagatedTag &t : propagateTags(graph, {}, {pattern}))
            found.push_back(t.tag);
        return found;
    };
    EXPECT_EQ(tagsOf("pii"), (Lines{"pii", "pii:direct", "pii:indirect"}));
    EXPECT_EQ(tagsOf("pii:*"), (Lines{"pii:direct", "pii:indirect"}));
    EXPECT_EQ(tagsOf("pii:direct"), (Lines{"pii:direct"}));
    EXPECT_EQ(tagsOf("gdpr"), (Lines{"gdpr"}));
    EXPECT_EQ(tagsOf("*"), (Lines{"gdpr", "pii", "pii:direct", "pii:indirect", "piirate"}));
    EXPECT_EQ(tagsOf(""), Lines{});
}

TEST(TagPropagation, ResultsAreSortedAndTheSameEveryTime)
{
    // Column ids follow declaration order (email before amount) and resource ids put tx first;
    // the order of the results must not.
    IdentityChain chain;
    SnapshotBuilder &b = chain.b;
    const auto z = b.add(K::Source, "a_first", {"gdpr"});
    b.column(z, "zip", {"gdpr"});
    b.column(z, "age", {"gdpr"});
    const LineageGraph graph = b.build();
    const auto policy = policyOf({{"pii", {TransformKind::Masked}}});
    const auto first = propagateTags(graph, policy, {"*"});
    EXPECT_EQ(listing(graph, first),
              (Lines{"gdpr source:a_first@v1 direct: a_first",
                     "gdpr source:a_first@v1#age direct: a_first#age",
                     "gdpr source:a_first@v1#zip direct: a_first#zip",
                     "pii:direct feature:f@v1 column: tx#email > clean#email > f#value",
                     "pii:direct model:m@v1 column: tx#email > clean#email > f#value > ts > m",
                     "pii:direct source:clean@v1#email column: tx#email > clean#email",
                     "pii:direct source:tx@v1#email direct: tx#email",
                     "pii:direct training_set:ts@v1 column: tx#email > clean#email > f#value"
                     " > ts"}));
    const auto second = propagateTags(graph, policy, {"*"});
    ASSERT_EQ(second.size(), first.size());
    for (std::size_t i = 0; i < first.size(); ++i) {
        EXPECT_EQ(second[i].tag, first[i].tag);
        EXPECT_EQ(second[i].resource, first[i].resource);
        EXPECT_EQ(second[i].column, first[i].column);
        EXPECT_EQ(second[i].strength, first[i].strength);
        EXPECT_EQ(rules(second[i]), rules(first[i]));
        EXPECT_EQ(listing(graph, {second[i]}), listing(graph, {first[i]}));
    }
}


} // namespace
} // namespace tributary
