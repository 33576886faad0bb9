#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Builds the Debian package in one command and prints its path (docs/packaging.md).
#   packaging/build-deb.sh                    configure and build the `package` preset
#                                             (Release, no tests; build/package), then cpack
#   packaging/build-deb.sh --build-dir DIR    package a build tree that is already configured
#                                             (CI passes build/dev to save a second build)
# Builds go through /tmp/tributary-build.lock with two jobs at most, like every build here.
# Standard output is the .deb's path alone (deb="$(packaging/build-deb.sh)"); the rest is stderr.
# Needs dpkg-dev (dpkg-shlibdeps computes the Depends field): packaging/install-deps.sh.
set -euo pipefail

source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lock=/tmp/tributary-build.lock
build_dir=""

usage() {
    sed -n '3,9s/^# \{0,1\}//p' "${BASH_SOURCE[0]}" >&2
    exit 2
}
while [ $# -gt 0 ]; do
    case "$1" in
    --build-dir)
        [ $# -ge 2 ] || usage
        build_dir="$2"
        shift 2
        ;;
    --build-dir=*)
        build_dir="${1#--build-dir=}"
        shift
        ;;
    -h | --help) usage ;;
    *)
        echo "build-deb: unknown argument '$1'" >&2
        usage
        ;;
    esac
done

command -v dpkg-shlibdeps >/dev/null || {
    echo "build-deb: dpkg-shlibdeps is missing: run packaging/install-deps.sh (dpkg-dev)" >&2
    exit 1
}

cd "$source_dir"
if [ -z "$build_dir" ]; then
    build_dir="$source_dir/build/package"
    cmake --preset package >&2
    flock "$lock" cmake --build --preset package >&2
else
    build_dir="$(cd "$build_dir" && pwd)"
    [ -f "$build_dir/CPackConfig.cmake" ] || {
        echo "build-deb: $build_dir is not a configured build tree (no CPackConfig.cmake)" >&2
        exit 1
    }
    # Only what the package holds: the tests of a dev tree need not be up to date for this.
    targets=(tributary tributary_man)
    if grep -q '^TRIBUTARY_BUILD_DESKTOP:BOOL=ON' "$build_dir/CMakeCache.txt"; then
        targets+=(tributary-desktop)
    fi
    flock "$lock" cmake --build "$build_dir" --parallel 2 --target "${targets[@]}" >&2
fi

out_dir="$build_dir/deb"
rm -rf "$out_dir"
mkdir -p "$out_dir"
# cpack runs `cmake --install`, strips the programs and asks dpkg-shlibdeps for the Depends.
cpack --config "$build_dir/CPackConfig.cmake" -G DEB -B "$out_dir" >"$out_dir/cpack.log" 2>&1 || {
    cat "$out_dir/cpack.log" >&2
    echo "build-deb: cpack failed (log above: $out_dir/cpack.log)" >&2
    exit 1
}
debs=("$out_dir"/*.deb)
[ ${#debs[@]} -eq 1 ] && [ -f "${debs[0]}" ] || {
    echo "build-deb: cpack made no single .deb in $out_dir" >&2
    exit 1
}
echo "${debs[0]}"
