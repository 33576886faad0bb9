// SPDX-License-Identifier: Apache-2.0
#include "tributary/report/report.h"

namespace tributary {

std::string_view reportKindName(ReportKind kind)
{
    switch (kind) {
    case ReportKind::Trace: return "trace";
    case ReportKind::Inputs: return "inputs";
    case ReportKind::Impact: return "impact";
    case ReportKind::Exposure: return "exposure";
    }
    return "trace";
}

} // namespace tributary
