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

QString fromView(std::string_view text)
{
    return QString::fromUtf8(text.data(), qsizetype(text.size()));
}

} // namespace tributary::ui
