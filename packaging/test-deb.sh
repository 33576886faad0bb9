#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Installs a Tributary .deb, checks that it works like an installed desktop program, and
# removes it again (docs/packaging.md). Run as root on Debian 12:
#   packaging/test-deb.sh build/dev/deb/tributary_0.1.0-1_amd64.deb [--screenshot FILE]
# Needs desktop-file-utils and appstream (packaging/install-deps.sh). Exits non-zero, saying
# what failed, on the first problem; the package is removed whatever happened.
set -euo pipefail

source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
app_id=io.github.tributary.Tributary
deb=""
screenshot=""
while [ $# -gt 0 ]; do
    case "$1" in
    --screenshot)
        screenshot="${2:?--screenshot needs a file}"
        shift 2
        ;;
    -*)
        echo "test-deb: unknown option '$1'" >&2
        exit 2
        ;;
    *)
        deb="$1"
        shift
        ;;
    esac
done

fail() {
    echo "test-deb: FAILED: $*" >&2
    exit 1
}
step() { echo "test-deb: $*"; }

[ -n "$deb" ] || { echo "usage: test-deb.sh FILE.deb [--screenshot FILE]" >&2; exit 2; }
[ -f "$deb" ] || fail "no such file: $deb"
[ "$(id -u)" -eq 0 ] || fail "run as root (it installs the package with apt-get)"
for tool in desktop-file-validate appstreamcli; do
    command -v "$tool" >/dev/null || fail "$tool is missing: run packaging/install-deps.sh"
done
if dpkg-query -W -f='${Status}' tributary 2>/dev/null | grep -q "install ok installed"; then
    fail "tributary is installed already; remove it first (apt-get remove tributary)"
fi
deb="$(realpath "$deb")"

work="$(mktemp -d)"
desktop_pid=""
cleanup() {
    local status=$?
    if [ -n "$desktop_pid" ] && kill -0 "$desktop_pid" 2>/dev/null; then
        kill "$desktop_pid" 2>/dev/null || true
        wait "$desktop_pid" 2>/dev/null || true
    fi
    step "removing the package"
    DEBIAN_FRONTEND=noninteractive apt-get remove --purge -y -qq tributary >"$work/remove.log" 2>&1 \
        || { cat "$work/remove.log" >&2; status=1; }
    rm -rf "$work"
    if [ "$status" -eq 0 ]; then
        echo "test-deb: all checks passed"
    fi
    exit "$status"
}
trap cleanup EXIT

step "installing $deb"
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$deb" >"$work/install.log" 2>&1 \
    || { cat "$work/install.log" >&2; fail "apt-get install failed"; }

# --- the command line -----------------------------------------------------------------------
project_version="$(sed -n 's/^project(Tributary VERSION \([0-9.]*\).*/\1/p' "$source_dir/CMakeLists.txt")"
package_version="$(dpkg-query -W -f='${Version}' tributary)"
[ "${package_version%-*}" = "$project_version" ] \
    || fail "the package is version $package_version, the project $project_version"
[ "$(command -v tributary)" = /usr/bin/tributary ] || fail "tributary is not /usr/bin/tributary"
version_line="$(tributary --version)" || fail "tributary --version exited non-zero"
[ "$version_line" = "tributary $project_version" ] \
    || fail "tributary --version printed '$version_line', not 'tributary $project_version'"
step "tributary --version: $version_line"
for program in /usr/bin/tributary /usr/bin/tributary-desktop; do
    [ -x "$program" ] || fail "$program is missing"
    if ldd "$program" | grep -q "not found"; then
        ldd "$program" >&2
        fail "$program has libraries that are not found"
    fi
    core="$(ldd "$program" | awk '/libtributary_core\.so/ {print $3}')"
    core="$(realpath -e "$core" 2>/dev/null || true)" # ldd says /usr/bin/../lib/...
    [[ "$core" =~ ^/usr/lib/([^/]+/)?tributary/libtributary_core\.so\. ]] \
        || fail "$program does not load the private core library from /usr/lib/.../tributary"
done

# --- desktop integration ----------------------------------------------------------------------
desktop_file="/usr/share/applications/$app_id.desktop"
metainfo="/usr/share/metainfo/$app_id.metainfo.xml"
[ -f "$desktop_file" ] || fail "$desktop_file is missing"
desktop-file-validate "$desktop_file" || fail "desktop-file-validate rejects $desktop_file"
[ -f "$metainfo" ] || fail "$metainfo is missing"
appstreamcli validate --no-net "$metainfo" >"$work/appstream.log" 2>&1 \
    || { cat "$work/appstream.log" >&2; fail "appstreamcli rejects $metainfo"; }
step "desktop entry and metainfo are valid"
icons=/usr/share/icons/hicolor
[ -f "$icons/scalable/apps/$app_id.svg" ] || fail "the scalable icon is missing"
for size in 16 22 24 32 48 64 128 256; do
    [ -f "$icons/${size}x${size}/apps/$app_id.png" ] || fail "the ${size}x${size} icon is missing"
done
step "icons: scalable and 8 PNG sizes"
man_page="$(man -w tributary 2>/dev/null || true)"
[ -n "$man_page" ] || man_page=/usr/share/man/man1/tributary.1.gz
[ -f "$man_page" ] || fail "the tributary(1) manual page is missing"
[ -f /usr/share/man/man1/tributary-desktop.1.gz ] || fail "the tributary-desktop(1) page is missing"
step "manual pages: $man_page and tributary-desktop.1.gz"
sample=/usr/share/tributary/samples/acme
[ -f "$sample/models.yaml" ] || fail "the sample catalog is not in $sample"
tributary validate "$sample" >"$work/validate.log" 2>&1 \
    || { cat "$work/validate.log" >&2; fail "tributary validate rejects the installed sample"; }
step "sample: $(tail -1 "$work/validate.log")"

# --- the desktop app, as the menu starts it ---------------------------------------------------
# The Exec line without its field codes (%f, %U, ...), as a launcher runs it with no file.
exec_line="$(sed -n 's/^Exec=//p' "$desktop_file" | head -1 | sed -E 's/ ?%[fFuUdDnNickvm]//g')"
[ -n "$exec_line" ] || fail "the desktop entry has no Exec line"
read -r -a exec_words <<<"$exec_line"
# A new user: empty home, config and data folders, no display.
export HOME="$work/home" XDG_CONFIG_HOME="$work/home/.config" XDG_DATA_HOME="$work/home/.local/share"
export XDG_CACHE_HOME="$work/home/.cache" XDG_RUNTIME_DIR="$work/runtime"
export QT_QPA_PLATFORM=offscreen
mkdir -p "$HOME" && mkdir -m 0700 "$XDG_RUNTIME_DIR"
cd "$work"
step "running '${exec_words[*]} --sample' (offscreen, new user)"
status=0
timeout 300 "${exec_words[@]}" --sample --smoke-test --smoke-grab "$work/window.png" \
    >"$work/smoke.log" 2>&1 || status=$?
cat "$work/smoke.log"
[ "$status" -eq 0 ] || fail "the desktop app did not show the sample (exit $status)"
grep -q "^smoke-test: shown" "$work/smoke.log" || fail "the desktop app never showed a catalog"
# Offscreen there is no icon theme, so the window shows the icon built into the program; on a
# desktop with a theme it is the installed one. Either way there must be one.
grep -Eq "icon: (theme $app_id|built in)$" "$work/smoke.log" || fail "the window has no icon"
[ -s "$work/window.png" ] || fail "no picture of the window was saved"
imported="$(find "$XDG_DATA_HOME" -name acme-sample.sqlite | head -1)"
[ -n "$imported" ] || fail "the sample was not imported into the user's data folder"
# An import records the folder it read: proof the installed copy was the one imported.
tributary imports --catalog "$imported" --json >"$work/imports.json" \
    || fail "tributary cannot read the catalog the desktop app imported"
grep -Eq "\"source\": \"$sample/?\"" "$work/imports.json" \
    || { cat "$work/imports.json" >&2; fail "the desktop app did not import the installed sample"; }
step "the desktop app imported $sample into $imported"
[ -z "$screenshot" ] || cp "$work/window.png" "$screenshot"

# Started again as a person would, it must stay up (and reopen the sample) until closed.
"${exec_words[@]}" --sample >"$work/desktop.log" 2>&1 &
desktop_pid=$!
sleep 5
kill -0 "$desktop_pid" 2>/dev/null || { cat "$work/desktop.log" >&2; fail "the desktop app exited by itself"; }
kill "$desktop_pid"
wait "$desktop_pid" 2>/dev/null || true
desktop_pid=""
step "the desktop app stayed up until it was stopped"
