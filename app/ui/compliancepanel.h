// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <optional>

#include <QDockWidget>

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
    // The policy followed, in words (the policy label's tooltip; tests read it).
    QString policyText() const;

Q_SIGNALS:
    // The user chose another propagation policy file ("" for none).
    void policyChosen(const QString &path);

private:
    void showPolicy(const PolicyChoice &choice);

    CatalogSession *m_session;
    ReportModel *m_model;
    std::optional<Ref> m_subject;
    QComboBox *m_kind;
    QLineEdit *m_tag;
    QLabel *m_stamp;
    QTreeView *m_view;
    QPushButton *m_run;
    QLabel *m_policy;
};

} // namespace tributary::ui
