#!/usr/bin/env bash
# Clones this checkout into a new folder and runs there, in order and in one bash, the README's
# blocks marked <!-- fresh-clone --> ("First image, step by step": the first image, PATH, the man
# page, completion, the app image), then checks what they made. A command the README shows that
# fails on a fresh clone fails this. Maven reuses the local repository of the build before it.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd -P)
work=$(mktemp -d "${TMPDIR:-/tmp}/vidu-fresh-clone.XXXXXX")
trap 'rm -rf "$work"' EXIT
git clone -q "$root" "$work/vidu4j"
cd "$work/vidu4j"
steps=$work/readme-steps.sh
awk '
  /^<!-- fresh-clone -->$/ { marked = 1; next }
  marked && /^```/ { if (inside) { inside = 0; marked = 0 } else { inside = 1 }; next }
  inside { print }
' README.md >"$steps"
count=$(grep -c . "$steps" || true)
[ "$count" -ge 7 ] || { echo "README.md: expected the <!-- fresh-clone --> blocks, found $count lines" >&2; exit 1; }
cat >>"$steps" <<'CHECKS'
# What the steps made: a PNG, vidu on PATH, a man page, completion registered, the app image and its archives.
ls out/*-1.png
command -v vidu
MANPATH="$PWD/cli/target/vidu/man:" man -w vidu-image-create
complete -p vidu
ls cli/target/vidu-app/lib/vidu.jsa cli/target/vidu-app-*.tar.gz
CHECKS
echo "README steps in a fresh clone ($work/vidu4j):"
MANPAGER=cat PAGER=cat MANWIDTH=80 bash -euo pipefail -x "$steps"
echo "README steps: all passed"
