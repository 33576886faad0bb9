// SPDX-License-Identifier: Apache-2.0
#include "asofselector.h"

namespace tributary::ui {

AsOfSelector::AsOfSelector(QWidget *parent)
    : QComboBox(parent)
{
    setToolTip(tr("Show the catalog as it stood after an import"));
    setSizeAdjustPolicy(QComboBox::AdjustToContents);
    addItem(tr("Latest"), qint64(0));
    connect(this, &QComboBox::activated, this, [this] { Q_EMIT asOfChosen(current()); });
}

void AsOfSelector::setImports(const std::vector<ImportRecord> &imports)
{
    const QSignalBlocker blocker(this);
    clear();
    addItem(tr("Latest"), qint64(0));
    for (auto it = imports.rbegin(); it != imports.rend(); ++it) {
        QString label
            = tr("Import %1 · %2").arg(it->id.value).arg(QString::fromStdString(it->at.toIso()));
        if (!it->author.empty())
            label += QStringLiteral(" · ") + QString::fromStdString(it->author);
        addItem(label, qint64(it->id.value));
    }
}

void AsOfSelector::select(const AsOf &asOf)
{
    const auto *import = std::get_if<ImportId>(&asOf.point);
    const int index = findData(qint64(import ? import->value : 0));
    const QSignalBlocker blocker(this);
    setCurrentIndex(index < 0 ? 0 : index);
}

AsOf AsOfSelector::current() const
{
    const qint64 id = currentData().toLongLong();
    return id == 0 ? AsOf::latest() : AsOf::import(ImportId{id});
}

} // namespace tributary::ui
