// SPDX-License-Identifier: Apache-2.0
#include "dashboardview.h"

#include <QGridLayout>
#include <QLabel>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "catalogsession.h"
#include "chartpanel.h"
#include "charttables.h"
#include "kindnames.h"

namespace tributary::ui {
namespace {

std::vector<QColor> kindColours()
{
    std::vector<QColor> colours;
    for (ResourceKind kind : kAllKinds)
        colours.push_back(kindColour(kind));
    return colours;
}

} // namespace

DashboardView::DashboardView(CatalogSession *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_header(new QLabel)
    , m_stack(new QStackedWidget)
    , m_empty(new QLabel)
{
    using Shape = ChartPanel::Shape;
    const std::array<ChartPanel::Spec, ChartCount> specs{{
        {tr("Resources by kind"), Shape::Bars, tr("Kind"), tr("Resources"),
            tr("No resources at this point."), QStringLiteral("resources-by-kind"), {}},
        {tr("Models by stage"), Shape::Columns, tr("Stage"), tr("Models"),
            tr("No models at this point."), QStringLiteral("models-by-stage"), {}},
        {tr("Most reused features (top %1)").arg(kTop), Shape::StackedBars, tr("Feature"),
            tr("Training sets and models using it"),
            tr("No feature is used by a training set or a model yet."),
            QStringLiteral("feature-reuse"),
            {kindColour(ResourceKind::TrainingSet), kindColour(ResourceKind::Model)}},
        {tr("Feature reuse"), Shape::Columns, tr("Training sets and models using a feature"),
            tr("Features"), tr("No features at this point."),
            QStringLiteral("feature-reuse-distribution"), {kindColour(ResourceKind::Feature)}},
        {tr("Catalog growth"), Shape::Lines, tr("Import"), tr("Resources present"),
            tr("No imports yet."), QStringLiteral("catalog-growth"), kindColours()},
        {tr("Versions per asset"), Shape::Columns, tr("Versions of one name"), tr("Names"),
            tr("No versioned assets at this point."), QStringLiteral("versions-per-asset"), {}},
        {tr("Models most exposed to pii (top %1)").arg(kTop), Shape::Bars, tr("Model"),
            tr("Places a pii tag reaching it is written"),
            tr("No pii tag reaches a model under the current propagation policy."),
            QStringLiteral("pii-exposure"), {kindColour(ResourceKind::Model)}},
    }};
    auto *grid = new QWidget;
    m_grid = new QGridLayout(grid);
    m_grid->setSpacing(12);
    m_grid->setContentsMargins(8, 8, 8, 8);
    for (int i = 0; i < ChartCount; ++i) {
        m_charts[std::size_t(i)] = new ChartPanel(specs[std::size_t(i)]);
        connect(m_charts[std::size_t(i)], &ChartPanel::saved, this, &DashboardView::chartSaved);
    }
    auto *scroll = new QScrollArea;
    scroll->setWidget(grid);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);

    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setMargin(40);
    m_empty->setText(tr("Open a catalog to see its dashboard."));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(scroll);

    m_header->setMargin(6);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_stack, 1);
    relayout();
    setFocusProxy(m_charts[Kinds]); // Ctrl+D lands on a chart, Tab walks them

    connect(m_session, &CatalogSession::statisticsReady, this, &DashboardView::setStatistics);
    connect(m_session, &CatalogSession::opened, this, &DashboardView::invalidate);
    // Exposures follow the policy.
    connect(m_session, &CatalogSession::policyChanged, this, &DashboardView::invalidate);
}

void DashboardView::invalidate()
{
    m_stale = true;
    if (isVisible())
        request();
}

void DashboardView::request()
{
    if (m_session->locator().isEmpty())
        return;
    m_stale = false;
    m_header->setText(tr("Counting the catalog as of %1…")
                          .arg(QString::fromStdString(m_session->asOf().toString())));
    m_session->requestStatistics();
}

void DashboardView::setStatistics(const CatalogStatistics &statistics)
{
    m_statistics = statistics;
    const CatalogStatistics &s = m_statistics;
    m_charts[Kinds]->setTable(kindTable(s));
    m_charts[Stages]->setTable(stageTable(s));
    m_charts[Reuse]->setTable(reuseTable(s, kTop));
    m_charts[ReuseDistribution]->setTable(reuseDistributionTable(s));
    m_charts[Growth]->setTable(growthTable(s));
    m_charts[Versions]->setTable(versionsTable(s));
    m_charts[Exposure]->setTable(exposureTable(s, kTop));
    if (s.empty()) {
        m_header->setText(tr("The catalog has no imports yet."));
        m_empty->setText(tr("This catalog is empty: it has no imports yet.\nImport a catalog "
                            "folder (File › Import folder…, Ctrl+I) and its charts appear here."));
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    const QString policy = m_session->policyPath().isEmpty()
        ? tr("no propagation policy (every transform passes pii)")
        : tr("the policy %1").arg(m_session->policyPath());
    m_header->setText(tr("As of import %1 (%2) · pii exposure under %3")
                          .arg(s.import->value)
                          .arg(QString::fromStdString(s.importedAt.toIso()), policy));
    m_stack->setCurrentIndex(1);
}

bool DashboardView::showsEmptyState() const
{
    return m_stack->currentWidget() == m_empty;
}

QString DashboardView::headerText() const
{
    return m_header->text();
}

void DashboardView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        request();
}

void DashboardView::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    relayout();
}

void DashboardView::relayout()
{
    // As many columns as fit charts at a readable width.
    const int columns = std::clamp(width() / 520, 1, 3);
    if (columns == m_columns)
        return;
    m_columns = columns;
    for (ChartPanel *chart : m_charts)
        m_grid->removeWidget(chart);
    for (int i = 0; i < ChartCount; ++i)
        m_grid->addWidget(m_charts[std::size_t(i)], i / columns, i % columns);
    for (int c = 0; c < 3; ++c)
        m_grid->setColumnStretch(c, c < columns ? 1 : 0);
}

} // namespace tributary::ui
