// SPDX-License-Identifier: Apache-2.0
#include "sessionsecrets.h"

#include <QByteArray>
#include <QHash>
#include <QMutex>

#include "tributary/store/catalogstore.h"

namespace tributary::ui {
namespace {

// Workers open connections too, so the map is guarded.
QMutex &lock()
{
    static QMutex mutex;
    return mutex;
}

// A locator without a password -> the full connection string to open it with.
QHash<QString, std::string> &connections()
{
    static QHash<QString, std::string> map;
    return map;
}

bool isUri(const QString &locator)
{
    return locator.startsWith(QStringLiteral("postgresql://")) || locator.startsWith(QStringLiteral("postgres://"));
}

// `locator` with `password` added as libpq reads it: a query parameter of a URI, a quoted
// keyword of a keyword string.
std::string withPassword(const QString &locator, const QString &password)
{
    if (isUri(locator)) {
        const QString separator = locator.contains(QLatin1Char('?')) ? QStringLiteral("&") : QStringLiteral("?");
        const QString prefix = locator + separator + QStringLiteral("password=");
        return prefix.toStdString() + password.toUtf8().toPercentEncoding().toStdString();
    }
    QString value = password;
    value.replace(QLatin1Char('\\'), QStringLiteral("\\\\")).replace(QLatin1Char('\''), QStringLiteral("\\'"));
    const QString full = locator + QStringLiteral(" password='") + value + QLatin1Char('\'');
    return full.toStdString();
}

} // namespace

void rememberPassword(const QString &locator, const QString &password)
{
    const QMutexLocker locker(&lock());
    if (password.isEmpty())
        connections().remove(locator);
    else
        connections().insert(locator, withPassword(locator, password));
}

QString keepPasswordAside(const QString &typed)
{
    const std::string full = typed.toStdString();
    const QString clean = QString::fromStdString(locatorWithoutPassword(full));
    if (clean != typed) {
        const QMutexLocker locker(&lock());
        connections().insert(clean, full);
    }
    return clean;
}

std::string connectionString(const QString &locator)
{
    const QMutexLocker locker(&lock());
    const auto found = connections().constFind(locator);
    return found == connections().constEnd() ? locator.toStdString() : *found;
}

} // namespace tributary::ui
