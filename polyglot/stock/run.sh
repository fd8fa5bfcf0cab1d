#!/usr/bin/env bash
# The stock-generator matrix: clients generated from openapi/vidu.yaml ALONE, with OpenAPI Generator's
# default settings (no config file, no template), for Java (okhttp-gson), Go, Python, typescript-fetch
# and typescript-axios. Each runs the whole flow (polyglot/stock/<language>) against one
# `vidu sandbox serve` whose base URL is used exactly as the sandbox prints it, whose tasks answer
# their first poll with a state the spec does not list, and whose every JSON object carries a field
# the spec does not know. Needs the built CLI jar (cli/target/vidu.jar), java, mvn, go, python3, npm.
# Prints a table: generator, steps passed, settings given (ideally none). Exit 1 if any flow failed.
set -euo pipefail
cd "$(dirname "$0")/../.."

build=polyglot/target/stock
spec=openapi/vidu.yaml
pom_property() { sed -n "s|.*<$1>\(.*\)</$1>.*|\1|p" pom.xml | head -n 1; }
generator_version=$(pom_property openapi-generator.version)
generator=polyglot/target/generator/openapi-generator-cli-$generator_version.jar
[ -f cli/target/vidu.jar ] || { echo "stock: build the CLI first (mvn -B verify)" >&2; exit 1; }
if [ ! -f "$generator" ]; then
  mvn -B -q -N "org.apache.maven.plugins:maven-dependency-plugin:$(pom_property dependency-plugin.version):copy" \
    -Dartifact="org.openapitools:openapi-generator-cli:$generator_version" -DoutputDirectory="$(dirname "$generator")"
fi
rm -rf "$build"
mkdir -p "$build"
step() { echo "-- [${SECONDS}s] $*"; }
export FLOW_UNLISTED_STATE=scheduled FLOW_EXTRA_FIELD=x_added_later
settings_python="datetimeFormat=%Y-%m-%dT%H:%M:%S.%fZ"

generate() { # generate NAME GENERATOR [ARGS...]: defaults only; -q drops the banner, INFO lines are noise
  local name=$1 generator_name=$2; shift 2
  java -jar "$generator" generate -q -i "$spec" -g "$generator_name" -o "$build/$name" "$@" \
    --global-property apiTests=false,modelTests=false,apiDocs=false,modelDocs=false 2>&1 | { grep -v ' INFO ' || true; }
}
step "generate (OpenAPI Generator $generator_version, default settings)"
generate java java & jobs="$!"
generate go go & jobs="$jobs $!"
wait $jobs
generate python python --additional-properties="$settings_python" & jobs="$!"
generate typescript/fetch typescript-fetch & jobs="$jobs $!"
generate typescript/axios typescript-axios & jobs="$jobs $!"
wait $jobs

step "build: Java (the generated pom), Go (no modules), Python (venv), TypeScript (npm ci, tsc)"
build_java() {
  mkdir -p "$build/java/src/main/java/flow" && cp polyglot/stock/java/Flow.java "$build/java/src/main/java/flow/"
  mvn -B -q -f "$build/java/pom.xml" -DskipTests -Dmaven.javadoc.skip=true package dependency:build-classpath \
    -Dmdep.outputFile=classpath.txt
}
build_go() {
  mkdir -p "$build/go/cmd/flow" && cp polyglot/stock/go/main.go "$build/go/cmd/flow/"
  (cd "$build/go" && GOFLAGS=-mod=mod GOPROXY=off go build -o flow ./cmd/flow)
}
build_python() {
  python3 -m venv "$build/python/venv"
  "$build/python/venv/bin/python" -m pip install -q --retries 0 --no-deps -r polyglot/python/requirements.txt
  "$build/python/venv/bin/python" -m pip install -q --retries 0 --no-deps --no-build-isolation "$build/python"
}
build_typescript() {
  cp polyglot/stock/typescript/*.ts polyglot/stock/typescript/package.json polyglot/stock/typescript/package-lock.json \
    polyglot/stock/typescript/tsconfig.json "$build/typescript/"
  (cd "$build/typescript" && npm ci --no-audit --no-fund --loglevel=error && npx --no-install tsc -p .)
}
# The kit (openapi/kit/README.md), from its zip in an empty folder: the README's Python and TypeScript
# blocks, run as written, then the same flows.
kit_zip=$(ls openapi/target/vidu4j-openapi-*-kit.zip 2>/dev/null | head -n 1 || true)
readme_block() { # readme_block FILE TITLE: the first fenced block under "## TITLE"
  awk -v title="## $2" '$0 == title {on = 1; next} on && /^## / {exit} on && /^```/ {if (inside) exit; inside = 1; next} inside' "$1"
}
root=$PWD
build_kit() {
  [ -n "$kit_zip" ] || { echo "no openapi/target/vidu4j-openapi-*-kit.zip: run mvn -B verify first"; return 1; }
  local empty kit
  empty=$(mktemp -d "$root/$build/kit.XXXXXX")
  (cd "$empty" && unzip -q "$root/$kit_zip")
  kit=$(echo "$empty"/vidu-spec-kit-*)
  echo "$kit" >"$root/$build/kit.dir"
  export G=$root/$generator
  (cd "$kit" && bash -euo pipefail -c "$(readme_block README.md Python)")
  (cd "$kit" && bash -euo pipefail -c "$(readme_block README.md 'TypeScript (typescript-fetch, Node 20)')")
  sed 's|"./fetch"|"./vidu-api"|' polyglot/stock/typescript/flow-fetch.ts >"$kit/out/typescript/flow.ts"
  cp polyglot/stock/typescript/common.ts "$kit/out/typescript/"
  (cd "$kit/out/typescript" && npx --no-install tsc -p .)
}
# Each build in its own bash, so that its first failing command stops it (set -e does not apply
# inside a function called from an if).
export -f build_java build_go build_python build_typescript build_kit readme_block
export build generator kit_zip root
for language in java go python typescript kit; do
  ( if bash -euo pipefail -c "build_$language" >"$build/$language-build.log" 2>&1; then echo ok; else echo failed; fi ) \
    >"$build/$language-build.status" &
done
wait

step "one sandbox for every flow"
sandbox_log=$build/sandbox.log
java -Xmx256m -jar cli/target/vidu.jar sandbox serve --processing-time 2s --unlisted-state "$FLOW_UNLISTED_STATE" \
  --extra-field "$FLOW_EXTRA_FIELD={\"note\":\"a field no client knows\",\"n\":[1]}" >"$sandbox_log" 2>&1 &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true' EXIT
VIDU_BASE_URL=
for _ in $(seq 1 100); do
  VIDU_BASE_URL=$(sed -n 's|^Use it: export VIDU_BASE_URL=\([^ ]*\).*|\1|p' "$sandbox_log")
  [ -n "$VIDU_BASE_URL" ] && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$sandbox_log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$VIDU_BASE_URL" ] || { echo "stock: the sandbox did not start" >&2; cat "$sandbox_log" >&2; exit 1; }
VIDU_API_KEY=$(sed -n 's|^Demo API key: ||p' "$sandbox_log")
export VIDU_BASE_URL VIDU_API_KEY

step "flows, in parallel, against $VIDU_BASE_URL (as printed)"
run_flow() { # run_flow NAME LANGUAGE COMMAND...
  local name=$1 language=$2; shift 2
  if [ "$(cat "$build/$language-build.status")" != ok ]; then
    echo "FAIL build: see $language-build.log" >"$build/$name.log"; cat "$build/$language-build.log" >>"$build/$name.log"; return
  fi
  timeout 180 "$@" >"$build/$name.log" 2>&1 || true
}
run_flow java java sh -c "cd $build/java && java -cp target/classes:\$(cat classpath.txt) flow.Flow" &
flows="$!"
run_flow go go "$build/go/flow" &
flows="$flows $!"
run_flow python python "$build/python/venv/bin/python" polyglot/stock/python/flow.py &
flows="$flows $!"
run_flow typescript-fetch typescript node "$build/typescript/dist/flow-fetch.js" &
flows="$flows $!"
run_flow typescript-axios typescript node "$build/typescript/dist/flow-axios.js" &
flows="$flows $!"
kit_dir=$(cat "$build/kit.dir" 2>/dev/null || echo missing)
run_flow kit-python kit env FLOW_PYTHON_PACKAGE=vidu_api "$kit_dir/venv/bin/python" polyglot/stock/python/flow.py &
flows="$flows $!"
run_flow kit-typescript kit node "$kit_dir/out/typescript/dist/flow.js" &
flows="$flows $!"
wait $flows

steps=11
failed=0
printf '%-18s %-8s %s\n' generator steps "settings given"
for name in java go python typescript-fetch typescript-axios kit-python kit-typescript; do
  passed=$(grep -c '^PASS ' "$build/$name.log" || true)
  settings=none
  [ "$name" = python ] && settings=$settings_python
  case $name in kit-*) settings="the kit's, from its zip in an empty folder" ;; esac
  printf '%-18s %-8s %s\n' "$name" "$passed/$steps" "$settings"
  if [ "$passed" != "$steps" ] || grep -q '^FAIL ' "$build/$name.log"; then
    failed=1
    echo "== $name: failed"; tail -n 40 "$build/$name.log"
  fi
done
step "done"
exit "$failed"
