// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDockWidget>

#include <optional>

#include "catalogsession.h"
#include "reportexport.h"

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

namespace tributary::ui {

class ReportModel;

// Compliance questions about the current asset: which models it reached, what fed it, what an
// erasure hits (with owners), which models a tag reaches; each answer with its evidence, and
// exports stamped as the core report is.
class CompliancePanel : public QDockWidget
{
    Q_OBJECT
public:
    CompliancePanel(CatalogSession *session, QWidget *parent = nullptr);

    void setSubject(const Ref &ref);
    void run();
    ReportModel &model() { return *m_model; }
    // Asks for a file name, then writes the shown report.
    void exportAs(ExportFormat format);

private:
    CatalogSession *m_session;
    ReportModel *m_model;
    std::optional<Ref> m_subject;
    QComboBox *m_kind;
    QLineEdit *m_tag;
    QLabel *m_stamp;
    QTreeView *m_view;
    QPushButton *m_run;
};

} // namespace tributary::ui
