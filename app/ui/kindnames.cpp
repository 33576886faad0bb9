// SPDX-License-Identifier: Apache-2.0
#include "kindnames.h"

#include <QCoreApplication>

namespace tributary::ui {

QString kindListName(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Provider: return QCoreApplication::translate("Kinds", "Providers");
    case ResourceKind::Entity: return QCoreApplication::translate("Kinds", "Entities");
    case ResourceKind::Source: return QCoreApplication::translate("Kinds", "Sources");
    case ResourceKind::Feature: return QCoreApplication::translate("Kinds", "Features");
    case ResourceKind::Label: return QCoreApplication::translate("Kinds", "Labels");
    case ResourceKind::TrainingSet: return QCoreApplication::translate("Kinds", "Training sets");
    case ResourceKind::Model: return QCoreApplication::translate("Kinds", "Models");
    }
    return {};
}

QColor kindColour(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Provider: return QColor(0x6b, 0x72, 0x80);
    case ResourceKind::Entity: return QColor(0x8b, 0x5c, 0xf6);
    case ResourceKind::Source: return QColor(0x25, 0x63, 0xeb);
    case ResourceKind::Feature: return QColor(0x05, 0x96, 0x69);
    case ResourceKind::Label: return QColor(0xc0, 0x26, 0xd3);
    case ResourceKind::TrainingSet: return QColor(0xd9, 0x77, 0x06);
    case ResourceKind::Model: return QColor(0xdc, 0x26, 0x26);
    }
    return Qt::gray;
}

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace tributary::ui
