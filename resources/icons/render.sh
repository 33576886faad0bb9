#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Renders tributary.svg to the PNG sizes the hicolor icon theme wants (tributary-N.png here,
# installed as hicolor/NxN/apps/io.github.tributary.Tributary.png). The PNGs are committed, so
# building never needs this: run it by hand after changing the SVG, and commit the result.
#
# Developer-only tool: rsvg-convert from Debian's librsvg2-bin (apt-get install librsvg2-bin).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v rsvg-convert >/dev/null || {
    echo "render.sh: rsvg-convert is missing: apt-get install librsvg2-bin" >&2
    exit 1
}
for size in 16 22 24 32 48 64 128 256; do
    rsvg-convert --width "$size" --height "$size" --format png \
        --output "$here/tributary-$size.png" "$here/tributary.svg"
    echo "render.sh: tributary-$size.png"
done
