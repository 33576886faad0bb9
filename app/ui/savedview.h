// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <QPointF>
#include <QString>

namespace tributary::ui {

// A lineage view a person saved for an asset: what was shown, which resources showed their
// columns, where nodes were pinned, the depths and the tag overlay. Resources are kept by ref
// text, so a view outlives the numbering of any one graph.
struct SavedView {
    std::string centre;
    int up = 1;
    int down = 1;
    std::vector<std::string> nodes;
    std::vector<std::string> columns;
    std::map<std::string, QPointF> pinned;
    QString overlay;

    QByteArray toJson() const;
    // nullopt for text that is not a saved view.
    static std::optional<SavedView> fromJson(const QByteArray &json);
};

// Where the user data (saved views, review notes) of the catalog at `locator` lives: beside a
// catalog file whose folder is writable, else in the user's data folder, one file per catalog.
QString userDataPath(const QString &locator);

// The user-data area saved views live in.
inline constexpr const char *kSavedViewsArea = "graph-views";

} // namespace tributary::ui
