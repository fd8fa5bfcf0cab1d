#!/bin/sh
# Builds TARGET/vidu-app: the unpacked distribution TARGET/vidu plus a Java runtime of its own,
# made by the JDK's jlink with only the modules vidu uses, so that bin/vidu runs on a machine
# without Java (one made for this operating system and architecture), and the same packed as
# TARGET/vidu-app-VERSION-OS-ARCH.tar.gz and .zip (both keep the runtime's executable bits). Run by the
# app-image profile after the assembly has made TARGET/vidu.
set -eu
target=$1
jdk=$2
version=$3
app=$target/vidu-app
rm -rf "$app"
mkdir -p "$app"
cp -R "$target/vidu/." "$app/"
# jdeps finds what the classes name; TLS to api.vidu.com also needs the elliptic-curve provider.
modules=$("$jdk/bin/jdeps" --ignore-missing-deps --print-module-deps --multi-release 17 "$app/lib/vidu.jar")
"$jdk/bin/jlink" --add-modules "$modules,jdk.crypto.ec" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --generate-cds-archive --output "$app/runtime"
# The image's own class-data archive: the one in lib/ was made by the build's java, not this runtime.
sh "$(dirname "$0")/class-data-archive.sh" "$app" "$app/runtime/bin/java"
os=$(uname -s | tr '[:upper:]' '[:lower:]')
arch=$(uname -m)
archive=$target/vidu-app-$version-$os-$arch.tar.gz
(cd "$target" && tar -czf "$archive" vidu-app)
if command -v zip >/dev/null 2>&1; then
  (cd "$target" && rm -f "vidu-app-$version-$os-$arch.zip" && zip -qry "vidu-app-$version-$os-$arch.zip" vidu-app)
fi
echo "vidu-app: modules $modules,jdk.crypto.ec; $(du -sh "$app" | cut -f 1) in all, runtime $(du -sh "$app/runtime" | cut -f 1); $(basename "$archive") $(du -h "$archive" | cut -f 1)"
