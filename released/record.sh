#!/usr/bin/env sh
# Records the API baseline of a release: every published module's API dump (<module>/api/<artifactId>.api,
# which `mvn verify` keeps equal to the classes built) copied here as <artifactId>-<version>.api.
# Usage: released/record.sh 0.2.0   (then set vidu.released.version in the parent pom to the same)
set -eu
version="${1:?usage: released/record.sh <released version>}"
cd "$(dirname "$0")/.."
# The dumps of the working tree, so that a stale one cannot become the baseline.
mvn -B -q -Dmaven.test.skip=true -Dvidu.api.record package
rm -f released/*.api
for dump in */api/*.api; do
  cp "$dump" "released/$(basename "$dump" .api)-$version.api"
done
ls released/*.api
