#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Keeps the packaging files in step with the code (ctest: packaging_consistency):
#  - every command `tributary help` lists has a .SS heading in packaging/man/tributary.1, and
#    every option its synopsis names appears in the page;
#  - the desktop entry, the AppStream metainfo, the icon name and the app's own id agree;
#  - the changelog's newest entry is the project's version;
#  - the icon sources the build and the package use are all there.
# usage: check-packaging.sh TRIBUTARY_BINARY SOURCE_DIR
set -uo pipefail

tributary="$1"
source_dir="$2"
man_page="$source_dir/packaging/man/tributary.1"
problems=0
problem() {
    echo "check-packaging: $*" >&2
    problems=$((problems + 1))
}

# --- the man page against `tributary help` -------------------------------------------------
help_text="$("$tributary" help)" || { echo "check-packaging: '$tributary help' failed" >&2; exit 1; }
# Command lines are indented by two spaces; their summaries by six.
mapfile -t synopses < <(printf '%s\n' "$help_text" | grep -E '^  [a-z]')
[ ${#synopses[@]} -ge 5 ] || problem "'tributary help' listed only ${#synopses[@]} commands"
for synopsis in "${synopses[@]}"; do
    command="$(printf '%s\n' "$synopsis" | awk '{print $1}')"
    # Roff writes a hyphen as \-: "import-dbt" is "import\-dbt" in the page.
    escaped="${command//-/\\\\-}"
    grep -Eq "^\.SS \"?${escaped}( |\"|$)" "$man_page" \
        || problem "tributary.1 has no .SS section for the command '$command'"
    for option in $(printf '%s\n' "$synopsis" | grep -oE -- '--[a-z][a-z-]*' | sort -u); do
        grep -Fq -- "${option//-/\\-}" "$man_page" \
            || problem "tributary.1 does not mention $option (of '$command')"
    done
done

# --- one id for the desktop entry, the metainfo and the icon ------------------------------
desktop_files=("$source_dir"/packaging/linux/*.desktop)
[ ${#desktop_files[@]} -eq 1 ] && [ -f "${desktop_files[0]}" ] \
    || problem "expected one .desktop file in packaging/linux, found ${#desktop_files[@]}"
desktop="${desktop_files[0]}"
app_id="$(basename "$desktop" .desktop)"
metainfo="$source_dir/packaging/linux/$app_id.metainfo.xml"
[ -f "$metainfo" ] || problem "no metainfo named after the desktop entry: $metainfo"
icon="$(sed -n 's/^Icon=//p' "$desktop")"
[ "$icon" = "$app_id" ] || problem "the desktop entry's Icon=$icon is not its id $app_id"
grep -q "^Exec=tributary-desktop" "$desktop" || problem "the desktop entry does not run tributary-desktop"
if [ -f "$metainfo" ]; then
    grep -q "<id>$app_id</id>" "$metainfo" || problem "the metainfo <id> is not $app_id"
    grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo" \
        || problem "the metainfo does not launch $app_id.desktop"
fi
grep -q "set(TRIBUTARY_APP_ID $app_id)" "$source_dir/packaging/install.cmake" \
    || problem "packaging/install.cmake installs the icons under another name than $app_id"
grep -q "QStringLiteral(\"$app_id\")" "$source_dir/app/gui/main.cpp" \
    || problem "app/gui/main.cpp names another desktop file and icon than $app_id"

# --- the package's changelog names the project's version ---------------------------------
project_version="$(sed -n 's/^project(Tributary VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")"
changelog_version="$(sed -n '1s/^tributary (\([^)-]*\)-[0-9]*).*/\1/p' "$source_dir/packaging/linux/changelog")"
[ "$changelog_version" = "$project_version" ] \
    || problem "packaging/linux/changelog starts at '$changelog_version', the project is $project_version"

# --- the icon sources ---------------------------------------------------------------------
icons="$source_dir/resources/icons"
[ -f "$icons/tributary.svg" ] || problem "resources/icons/tributary.svg is missing"
sizes="$(sed -n 's/^set(TRIBUTARY_ICON_SIZES \([0-9 ]*\)).*/\1/p' "$source_dir/CMakeLists.txt")"
[ -n "$sizes" ] || problem "CMakeLists.txt sets no TRIBUTARY_ICON_SIZES"
for size in $sizes; do
    png="$icons/tributary-$size.png"
    if [ ! -f "$png" ]; then
        problem "resources/icons/tributary-$size.png is missing (run resources/icons/render.sh)"
        continue
    fi
    # A PNG's IHDR holds width and height as big-endian 32-bit numbers at bytes 16 and 20.
    read -r width height < <(od -An -tu1 -j16 -N8 "$png" \
        | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
    [ "$width" = "$size" ] && [ "$height" = "$size" ] \
        || problem "tributary-$size.png is ${width}x${height}, not ${size}x${size}"
done

if [ "$problems" -ne 0 ]; then
    echo "check-packaging: $problems problem(s)" >&2
    exit 1
fi
echo "check-packaging: ${#synopses[@]} commands in the man page; id $app_id; icons $sizes"
