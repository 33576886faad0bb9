// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <memory>

class QGuiApplication;

namespace tributary::print {

// Qt Gui's text layout and PDF writer need an application object. A command-line program has
// none: this makes one on the offscreen platform (no display needed) for as long as the
// returned object lives, or returns null when the program already has one.
std::unique_ptr<QGuiApplication> ensureGuiApplication();

} // namespace tributary::print
