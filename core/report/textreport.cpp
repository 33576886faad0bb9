// SPDX-License-Identifier: Apache-2.0
// The text report, for a terminal: the stamps, an aligned table of facts, each fact's evidence
// paths and provenance indented under it, and for impact reports the owners to notify.
//
// Catalog strings reach a terminal here, so control characters (an ESC could recolour or
// retitle the terminal, a CR overwrite a line) are printed as visible \xNN escapes.
#include <algorithm>
#include <cstdint>

#include "reportwriter_p.h"
#include "tributary/model/resource.h"

namespace tributary::report_detail {
namespace {

constexpr std::string_view kIndent = "    ";

std::string hexEscape(unsigned value)
{
    static constexpr char kDigits[] = "0123456789abcdef";
    return std::string("\\x") + kDigits[(value >> 4) & 0xf] + kDigits[value & 0xf];
}

// C0 controls and DEL as \xNN, and the C1 controls (U+0080..U+009F, UTF-8 C2 80..C2 9F),
// which some terminals also obey.
std::string printable(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x20 || byte == 0x7f) {
            out += hexEscape(byte);
        } else if (byte == 0xc2 && i + 1 < text.size()
            && static_cast<unsigned char>(text[i + 1]) >= 0x80
            && static_cast<unsigned char>(text[i + 1]) <= 0x9f) {
            out += hexEscape(static_cast<unsigned char>(text[++i]));
        } else {
            out += text[i];
        }
    }
    return out;
}

bool isWide(std::uint32_t cp)
{
    return (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf && cp != 0x303f)
        || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff)
        || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60)
        || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f)
        || (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd);
}

// Terminal columns a UTF-8 string takes: CJK and emoji count two, combining marks none. Close
// enough to wcwidth() for catalog text without depending on the process locale.
std::size_t displayWidth(std::string_view text)
{
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto lead = static_cast<unsigned char>(text[i]);
        std::size_t length = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        if (lead >= 0x80 && lead < 0xc0)
            length = 1; // a stray continuation byte
        length = std::min(length, text.size() - i);
        std::uint32_t cp = length == 1 ? lead : lead & (0xff >> (length + 1));
        for (std::size_t k = 1; k < length; ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3f);
        i += length;
        if (cp >= 0x300 && cp <= 0x36f)
            continue;
        width += isWide(cp) ? 2 : 1;
    }
    return width;
}

std::string orDash(std::string text)
{
    if (text.empty())
        return "-";
    return text;
}

std::vector<std::string> factCells(const ReportFact &fact)
{
    return {printable(fact.ref.toString()), std::string(kindName(fact.ref.kind)),
        orDash(printable(fact.owner)), std::string(statusName(fact.status)),
        fact.stage ? std::string(stageName(*fact.stage)) : std::string("-"),
        std::to_string(fact.depth), orDash(printable(joined(fact.tags, ", ")))};
}

using Widths = std::vector<std::size_t>;

// Pads every cell but the last to its column's width, so lines carry no trailing blanks.
std::string tableLine(const std::vector<std::string> &cells, const Widths &widths)
{
    std::string line;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        line += cells[i];
        if (i + 1 < cells.size())
            line.append(widths[i] - displayWidth(cells[i]) + 2, ' ');
    }
    return line + "\n";
}

std::string evidenceLine(const ReportEvidence &evidence)
{
    std::string line = std::string(kIndent) + "via " + printable(evidenceChain(evidence));
    std::string notes = printable(evidence.strength);
    if (!evidence.rule.empty())
        notes += (notes.empty() ? "" : "; ") + std::string("rule: ") + printable(evidence.rule);
    if (!notes.empty())
        line += "  [" + notes + "]";
    return line + "\n";
}

std::string provenanceLine(const Provenance &p)
{
    std::string line = std::string(kIndent) + "from import " + std::to_string(p.import.value);
    if (!p.file.empty())
        line += ", " + printable(fileLineText(p));
    if (!p.fileSha256.empty())
        line += ", sha256 " + printable(p.fileSha256);
    return line + "\n";
}

std::string stampLine(std::string_view label, const std::string &value)
{
    std::string line = "  " + std::string(label);
    line.append(14 - label.size(), ' ');
    return line + value + "\n";
}

std::string ownersSection(const Report &report)
{
    std::string out = "\nOwners to notify (" + std::to_string(report.owners.size()) + ")\n";
    if (report.owners.empty())
        out += "  none\n";
    for (const auto &[owner, resources] : report.owners) {
        out += "  " + (owner.empty() ? std::string("(no owner)") : printable(owner)) + "\n";
        for (const std::string &resource : resources)
            out += std::string(kIndent) + printable(resource) + "\n";
    }
    return out;
}

} // namespace

std::string writeText(const Report &report)
{
    std::string out = printable(report.title) + "\n\n";
    out += stampLine("Query", printable(report.query));
    out += stampLine(
        "As of", printable(report.asOf) + ", resolved to " + resolvedImportText(report));
    out += stampLine("Fingerprint", printable(report.fingerprint));
    out += stampLine("Generated", report.generatedAt.toIso());
    out += stampLine("Tool", "tributary " + printable(report.toolVersion));

    const std::size_t count = report.results.size();
    out += "\n";
    out += count == 0 ? std::string("No results.\n")
                      : std::to_string(count) + (count == 1 ? " result\n" : " results\n");
    if (count > 0) {
        const std::vector<std::string> header
            = {"REF", "KIND", "OWNER", "STATUS", "STAGE", "DEPTH", "TAGS"};
        std::vector<std::vector<std::string>> rows;
        Widths widths(header.size());
        for (std::size_t i = 0; i < header.size(); ++i)
            widths[i] = header[i].size();
        for (const ReportFact &fact : report.results) {
            rows.push_back(factCells(fact));
            for (std::size_t i = 0; i < widths.size(); ++i)
                widths[i] = std::max(widths[i], displayWidth(rows.back()[i]));
        }
        out += tableLine(header, widths);
        for (std::size_t r = 0; r < rows.size(); ++r) {
            out += tableLine(rows[r], widths);
            for (const ReportEvidence &evidence : report.results[r].evidence)
                out += evidenceLine(evidence);
            out += provenanceLine(report.results[r].provenance);
        }
    }
    if (showsOwners(report))
        out += ownersSection(report);
    return out;
}

} // namespace tributary::report_detail
