#!/usr/bin/env bash
# Runs the whole benchmark suite (JMH with -prof gc, the interleaved ratios, peak heap, await on the
# sandbox, the scale rows) and writes benchmarks/RESULTS.md: the tables, then benchmarks/NOTES.md with
# its {{placeholders}} filled from the same run. Self-contained: needs only java 17+ and mvn.
# Usage: benchmarks/run.sh            (about 10 minutes on 2 idle cores)
#        QUICK=1 benchmarks/run.sh    (a short smoke run of the same steps, for trying the script)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
out=benchmarks/target/results
rm -rf "$out"
mkdir -p "$out"

if [ -n "${QUICK:-}" ]; then
  jmh_args=(-f 1 -wi 1 -w 200ms -i 1 -r 200ms); rounds=3; slice=50; await_secs=(3); scale=quick
else
  jmh_args=(-f 1 -wi 3 -w 1s -i 5 -r 1s); rounds=9; slice=150; await_secs=(3 30 120); scale=full
fi

echo "== Build (client, sandbox, benchmarks jar)"
mvn -B -q package -DskipTests -pl benchmarks -am
jar=benchmarks/target/benchmarks.jar

load() { cut -d' ' -f1-3 /proc/loadavg; }
{
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo) RAM, $(uname -sr)"
  echo "- JDK: $(java -version 2>&1 | sed -n 2p)"
  echo "- Command: \`benchmarks/run.sh\`$([ -n "${QUICK:-}" ] && echo ' (QUICK=1)'): JMH \`${jmh_args[*]} -prof gc\`; interleaved $rounds rounds of ${slice} ms slices; await tasks of ${await_secs[*]} s; scale rows at size \`$scale\`"
  echo "- Load average (1, 5, 15 min) at start: $(load)"
} > "$out/env.md"

echo "== Await on the sandbox (in the background: it mostly sleeps)"
java -cp "$jar" io.github.vidu4j.benchmarks.AwaitLatency "$out/await.json" "${await_secs[@]}" > "$out/await.log" 2>&1 &
await_pid=$!

echo "== JMH"
java -jar "$jar" "${jmh_args[@]}" -prof gc -rf json -rff "$out/jmh.json" | tee "$out/jmh.log" | grep -E '^(Benchmark|[A-Za-z]+Benchmark\.[a-zA-Z]+ )' || true
load_mid=$(load)

echo "== Interleaved"
java -cp "$jar" io.github.vidu4j.benchmarks.Interleaved "$out/interleaved.json" "$rounds" "$slice"

echo "== Peak heap"
java -cp "$jar" io.github.vidu4j.benchmarks.PeakHeap "$out/peak-heap.json"

echo "== Waiting for the await run"
wait "$await_pid" || { cat "$out/await.log"; exit 1; }
cat "$out/await.log"

echo "== Scale rows (awaits at once, a batch in a capped heap, threads sharing one client)"
java -cp "$jar" io.github.vidu4j.benchmarks.Scale "$out/scale.json" "$scale"

{
  echo "- Load average after JMH: $load_mid; at the end: $(load)"
  echo "- Whole run: $(( $(date +%s) - started )) s"
} >> "$out/env.md"
java -cp "$jar" io.github.vidu4j.benchmarks.Report "$out" benchmarks/NOTES.md benchmarks/RESULTS.md
echo "== Wrote benchmarks/RESULTS.md"
