// SPDX-License-Identifier: Apache-2.0
#include "savedview.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>

#include "tributary/userdata/userdatastore.h"

namespace tributary::ui {
namespace {

QJsonArray strings(const std::vector<std::string> &items)
{
    QJsonArray array;
    for (const std::string &item : items)
        array.append(QString::fromStdString(item));
    return array;
}

std::vector<std::string> strings(const QJsonValue &value)
{
    std::vector<std::string> items;
    for (const QJsonValue &item : value.toArray())
        items.push_back(item.toString().toStdString());
    return items;
}

} // namespace

QByteArray SavedView::toJson() const
{
    QJsonObject pins;
    for (const auto &[ref, at] : pinned)
        pins.insert(QString::fromStdString(ref), QJsonArray{at.x(), at.y()});
    const QJsonObject object{{QStringLiteral("centre"), QString::fromStdString(centre)},
        {QStringLiteral("up"), up}, {QStringLiteral("down"), down},
        {QStringLiteral("nodes"), strings(nodes)}, {QStringLiteral("columns"), strings(columns)},
        {QStringLiteral("pinned"), pins}, {QStringLiteral("overlay"), overlay}};
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

std::optional<SavedView> SavedView::fromJson(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject object = document.object();
    SavedView view;
    view.centre = object.value(QStringLiteral("centre")).toString().toStdString();
    if (view.centre.empty())
        return std::nullopt;
    view.up = object.value(QStringLiteral("up")).toInt(1);
    view.down = object.value(QStringLiteral("down")).toInt(1);
    view.nodes = strings(object.value(QStringLiteral("nodes")));
    view.columns = strings(object.value(QStringLiteral("columns")));
    const QJsonObject pins = object.value(QStringLiteral("pinned")).toObject();
    for (auto it = pins.begin(); it != pins.end(); ++it) {
        const QJsonArray at = it.value().toArray();
        if (at.size() == 2)
            view.pinned[it.key().toStdString()] = QPointF(at[0].toDouble(), at[1].toDouble());
    }
    view.overlay = object.value(QStringLiteral("overlay")).toString();
    return view;
}

QString userDataPath(const QString &locator)
{
    const QFileInfo catalog(locator);
    if (catalog.exists() && QFileInfo(catalog.absolutePath()).isWritable())
        return QString::fromStdString(
            UserDataStore::pathBeside(catalog.absoluteFilePath().toStdString()));
    // A read-only folder, or a server: the user's own data folder, named after the catalog.
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)
        + QStringLiteral("/user-data");
    QDir().mkpath(folder);
    const QByteArray hash
        = QCryptographicHash::hash(locator.toUtf8(), QCryptographicHash::Sha256).toHex().left(20);
    return folder + QLatin1Char('/') + QString::fromLatin1(hash)
        + QStringLiteral(".tributary-user.sqlite");
}

} // namespace tributary::ui
