#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Fills build/fuzz/corpus/<target>/ with starting inputs: the committed seeds, the test data
# (tests/data) and, when present, the shared fixtures (../shared/fixtures). Files already there
# (what earlier runs found) are kept; copies are named by content, so reruns add nothing twice.
# Usage: tests/fuzz/make-corpus.sh [CORPUS_DIR]   (default: build/fuzz/corpus)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
corpus="${1:-$root/build/fuzz/corpus}"
data="$root/tests/data"
fixtures="$root/../shared/fixtures"
targets=(yamlcatalog openlineage dbt searchquery markdownlinks markdownhtml)

# add TARGET FILE...: copies each file, skipping any over 1 MiB (slow to mutate, little gain).
add() {
    local target="$1"
    shift
    mkdir -p "$corpus/$target"
    local file
    for file in "$@"; do
        [[ -f "$file" ]] || continue
        (($(stat -c %s "$file") <= 1048576)) || continue
        cp "$file" "$corpus/$target/seed-$(sha1sum "$file" | cut -c1-16)"
    done
}

# find_files DIR PATTERN...: regular files under DIR matching any -name pattern, NUL-separated.
find_files() {
    local dir="$1"
    shift
    local expr=() pattern
    for pattern in "$@"; do
        ((${#expr[@]})) && expr+=(-o)
        expr+=(-name "$pattern")
    done
    [[ -d "$dir" ]] && find "$dir" -type f \( "${expr[@]}" \) -print0
}

for target in "${targets[@]}"; do
    mapfile -d '' seeds < <(find "$here/seeds/$target" -type f -print0)
    add "$target" "${seeds[@]}"
done

mapfile -d '' yaml < <(find_files "$data" '*.yaml' '*.yml')
add yamlcatalog "${yaml[@]}"
mapfile -d '' markdown < <(find_files "$data" '*.md'; find_files "$root/docs" '*.md')
add markdownlinks "${markdown[@]}"
add markdownhtml "${markdown[@]}"
# Catalog YAML is full of descriptions with [[links]]: good starting text for both.
add markdownlinks "${yaml[@]}"
mapfile -d '' events < <(find_files "$data/cli" '*.ndjson'; find "$data/cli" -path '*openlineage*' \
    -name '*.json' -print0)
add openlineage "${events[@]}"
mapfile -d '' manifests < <(find "$data/cli" -path '*dbt*' -name '*.json' -print0)
add dbt "${manifests[@]}"
mapfile -d '' queries < <(grep -lZ -x 'search' -r "$data/cli" --include=args || true)
for file in "${queries[@]}"; do
    # The query is the args file's last line (after the command and its options).
    tail -n 1 "$file" > "$corpus/searchquery/seed-args-$(sha1sum "$file" | cut -c1-16)"
done

if [[ -d "$fixtures" ]]; then
    mapfile -d '' fixture_events < <(find_files "$fixtures/openlineage" '*.json' '*.ndjson')
    add openlineage "${fixture_events[@]}"
    mapfile -d '' fixture_manifests < <(find_files "$fixtures/dbt" 'manifest.json' 'catalog.json')
    add dbt "${fixture_manifests[@]}"
    # A manifest with its catalog.json, joined the way dbtfuzz.cpp splits them.
    for manifest in $(find "$fixtures/dbt" -name manifest.json); do
        catalog="$(dirname "$manifest")/catalog.json"
        [[ -f "$catalog" ]] || continue
        joined="$corpus/dbt/seed-joined-$(cat "$manifest" "$catalog" | sha1sum | cut -c1-16)"
        { cat "$manifest"; printf '\n--catalog.json--\n'; cat "$catalog"; } > "$joined"
    done
    mapfile -d '' fixture_markdown < <(find_files "$fixtures" '*.md')
    add markdownhtml "${fixture_markdown[@]}"
else
    echo "make-corpus: no shared fixtures at $fixtures: using tests/data and the seeds only" >&2
fi

for target in "${targets[@]}"; do
    printf 'make-corpus: %-14s %5d files\n' "$target" "$(find "$corpus/$target" -type f | wc -l)"
done
