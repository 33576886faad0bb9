// SPDX-License-Identifier: Apache-2.0
#include "compliancepanel.h"

#include <QComboBox>
#include <QFileDialog>
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

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_kind);
    controls->addWidget(m_tag);
    controls->addWidget(m_run);
    controls->addStretch();
    for (auto [label, format] : {std::pair{tr("Export CSV"), ExportFormat::Csv}, {tr("Export HTML"), ExportFormat::Html},
                                 {tr("Export PDF"), ExportFormat::Pdf}}) {
        auto *button = new QPushButton(label);
        connect(button, &QPushButton::clicked, this, [this, format] { exportAs(format); });
        controls->addWidget(button);
    }
    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->addLayout(controls);
    layout->addWidget(m_stamp);
    layout->addWidget(m_view, 1);
    setWidget(content);

    connect(m_run, &QPushButton::clicked, this, &CompliancePanel::run);
    connect(m_session, &CatalogSession::reportReady, this, [this](const Report &report) {
        m_model->setReport(report);
        m_view->resizeColumnToContents(ReportModel::RefColumn);
        m_stamp->setText(tr("<b>%1</b> · %n result(s) · as of %2 · fingerprint %3 · generated %4", nullptr,
                            int(report.results.size()))
                             .arg(QString::fromStdString(report.title).toHtmlEscaped(),
                                  QString::fromStdString(report.asOf).toHtmlEscaped(),
                                  QString::fromStdString(report.fingerprint.substr(0, 16)),
                                  QString::fromStdString(report.generatedAt.toIso())));
    });
}

void CompliancePanel::setSubject(const Ref &ref) { m_subject = ref; }

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
                           : format == ExportFormat::Html ? QStringLiteral("html")
                                                          : QStringLiteral("pdf");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export report"),
                                                      QStringLiteral("tributary-report.") + suffix);
    if (path.isEmpty())
        return;
    const QString error = exportReport(m_model->report(), format, path);
    m_stamp->setText(error.isEmpty() ? tr("Wrote %1").arg(path) : error.toHtmlEscaped());
}

} // namespace tributary::ui
