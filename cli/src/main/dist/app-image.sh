#!/bin/sh
# Builds TARGET/vidu-app: the unpacked distribution TARGET/vidu plus a Java runtime of its own,
# made by the JDK's jlink with only the modules vidu uses, so that bin/vidu runs on a machine
# without Java (one made for this operating system and architecture). Run by the app-image profile.
set -eu
target=$1
jdk=$2
app=$target/vidu-app
rm -rf "$app"
mkdir -p "$app"
cp -R "$target/vidu/." "$app/"
# jdeps finds what the classes name; TLS to api.vidu.com also needs the elliptic-curve provider.
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$app/lib/vidu.jar")
"$jdk/bin/jlink" --add-modules "$modules,jdk.crypto.ec" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --generate-cds-archive --output "$app/runtime"
echo "vidu-app: modules $modules,jdk.crypto.ec; $(du -sh "$app" | cut -f 1) in all, runtime $(du -sh "$app/runtime" | cut -f 1)"
