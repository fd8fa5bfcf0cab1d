#!/usr/bin/env bash
# Builds the committed HEAD twice, in two fresh clones at different paths, and compares every
# artifact (jars, sources and Javadoc jars, SBOMs, the CLI distribution) and the generated code
# and resources byte for byte. Exit 0 when all are identical. Tests are skipped; nothing is
# installed. Usage: tools/check-reproducible.sh [extra mvn args, e.g. -o]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/vidu4j-repro.XXXXXX")"
trap 'rm -rf "$work"' EXIT
commit="$(git -C "$root" rev-parse HEAD)"

for side in a b; do
  git clone --quiet --no-hardlinks "$root" "$work/$side"
  git -C "$work/$side" checkout --quiet "$commit"
  # The build reads ../shared like CI does, when it is there.
  [ -d "$root/../shared" ] && ln -s "$root/../shared" "$work/shared" 2>/dev/null || true
  (cd "$work/$side" && mvn -B -q -DskipTests "$@" package)
done

# What a release publishes or ships, and what the generator and resource filtering produced.
list() {
  (cd "$1" && find . -path ./.git -prune -o -type f \( \
      -path '*/target/*.jar' -o -path '*/target/*-cyclonedx.json' -o -path '*/target/*.zip' \
      -o -path '*/target/*.tar.gz' -o -path '*/target/generated-sources/*' \
      -o -path '*/target/generated-resources/*' -o -path '*/target/classes/*.properties' \) \
      -print | LC_ALL=C sort)
}
list "$work/a" > "$work/files-a"
list "$work/b" > "$work/files-b"
if ! diff -u "$work/files-a" "$work/files-b"; then
  echo "The two builds produced different sets of files." >&2
  exit 1
fi
(cd "$work/a" && xargs sha256sum < "$work/files-a") > "$work/sums-a"
(cd "$work/b" && xargs sha256sum < "$work/files-b") > "$work/sums-b"
if ! diff -u "$work/sums-a" "$work/sums-b"; then
  echo "Not reproducible: the files above differ between two builds of the same commit." >&2
  exit 1
fi
echo "Reproducible: $(wc -l < "$work/files-a") files identical across two builds of ${commit:0:12}."
