// SPDX-License-Identifier: Apache-2.0
#include "helpdialogs.h"

#include <QApplication>
#include <QMessageBox>

namespace tributary::ui {

void showKeyboardShortcuts(QWidget *parent)
{
    const std::pair<const char *, const char *> rows[] = {
        {"Ctrl+K", "Search (words, kind:, tag:, owner:, stage:)"},
        {"Enter", "in search: open the first result"},
        {"Down", "in search: go to the results"},
        {"Escape", "in search: clear it and list everything again"},
        {"Ctrl+L", "Edit the address (tributary://kind/name@version)"},
        {"Ctrl+Shift+C", "Copy the address of the shown asset"},
        {"Alt+Left / Alt+Right", "Back / Forward (the mouse's buttons too)"},
        {"Ctrl+1 / Ctrl+2 / Ctrl+3", "Go to the navigator / the list / the details"},
        {"Ctrl+G", "Show the lineage graph of the shown asset"},
        {"In the graph: arrows", "Move between nodes (left: upstream, right: downstream)"},
        {"In the graph: Enter", "Open the selected node's details"},
        {"In the graph: + / -", "Show the node's hidden neighbours / fold its downstream side"},
        {"In the graph: Ctrl+click", "Select a second node: every path between the two is highlighted"},
        {"In the graph: F, wheel, drag", "Fit the graph / zoom / pan"},
        {"Ctrl+R", "Run the compliance report for the shown asset"},
        {"Ctrl+D", "Show the dashboard of the catalog"},
        {"Ctrl+Shift+R", "Mark the shown asset reviewed (Needs work: Alt+W in the details)"},
        {"Ctrl+Z / Ctrl+Shift+Z", "Undo / redo the last review note change"},
        {"Ctrl+Shift+E", "Export the docs site (opens from file://, no server)"},
        {"Ctrl+Shift+P", "Export a PDF handbook of the selected assets, a tag's or an owner's"},
        {"Ctrl+O", "Open a catalog"},
        {"Ctrl+I", "Import a catalog folder"},
        {"F1", "This list"},
        {"Ctrl+Q", "Quit"},
    };
    QString table = QStringLiteral("<table cellpadding=\"3\">");
    for (const auto &[keys, what] : rows) {
        table += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                     .arg(QString::fromUtf8(keys), QApplication::translate("Shortcuts", what));
    }
    QMessageBox::information(parent, QApplication::translate("Shortcuts", "Keyboard shortcuts"),
        table + QStringLiteral("</table>"));
}

void showAbout(QWidget *parent)
{
    QMessageBox::about(parent, QApplication::translate("About", "About Tributary"),
        QApplication::translate("About",
            "<h3>Tributary %1</h3><p>A browser for an ML feature and lineage "
            "catalog: sources, features, labels, training sets and models, "
            "what feeds what, and the evidence for it.</p><p>Qt %2</p>")
            .arg(QApplication::applicationVersion(), QString::fromLatin1(qVersion())));
}

} // namespace tributary::ui
