// SPDX-License-Identifier: Apache-2.0
#include "reportexport.h"

#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QSaveFile>
#include <QTextDocument>

#include "tributary/report/reportwriter.h"

namespace tributary::ui {

QString exportReport(const Report &report, ExportFormat format, const QString &path)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    if (format == ExportFormat::Pdf) {
        QPdfWriter pdf(&file);
        pdf.setTitle(QString::fromStdString(report.title));
        pdf.setCreator(QStringLiteral("Tributary ") + QString::fromStdString(report.toolVersion));
        pdf.setPageSize(QPageSize(QPageSize::A4));
        pdf.setPageOrientation(QPageLayout::Landscape);
        QTextDocument document;
        document.setHtml(QString::fromStdString(writeReport(report, ReportFormat::Html)));
        document.print(&pdf);
    } else {
        const std::string text = writeReport(
            report, format == ExportFormat::Csv ? ReportFormat::Csv : ReportFormat::Html);
        file.write(text.data(), qint64(text.size()));
    }
    if (!file.commit())
        return QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    return {};
}

} // namespace tributary::ui
