// SPDX-License-Identifier: Apache-2.0
#include "assetaddress.h"

namespace tributary::ui {

QUrl addressOf(const Ref &ref)
{
    QUrl url;
    url.setScheme(QStringLiteral("tributary"));
    url.setHost(QString::fromUtf8(kindName(ref.kind).data(), qsizetype(kindName(ref.kind).size()))
                    .replace(QLatin1Char('_'), QLatin1Char('-')));
    url.setPath(QLatin1Char('/') + QString::fromStdString(ref.shortString()));
    return url;
}

std::optional<Ref> refFromAddress(const QUrl &url)
{
    if (url.scheme() != QLatin1String("tributary"))
        return std::nullopt;
    const auto kind = parseKind(url.host().toStdString());
    QString path = url.path();
    if (!kind || !path.startsWith(QLatin1Char('/')))
        return std::nullopt;
    auto text = parseRefText(path.mid(1).toStdString());
    if (!text || text->column || (isVersioned(*kind) && !text->version))
        return std::nullopt;
    return Ref{*kind, text->name, text->version.value_or(std::string())};
}

std::optional<Ref> refFromText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed.startsWith(QLatin1String("tributary://")))
        return refFromAddress(QUrl(trimmed));
    // Without a kind the text may mean several resources: the caller searches instead.
    auto parsed = parseRefText(trimmed.toStdString());
    if (!parsed || parsed->column || !parsed->kind
        || (isVersioned(*parsed->kind) && !parsed->version))
        return std::nullopt;
    return Ref{*parsed->kind, parsed->name, parsed->version.value_or(std::string())};
}

} // namespace tributary::ui
