#!/bin/sh
# Records DIR/lib/vidu.jsa, an AppCDS archive of the classes that a create loads, from a
# representative run (a sandboxed 'vidu image create', nothing leaves the machine), and
# DIR/lib/vidu.jsa.key, which java made it and the jar's path: bin/vidu uses the archive only with
# that java and the jar where it was (the JVM refuses an archive whose class path moved). Made at
# build time so that start-up never depends on the first command a user types (an archive from
# 'vidu --version' holds a sixth of the classes). Run by the build after the distribution is
# assembled, and by app-image.sh with the image's own runtime.
set -eu
dir=$1
java=$2
lib=$(cd "$dir/lib" && pwd -P)
archive=$lib/vidu.jsa
rm -f "$archive" "$archive.key"
# The launcher's options (bin/vidu): an archive is only used by a JVM started as it was made.
# Its output is shown only if it fails.
log=$(mktemp "${TMPDIR:-/tmp}/vidu-jsa.XXXXXX")
if ! "$java" -XX:ArchiveClassesAtExit="$archive" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto \
  -Xlog:cds=off -Xlog:cds+dynamic=off -jar "$lib/vidu.jar" \
  --sandbox --no-progress image create --model viduq2 --prompt "a red fox in the snow" >"$log" 2>&1; then
  cat "$log" >&2
  rm -f "$log" "$archive"
  echo "class-data-archive.sh: the training run failed" >&2
  exit 1
fi
rm -f "$log"
real=$(readlink -f "$java" 2>/dev/null || printf '%s' "$java")
printf '%s %s\n' "$(ls -lLn "$real" | cksum | cut -d ' ' -f 1)" "$lib/vidu.jar" >"$archive.key"
