// SPDX-License-Identifier: Apache-2.0
#include "breadcrumbbar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QToolButton>

#include "kindnames.h"

namespace tributary::ui {

BreadcrumbBar::BreadcrumbBar(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QHBoxLayout(this))
{
    m_layout->setContentsMargins(4, 2, 4, 2);
    m_layout->setSpacing(0);
    m_layout->addStretch();
    setAccessibleName(tr("Breadcrumb"));
    qRegisterMetaType<tributary::ResourceKind>();
    qRegisterMetaType<tributary::Ref>();
}

QToolButton *BreadcrumbBar::addPart(const QString &label)
{
    if (!m_parts.empty()) {
        auto *separator = new QLabel(QStringLiteral(" › "));
        separator->setEnabled(false);
        m_layout->insertWidget(m_layout->count() - 1, separator);
        m_parts.push_back(separator);
    }
    auto *button = new QToolButton;
    button->setText(label);
    button->setAutoRaise(true);
    button->setFocusPolicy(Qt::TabFocus);
    m_layout->insertWidget(m_layout->count() - 1, button);
    m_parts.push_back(button);
    return button;
}

void BreadcrumbBar::clear()
{
    for (QWidget *part : m_parts)
        delete part;
    m_parts.clear();
}

void BreadcrumbBar::setAsset(const Ref &ref, const std::vector<Ref> &versions)
{
    clear();
    connect(addPart(tr("Catalog")), &QToolButton::clicked, this, &BreadcrumbBar::catalogChosen);
    const ResourceKind kind = ref.kind;
    connect(addPart(kindListName(kind)), &QToolButton::clicked, this,
        [this, kind] { Q_EMIT kindChosen(kind); });
    const QString name = QString::fromStdString(ref.name);
    QToolButton *nameButton = addPart(name);
    nameButton->setToolTip(tr("Every version of %1").arg(name));
    connect(nameButton, &QToolButton::clicked, this,
        [this, kind, name] { Q_EMIT nameChosen(kind, name); });
    if (ref.version.empty())
        return;
    QToolButton *version = addPart(QString::fromStdString(ref.version));
    QFont bold = version->font();
    bold.setBold(true);
    version->setFont(bold);
    if (versions.size() > 1) {
        auto *menu = new QMenu(version);
        for (const Ref &other : versions) {
            QAction *action = menu->addAction(QString::fromStdString(other.version), this,
                [this, other] { Q_EMIT assetChosen(other); });
            action->setCheckable(true);
            action->setChecked(other == ref);
        }
        version->setMenu(menu);
        version->setPopupMode(QToolButton::InstantPopup);
        version->setToolTip(tr("%n version(s): choose another", nullptr, int(versions.size())));
    }
}

QString BreadcrumbBar::text() const
{
    QStringList parts;
    for (QWidget *part : m_parts) {
        if (const auto *button = qobject_cast<QToolButton *>(part))
            parts << button->text();
    }
    return parts.join(QStringLiteral(" › "));
}

} // namespace tributary::ui
