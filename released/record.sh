#!/usr/bin/env sh
# Records the API baseline at a release: the client's and the models' jars of the working tree,
# built as a release would build them, copied here as <artifactId>-<version>.jar.
# Usage: released/record.sh 0.1.0   (then set vidu.released.version in the parent pom to the same)
set -eu
version="${1:?usage: released/record.sh <released version>}"
cd "$(dirname "$0")/.."
mvn -B -q -pl generated,client -am -DskipTests -Djapicmp.skip=true package
rm -f released/vidu4j-client-*.jar released/vidu4j-generated-*.jar
for module in client generated; do
  built="$(ls "$module"/target/vidu4j-"$module"-*.jar | grep -v -E -- '-(sources|javadoc)\.jar$')"
  cp "$built" "released/vidu4j-$module-$version.jar"
done
sha256sum released/*.jar
