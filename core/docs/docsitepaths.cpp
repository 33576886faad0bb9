// SPDX-License-Identifier: Apache-2.0
// Where each page of the docs site lives. Asset pages are named after the asset so search.js
// can derive a page from its index entry (see stemFor in docsiteassets.cpp: keep the two in
// step); owners and tags, free text, get a slug and a hash.
#include <algorithm>
#include <cctype>

#include "docsite_p.h"
#include "tributary/base/sha256.h"

namespace tributary::docs_detail {
namespace {

constexpr std::size_t kLongestStem = 150; // bytes; file systems allow 255

// Names and versions hold [A-Za-z0-9_.-] only (the format's rule); anything else is written
// as "~~" and two hex digits, so the mapping stays one to one whatever a store holds.
std::string encode(std::string_view text)
{
    static constexpr char kHex[] = "0123456789abcdef";
    std::string out;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::islower(u) || std::isdigit(u) || c == '_' || c == '.' || c == '-') {
            out += c;
        } else if (std::isupper(u)) {
            out += '~';
            out += char(std::tolower(u));
        } else {
            out += "~~";
            out += kHex[u >> 4];
            out += kHex[u & 15];
        }
    }
    return out;
}

// Windows refuses these as file names, whatever follows the first dot.
bool isReservedOnWindows(std::string_view stem)
{
    const std::string_view base = stem.substr(0, stem.find('.'));
    for (std::string_view word : {"con", "prn", "aux", "nul"}) {
        if (base == word)
            return true;
    }
    return base.size() == 4 && (base.starts_with("com") || base.starts_with("lpt"))
        && base[3] >= '1' && base[3] <= '9';
}

std::string derivedStem(const Ref &ref)
{
    std::string stem = encode(ref.name);
    if (!ref.version.empty()) {
        stem += '@';
        stem += encode(ref.version);
    }
    if (isReservedOnWindows(stem))
        stem += "@";
    return stem;
}

} // namespace

std::string pageOverride(const Ref &ref)
{
    const std::string stem = derivedStem(ref);
    if (stem.size() <= kLongestStem)
        return {};
    return stem.substr(0, kLongestStem - 17) + "-" + sha256Hex(ref.toString()).substr(0, 16);
}

std::string fileStem(const Ref &ref)
{
    std::string cut = pageOverride(ref);
    return cut.empty() ? derivedStem(ref) : cut;
}

std::string assetPath(const Ref &ref)
{
    return "assets/" + std::string(kindName(ref.kind)) + "/" + fileStem(ref) + ".html";
}

std::string columnAnchor(std::string_view column)
{
    return "col-" + encode(column);
}

std::string slugOf(std::string_view text)
{
    std::string slug;
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (std::isalnum(u) && u < 0x80)
            slug += char(std::tolower(u));
        else if (!slug.empty() && slug.back() != '-')
            slug += '-';
        if (slug.size() >= 40)
            break;
    }
    while (!slug.empty() && slug.back() == '-')
        slug.pop_back();
    return (slug.empty() ? "x" : slug) + "-" + sha256Hex(text).substr(0, 10);
}

std::string kindListPath(ResourceKind kind, std::size_t page)
{
    return "kinds/" + std::string(kindName(kind)) + "-" + std::to_string(page) + ".html";
}

std::string ownerListPath(const std::string &owner, std::size_t page)
{
    return "owners/" + slugOf(owner) + "-" + std::to_string(page) + ".html";
}

std::string tagListPath(const std::string &tag, std::size_t page)
{
    return "tags/" + slugOf(tag) + "-" + std::to_string(page) + ".html";
}

std::string ownersIndexPath(std::size_t page)
{
    return "owners/index-" + std::to_string(page) + ".html";
}

std::string tagsIndexPath(std::size_t page)
{
    return "tags/index-" + std::to_string(page) + ".html";
}

std::string rootFrom(std::string_view path)
{
    std::string root;
    for (char c : path) {
        if (c == '/')
            root += "../";
    }
    return root;
}

std::string kindTitle(ResourceKind kind)
{
    switch (kind) {
    case ResourceKind::Provider: return "Providers";
    case ResourceKind::Entity: return "Entities";
    case ResourceKind::Source: return "Sources";
    case ResourceKind::Feature: return "Features";
    case ResourceKind::Label: return "Labels";
    case ResourceKind::TrainingSet: return "Training sets";
    case ResourceKind::Model: return "Models";
    }
    return {};
}

} // namespace tributary::docs_detail
