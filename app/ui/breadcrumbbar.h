// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <vector>

#include <QWidget>

#include "tributary/model/ref.h"

class QHBoxLayout;
class QToolButton;

namespace tributary::ui {

// Where the shown asset sits: Catalog › Features › spend_30d › v2. Each part is a button: the
// catalog and the kind list what they hold, the name lists its versions, and the version opens
// a menu of the other versions.
class BreadcrumbBar : public QWidget
{
    Q_OBJECT
public:
    explicit BreadcrumbBar(QWidget *parent = nullptr);

    // Shows the way to `ref`; `versions` are every version of its name (for the last part's menu).
    void setAsset(const Ref &ref, const std::vector<Ref> &versions);
    void clear();
    // The parts as shown, joined by " › " (for tests and accessibility).
    QString text() const;

Q_SIGNALS:
    void catalogChosen();
    void kindChosen(tributary::ResourceKind kind);
    void nameChosen(tributary::ResourceKind kind, const QString &name);
    void assetChosen(const tributary::Ref &ref);

private:
    QToolButton *addPart(const QString &label);

    QHBoxLayout *m_layout;
    std::vector<QWidget *> m_parts;
};

} // namespace tributary::ui
