// SPDX-License-Identifier: Apache-2.0
#pragma once

class QWidget;

namespace tributary::ui {

// Help > Keyboard shortcuts: every shortcut of the window, in one table.
void showKeyboardShortcuts(QWidget *parent);
// Help > About: the version, and what Tributary is.
void showAbout(QWidget *parent);

} // namespace tributary::ui
