// SPDX-License-Identifier: Apache-2.0
// The desktop app's models and small widgets, without a window: every model under the model
// tester, addresses, history, links, SQL highlighting, the breadcrumb.
#include <QAbstractItemModelTester>
#include <QCoreApplication>
#include <QMenu>
#include <QPalette>
#include <QSignalSpy>
#include <QThreadPool>
#include <QToolButton>
#include <gtest/gtest.h>

#include "assetaddress.h"
#include "breadcrumbbar.h"
#include "detailview.h"
#include "iothreads.h"
#include "navigationhistory.h"
#include "navigatormodel.h"
#include "resourcelistmodel.h"
#include "sqlhighlight.h"

namespace tributary::ui {
namespace {

ResourceSummary summary(ResourceKind kind, const char *name, const char *version)
{
    return {{kind, name, version}, "owner", {"pii:direct"}, ResourceStatus::Active, std::nullopt,
        "docs"};
}

TEST(ResourceListModel, PassesTheModelTester)
{
    ResourceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows(
        {summary(ResourceKind::Feature, "a", "v1"), summary(ResourceKind::Model, "m", "2")});
    EXPECT_EQ(model.rowCount(), 2);
    EXPECT_EQ(
        model.data(model.index(1, ResourceListModel::RefColumn)).toString(), QStringLiteral("m@2"));
    EXPECT_EQ(model.data(model.index(0, ResourceListModel::TagsColumn)).toString(),
        QStringLiteral("pii:direct"));
    EXPECT_EQ(model.data(model.index(1, 0), ResourceListModel::RefRole).toString(),
        QStringLiteral("tributary://model/m@2"));
    model.setRows({});
    EXPECT_EQ(model.rowCount(), 0);
}

TEST(NavigatorModel, CountsKindsStagesTagsAndOwners)
{
    NavigatorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    ResourceSummary production = summary(ResourceKind::Model, "m", "1");
    production.stage = ModelStage::Production;
    production.owner = "ml-team";
    model.setCounts({summary(ResourceKind::Feature, "a", "v1"),
        summary(ResourceKind::Feature, "b", "v1"), production});
    const auto find = [&](const QString &label) {
        for (int row = 0; row < model.rowCount(); ++row) {
            if (model.data(model.index(row)).toString().startsWith(label))
                return model.index(row);
        }
        return QModelIndex();
    };
    EXPECT_TRUE(model.data(model.index(0)).toString().endsWith(QStringLiteral("(3)")));
    const QModelIndex features = find(QStringLiteral("Features"));
    ASSERT_TRUE(features.isValid());
    EXPECT_TRUE(model.data(features).toString().endsWith(QStringLiteral("(2)")));
    EXPECT_EQ(model.filterAt(features).kind, ResourceKind::Feature);
    const QModelIndex stage = find(QStringLiteral("production"));
    ASSERT_TRUE(stage.isValid());
    EXPECT_EQ(model.filterAt(stage).stage, ModelStage::Production);
    const QModelIndex tag = find(QStringLiteral("pii:direct"));
    ASSERT_TRUE(tag.isValid());
    EXPECT_EQ(model.data(tag).toString(), QStringLiteral("pii:direct"))
        << "no count: columns' tags match too";
    EXPECT_EQ(model.filterAt(tag).tag, "pii:direct");
    const QModelIndex owner = find(QStringLiteral("ml-team"));
    ASSERT_TRUE(owner.isValid());
    EXPECT_EQ(model.filterAt(owner).owner, "ml-team");
    const QModelIndex heading = find(QStringLiteral("Tags"));
    ASSERT_TRUE(heading.isValid());
    EXPECT_FALSE(model.flags(heading) & Qt::ItemIsSelectable) << "headings are not filters";
    EXPECT_FALSE(model.filterAt(model.index(0)).kind);
}

TEST(AssetAddress, RoundTripsEveryKind)
{
    for (const Ref &ref : {Ref{ResourceKind::Feature, "avg_spend", "v2"},
             Ref{ResourceKind::TrainingSet, "t", "2024-q1"},
             Ref{ResourceKind::Provider, "warehouse", ""}}) {
        const QUrl url = addressOf(ref);
        EXPECT_EQ(refFromAddress(url), ref) << url.toString().toStdString();
        EXPECT_EQ(refFromText(url.toString()), ref);
    }
    EXPECT_EQ(addressOf({ResourceKind::Feature, "avg_spend", "v2"}).toString(),
        QStringLiteral("tributary://feature/avg_spend@v2"));
    EXPECT_EQ(
        refFromText(QStringLiteral("model:churn@3")), (Ref{ResourceKind::Model, "churn", "3"}));
    EXPECT_FALSE(refFromText(QStringLiteral("churn@3"))); // which kind? the window searches instead
    EXPECT_FALSE(refFromAddress(QUrl(QStringLiteral("https://example.com/feature/x@v1"))));
}

TEST(NavigationHistory, WorksLikeABrowser)
{
    NavigationHistory history;
    const Ref a{ResourceKind::Feature, "a", "v1"}, b{ResourceKind::Feature, "b", "v1"},
        c{ResourceKind::Feature, "c", "v1"};
    EXPECT_FALSE(history.canGoBack());
    history.visit(a);
    history.visit(b);
    history.visit(c);
    EXPECT_EQ(history.back(), b);
    EXPECT_EQ(history.back(), a);
    EXPECT_FALSE(history.back());
    EXPECT_EQ(history.forward(), b);
    history.visit(a); // drops c
    EXPECT_FALSE(history.canGoForward());
    EXPECT_EQ(history.back(), b);
}

TEST(DetailView, TurnsCatalogLinksIntoAddresses)
{
    EXPECT_EQ(linkedMarkdown("See [[feature:a@v1]] and [[bad name]]."),
        QStringLiteral("See [feature:a@v1](tributary://feature/a@v1) and [[bad name]]."));
}

std::vector<ResourceSummary> manyFeatures(int count)
{
    std::vector<ResourceSummary> rows;
    for (int i = 0; i < count; ++i) {
        ResourceSummary row = summary(ResourceKind::Feature, "", "v1");
        row.ref.name = "feature_" + std::to_string(100000 + (i * 7919) % count); // shuffled, unique
        row.owner = i % 2 ? "Alice" : "bob";
        rows.push_back(std::move(row));
    }
    return rows;
}

TEST(ResourceListModel, HandsRowsToTheViewInBatches)
{
    ResourceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    model.setRows(manyFeatures(1000));
    EXPECT_EQ(model.totalRows(), 1000);
    EXPECT_EQ(model.rowCount(), ResourceListModel::kBatch);
    ASSERT_TRUE(model.canFetchMore({}));
    model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 2 * ResourceListModel::kBatch);
    while (model.canFetchMore({}))
        model.fetchMore({});
    EXPECT_EQ(model.rowCount(), 1000);
    EXPECT_FALSE(model.canFetchMore(model.index(0, 0))) << "rows have no children";

    // A row not fetched yet is fetched up to when asked for by its ref.
    const std::vector<ResourceSummary> rows = manyFeatures(1000);
    model.setRows(rows);
    EXPECT_EQ(model.rowOf(rows[900].ref), 900);
    EXPECT_EQ(model.rowCount(), 901);
    EXPECT_EQ(model.rowOf(rows[0].ref), 0);
    EXPECT_EQ(model.rowOf({ResourceKind::Model, "absent", "1"}), -1);
}

TEST(ResourceListModel, SortsEveryRowNotOnlyThoseFetched)
{
    ResourceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const std::vector<ResourceSummary> rows = manyFeatures(1000);
    model.setRows(rows);
    const QString given = model.data(model.index(0, ResourceListModel::RefColumn)).toString();
    model.sort(ResourceListModel::RefColumn, Qt::DescendingOrder);
    EXPECT_EQ(model.data(model.index(0, ResourceListModel::RefColumn)).toString(),
        QStringLiteral("feature_100999@v1"))
        << "the greatest of all 1000, though only 256 were fetched";
    model.sort(ResourceListModel::RefColumn, Qt::AscendingOrder);
    EXPECT_EQ(model.data(model.index(0, ResourceListModel::RefColumn)).toString(),
        QStringLiteral("feature_100000@v1"));
    // Owners compare without case, and ties keep the order within: Alice before bob.
    model.sort(ResourceListModel::OwnerColumn, Qt::AscendingOrder);
    EXPECT_EQ(model.data(model.index(0, ResourceListModel::OwnerColumn)).toString(),
        QStringLiteral("Alice"));
    EXPECT_EQ(model.data(model.index(0, ResourceListModel::RefColumn)).toString(),
        QString::fromStdString(rows[1].ref.shortString()));
    // New rows come in the chosen order too; column -1 gives back the order they came in.
    model.setRows(rows);
    EXPECT_EQ(model.data(model.index(0, ResourceListModel::OwnerColumn)).toString(),
        QStringLiteral("Alice"));
    model.sort(-1);
    EXPECT_EQ(model.data(model.index(0, ResourceListModel::RefColumn)).toString(), given);
}

TEST(ResourceListModel, SortsLongListsOnAWorker)
{
    ResourceListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    const int count = 2 * ResourceListModel::kSortInBackgroundFrom;
    model.setRows(manyFeatures(count));
    QSignalSpy sorted(&model, &ResourceListModel::sorted);
    model.sort(ResourceListModel::RefColumn, Qt::DescendingOrder);
    ASSERT_TRUE(sorted.count() == 1 || sorted.wait(10000));
    const QString greatest = QStringLiteral("feature_%1@v1").arg(100000 + count - 1);
    EXPECT_EQ(model.data(model.index(0, ResourceListModel::RefColumn)).toString(), greatest);
    // New rows take the chosen order too, once the worker is done with them.
    model.setRows(manyFeatures(count));
    ASSERT_TRUE(sorted.count() == 2 || sorted.wait(10000));
    EXPECT_EQ(model.data(model.index(0, ResourceListModel::RefColumn)).toString(), greatest);
    // Whichever way a sort and new rows race, the new rows end up shown in the chosen order.
    model.sort(ResourceListModel::RefColumn, Qt::AscendingOrder);
    model.setRows(manyFeatures(count / 2 + 1000));
    waitForBackgroundWork();
    QCoreApplication::processEvents();
    EXPECT_EQ(model.totalRows(), count / 2 + 1000);
    EXPECT_EQ(model.data(model.index(1, ResourceListModel::RefColumn)).toString(),
        QStringLiteral("feature_100001@v1"));
}

TEST(ResourceListModel, KeepsTheCurrentRowThroughASort)
{
    ResourceListModel model;
    model.setRows(manyFeatures(100));
    const QPersistentModelIndex current = model.index(42, ResourceListModel::OwnerColumn);
    const Ref ref = model.summaryAt(current).ref;
    model.sort(ResourceListModel::RefColumn, Qt::DescendingOrder);
    ASSERT_TRUE(current.isValid());
    EXPECT_EQ(model.summaryAt(current).ref, ref);
    EXPECT_EQ(current.column(), int(ResourceListModel::OwnerColumn));
}

TEST(SqlHighlight, TokenizesEveryByteAndMarksWhatMatters)
{
    const std::string sql = "SELECT customer_id, SUM(amount) AS s -- total\nFROM `db.t` WHERE x = "
                            "'it''s' AND n > 1.5 /* c";
    const auto tokens = tokenizeSql(sql);
    std::size_t covered = 0;
    std::map<std::string, SqlToken::Type> typeOf;
    for (const SqlToken &token : tokens) {
        EXPECT_EQ(token.offset, covered) << "tokens follow each other";
        covered += token.length;
        typeOf[sql.substr(token.offset, token.length)] = token.type;
    }
    EXPECT_EQ(covered, sql.size());
    using Type = SqlToken::Type;
    EXPECT_EQ(typeOf["SELECT"], Type::Keyword);
    EXPECT_EQ(typeOf["WHERE"], Type::Keyword);
    EXPECT_EQ(typeOf["SUM"], Type::Function);
    EXPECT_EQ(typeOf["-- total"], Type::Comment);
    EXPECT_EQ(typeOf["`db.t`"], Type::Identifier);
    EXPECT_EQ(typeOf["'it''s'"], Type::String);
    EXPECT_EQ(typeOf["1.5"], Type::Number);
    EXPECT_EQ(typeOf["/* c"], Type::Comment) << "an unclosed comment runs to the end";
    EXPECT_FALSE(typeOf.count("customer_id") && typeOf["customer_id"] == Type::Keyword);
    EXPECT_EQ(tokenizeSql("select From").front().type, Type::Keyword) << "keywords in any case";
}

TEST(SqlHighlight, EscapesTheTextAndSuitsLightAndDark)
{
    QPalette light, dark;
    light.setColor(QPalette::Base, Qt::white);
    dark.setColor(QPalette::Base, QColor(30, 30, 30));
    const QString onLight = highlightedSql("SELECT '<script>' FROM t", light);
    EXPECT_FALSE(onLight.contains(QStringLiteral("<script>")));
    EXPECT_TRUE(onLight.contains(QStringLiteral("&lt;script&gt;")));
    EXPECT_NE(onLight, highlightedSql("SELECT '<script>' FROM t", dark))
        << "other colours on a dark base";
    EXPECT_EQ(highlightedSql("a < b", light), QStringLiteral("a &lt; b"));
}

TEST(BreadcrumbBar, ShowsTheWayToAnAssetAndOffersItsVersions)
{
    BreadcrumbBar bar;
    const Ref v2{ResourceKind::Feature, "spend_30d", "v2"},
        v3{ResourceKind::Feature, "spend_30d", "v3"};
    bar.setAsset(v2, {v2, v3});
    EXPECT_EQ(bar.text(), QStringLiteral("Catalog › Features › spend_30d › v2"));
    QSignalSpy kinds(&bar, &BreadcrumbBar::kindChosen);
    QSignalSpy names(&bar, &BreadcrumbBar::nameChosen);
    QSignalSpy assets(&bar, &BreadcrumbBar::assetChosen);
    const auto buttons = bar.findChildren<QToolButton *>();
    ASSERT_EQ(buttons.size(), 4);
    buttons[1]->click();
    ASSERT_EQ(kinds.count(), 1);
    EXPECT_EQ(kinds.at(0).at(0).value<ResourceKind>(), ResourceKind::Feature);
    buttons[2]->click();
    ASSERT_EQ(names.count(), 1);
    EXPECT_EQ(names.at(0).at(1).toString(), QStringLiteral("spend_30d"));
    QMenu *versions = buttons[3]->menu();
    ASSERT_TRUE(versions);
    ASSERT_EQ(versions->actions().size(), 2);
    EXPECT_TRUE(versions->actions().at(0)->isChecked()) << "the shown version is checked";
    versions->actions().at(1)->trigger();
    ASSERT_EQ(assets.count(), 1);
    EXPECT_EQ(assets.at(0).at(0).value<Ref>(), v3);

    bar.setAsset({ResourceKind::Entity, "customer", ""}, {});
    EXPECT_EQ(bar.text(), QStringLiteral("Catalog › Entities › customer")) << "no version part";
    bar.clear();
    EXPECT_TRUE(bar.text().isEmpty());
}

} // namespace
} // namespace tributary::ui
