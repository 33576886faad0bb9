// SPDX-License-Identifier: Apache-2.0
#include "compliancepanel.h"

#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTreeView>
#include <QVBoxLayout>

#include "reportmodel.h"

namespace tributary::ui {

CompliancePanel::CompliancePanel(CatalogSession *session, QWidget *parent)
    : QDockWidget(tr("Compliance"), parent)
    , m_session(session)
    , m_model(new ReportModel(this))
    , m_kind(new QComboBox)
    , m_tag(new QLineEdit(QStringLiteral("pii")))
    , m_stamp(new QLabel)
    , m_view(new QTreeView)
    , m_run(new QPushButton(tr("Run")))
    , m_policy(new QLabel)
{
    setObjectName(QStringLiteral("compliance"));
    m_kind->addItem(tr("Models it reached"), int(ReportKind::Trace));
    m_kind->addItem(tr("Everything it fed"), -1);
    m_kind->addItem(tr("What fed it"), int(ReportKind::Inputs));
    m_kind->addItem(tr("Impact of an erasure"), int(ReportKind::Impact));
    m_kind->addItem(tr("Models exposed to tag"), int(ReportKind::Exposure));
    m_tag->setMaximumWidth(120);
    m_tag->setToolTip(tr("Tag pattern for exposure: pii, pii:direct, gdpr, *"));
    m_stamp->setWordWrap(true);
    m_stamp->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_view->setModel(m_model);
    m_view->setAlternatingRowColors(true);
    m_view->header()->setStretchLastSection(true);

    // One row: the question, the policy it follows, the exports. The policy decides where tags
    // stop; exposure answers and propagated tags follow it.
    auto *choosePolicy = new QPushButton(tr("Policy…"));
    choosePolicy->setToolTip(tr("Choose the propagation policy (policy.yaml) tags follow"));
    auto *noPolicy = new QPushButton(tr("None"));
    noPolicy->setToolTip(tr("Follow no policy: every transform lets every tag through"));
    auto *controls = new QHBoxLayout;
    controls->addWidget(m_kind);
    controls->addWidget(m_tag);
    controls->addWidget(m_run);
    controls->addSpacing(16);
    controls->addWidget(m_policy, 1);
    controls->addWidget(choosePolicy);
    controls->addWidget(noPolicy);
    controls->addSpacing(16);
    for (auto [label, format] : {std::pair{tr("CSV"), ExportFormat::Csv},
             {tr("HTML"), ExportFormat::Html}, {tr("PDF"), ExportFormat::Pdf}}) {
        auto *button = new QPushButton(tr("Export %1").arg(label));
        connect(button, &QPushButton::clicked, this, [this, format] { exportAs(format); });
        controls->addWidget(button);
    }
    connect(choosePolicy, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Propagation policy"),
            m_session->policyPath(), tr("Policy files (*.yaml *.yml);;All files (*)"));
        if (!path.isEmpty())
            Q_EMIT policyChosen(path);
    });
    connect(noPolicy, &QPushButton::clicked, this, [this] { Q_EMIT policyChosen(QString()); });
    connect(m_session, &CatalogSession::policyChanged, this, &CompliancePanel::showPolicy);
    showPolicy({});

    m_view->setMinimumHeight(60);
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(6, 2, 6, 6);
    layout->addLayout(controls);
    layout->addWidget(m_stamp);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_run, &QPushButton::clicked, this, &CompliancePanel::run);
    connect(m_session, &CatalogSession::reportReady, this, [this](const Report &report) {
        m_model->setReport(report);
        m_view->resizeColumnToContents(ReportModel::RefColumn);
        m_stamp->setText(tr("<b>%1</b> · %n result(s) · as of %2 · fingerprint %3 · generated %4",
            nullptr, int(report.results.size()))
                             .arg(QString::fromStdString(report.title).toHtmlEscaped(),
                                 QString::fromStdString(report.asOf).toHtmlEscaped(),
                                 QString::fromStdString(report.fingerprint.substr(0, 16)),
                                 QString::fromStdString(report.generatedAt.toIso())));
    });
}

void CompliancePanel::setSubject(const Ref &ref)
{
    m_subject = ref;
}

QString CompliancePanel::policyText() const
{
    return m_policy->toolTip();
}

void CompliancePanel::showPolicy(const PolicyChoice &choice)
{
    const QString name = QFileInfo(choice.path).fileName();
    if (choice.path.isEmpty()) {
        m_policy->setText(tr("Policy: none"));
        m_policy->setToolTip(
            tr("Propagation policy: none (every transform lets every tag through)"));
    } else if (hasErrors(choice.problems)) {
        m_policy->setText(tr("Policy: <span style=\"color:#c0392b\">%1 not used</span>")
                              .arg(name.toHtmlEscaped()));
        m_policy->setToolTip(
            tr("Propagation policy: %1 has %n problem(s) and is not used; see Problems", nullptr,
                int(choice.problems.size()))
                .arg(choice.path));
    } else {
        m_policy->setText(tr("Policy: <b>%1</b>").arg(name.toHtmlEscaped()));
        m_policy->setToolTip(
            tr("Propagation policy: %1 (%n rule(s))", nullptr, int(choice.policy.rules.size()))
                .arg(choice.path));
    }
}

void CompliancePanel::run()
{
    const int kind = m_kind->currentData().toInt();
    if (kind != int(ReportKind::Exposure) && !m_subject) {
        m_stamp->setText(tr("Choose an asset first."));
        return;
    }
    ReportRequest request;
    request.kind = kind < 0 ? ReportKind::Trace : ReportKind(kind);
    request.modelsOnly = kind == int(ReportKind::Trace);
    request.tag = m_tag->text().trimmed().toStdString();
    if (m_subject)
        request.subject = *m_subject;
    m_stamp->setText(tr("Working…"));
    m_session->requestReport(request);
}

void CompliancePanel::exportAs(ExportFormat format)
{
    if (m_model->report().title.empty()) {
        m_stamp->setText(tr("Run a report first."));
        return;
    }
    const QString suffix = format == ExportFormat::Csv ? QStringLiteral("csv")
        : format == ExportFormat::Html                 ? QStringLiteral("html")
                                                       : QStringLiteral("pdf");
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export report"), QStringLiteral("tributary-report.") + suffix);
    if (path.isEmpty())
        return;
    const QString error = exportReport(m_model->report(), format, path);
    m_stamp->setText(error.isEmpty() ? tr("Wrote %1").arg(path) : error.toHtmlEscaped());
}

} // namespace tributary::ui
