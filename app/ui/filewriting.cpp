// SPDX-License-Identifier: Apache-2.0
#include "filewriting.h"

#include <QFile>

#include "tributary/base/atomicfile.h"

namespace tributary::ui {

QString writeFileAtomically(const QString &path, std::string_view bytes)
{
    const auto written = tributary::writeFileAtomically(QFile::encodeName(path).toStdString(), bytes);
    return written ? QString() : QString::fromStdString(written.error().toString());
}

} // namespace tributary::ui
