#!/usr/bin/env bash
# Generates the Python and TypeScript clients from openapi/vidu.yaml, installs and type-checks
# them, and runs their tests and every x-codeSamples entry against one `vidu sandbox serve`.
# Needs the built CLI jar (cli/target/vidu.jar); everything else goes to polyglot/target/.
set -euo pipefail
cd "$(dirname "$0")/.."

build=polyglot/target
spec=openapi/vidu.yaml
pom_property() { sed -n "s|.*<$1>\(.*\)</$1>.*|\1|p" pom.xml | head -n 1; }
generator_version=$(pom_property openapi-generator.version)
generator=$build/generator/openapi-generator-cli-$generator_version.jar
[ -f cli/target/vidu.jar ] || { echo "polyglot: build the CLI first (mvn -B verify)" >&2; exit 1; }

rm -rf "$build/python/vidu-api" "$build/typescript" "$build/samples"
if [ ! -f "$generator" ]; then
  mvn -B -q -N "org.apache.maven.plugins:maven-dependency-plugin:$(pom_property dependency-plugin.version):copy" \
    -Dartifact="org.openapitools:openapi-generator-cli:$generator_version" -DoutputDirectory="$build/generator"
fi
step() { echo "-- [${SECONDS}s] $*"; }
generate() { # -q drops the donation banner; INFO lines are noise
  java -jar "$generator" generate -q -i "$spec" "$@" 2>&1 | { grep -v ' INFO ' || true; }
}

step "generate (OpenAPI Generator $generator_version)"
generate -g python -o "$build/python/vidu-api" -c polyglot/python/generator.yaml -t polyglot/python/templates \
  --global-property apiTests=false,modelTests=false,apiDocs=false,modelDocs=false &
python_generation=$!
generate -g typescript-fetch -o "$build/typescript/vidu-api" -c polyglot/typescript/generator.yaml \
  --global-property apiDocs=false,modelDocs=false
wait "$python_generation"

step "Python: venv, pinned dependencies, the generated package"
[ -x "$build/python/venv/bin/python" ] || python3 -m venv "$build/python/venv"
py=$build/python/venv/bin/python
"$py" -m pip install -q --retries 0 --no-deps -r polyglot/python/requirements.txt
"$py" -m pip install -q --retries 0 --no-deps --no-build-isolation --force-reinstall "$build/python/vidu-api"

step "TypeScript: pinned typescript, samples extracted, type-checked"
cp polyglot/typescript/package.json polyglot/typescript/package-lock.json polyglot/typescript/tsconfig.json \
  polyglot/typescript/*.ts "$build/typescript/"
(cd "$build/typescript" && npm ci --no-audit --no-fund --loglevel=error)
"$py" polyglot/code_samples.py write "$spec" "$build/samples" "$build/typescript"
(cd "$build/typescript" && npx --no-install tsc -p .)

step "one sandbox for both clients and all samples"
sandbox_log=$build/sandbox.log
java -Xmx256m -jar cli/target/vidu.jar sandbox serve --processing-time 3s --unlisted-state scheduled >"$sandbox_log" 2>&1 &
sandbox_pid=$!
trap 'kill "$sandbox_pid" 2>/dev/null || true; wait "$sandbox_pid" 2>/dev/null || true' EXIT
base_url=
for _ in $(seq 1 100); do
  # Exactly as the sandbox prints it: clients and samples append /ent/v2/... to it unchanged.
  base_url=$(sed -n 's|^Use it: export VIDU_BASE_URL=\([^ ]*\).*|\1|p' "$sandbox_log")
  [ -n "$base_url" ] && break
  kill -0 "$sandbox_pid" 2>/dev/null || { cat "$sandbox_log" >&2; exit 1; }
  sleep 0.2
done
[ -n "$base_url" ] || { echo "polyglot: the sandbox did not start" >&2; cat "$sandbox_log" >&2; exit 1; }
export VIDU_BASE_URL=$base_url
export VIDU_API_KEY=$(sed -n 's|^Demo API key: ||p' "$sandbox_log")

step "both clients and the samples, in parallel, against $VIDU_BASE_URL"
# Tasks take 3.5 s in this sandbox (long enough for a cancel sample's JVM to start before the
# task ends), so the three suites poll side by side; each one's output is printed as a block.
run_suite() { local name=$1; shift; if "$@" >"$build/$name.log" 2>&1; then echo ok >"$build/$name.status"; else echo failed >"$build/$name.status"; fi; }
run_suite python-client "$py" polyglot/python/test_generated_client.py &
suites=$!
run_suite typescript-client node --test "$build/typescript/dist/generated-client.test.js" &
suites="$suites $!"
run_suite code-samples "$py" polyglot/code_samples.py run "$spec" "$build/samples" "$build/typescript" cli/target/vidu.jar &
suites="$suites $!"
wait $suites
failed=0
for suite in python-client typescript-client code-samples; do
  echo "== $suite: $(cat "$build/$suite.status")"
  if [ "$(cat "$build/$suite.status")" = ok ]; then tail -n 3 "$build/$suite.log"; else cat "$build/$suite.log"; failed=1; fi
done
step "done"
exit "$failed"
