#!/usr/bin/env bash
# Coverage-guided fuzzing of lstm4j's parsers with Jazzer, one target after another, SECONDS each (default 300).
# Every build already runs each target's committed corpus as a regression test; this grows the corpus, copies what
# the fuzzer kept into the test resources (commit them), and prints one row per target:
#   target, seconds, executions, exec/s, coverage (edges), corpus files, result (ok, or the finding's file).
# Usage: bench/fuzz.sh [SECONDS] [TARGET-FILTER]     e.g. bench/fuzz.sh 60 Csv
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
filter=${2:-}
targets=(
  "lstm-data org.lstm4j.data.CsvReaderFuzzTest readsASeriesOrRefusesWithADataException"
  "lstm-core org.lstm4j.core.fuzz.ExperimentYamlFuzzTest bindsOrReportsProblems"
  "lstm-core org.lstm4j.core.fuzz.BundleFuzzTest loadsOrRefusesNamingTheFile"
  "lstm-core org.lstm4j.core.fuzz.BundleFuzzTest readsInt8WeightsOrRefuses"
  "lstm-core org.lstm4j.core.fuzz.StateDictFuzzTest readsTensorsOrRefusesNamingTheFile"
  "lstm-cli org.lstm4j.cli.serve.InferRequestFuzzTest decodesWholeWindowsOrAnswers400"
)
log=$(mktemp -d)
printf '| target | seconds | executions | exec/s | coverage (edges) | corpus files | result |\n|---|---|---|---|---|---|---|\n'
for target in "${targets[@]}"; do
  read -r module class method <<<"$target"
  name="${class##*.}#$method"
  [[ -z "$filter" || "$name" == *"$filter"* ]] || continue
  rm -rf "$module/.cifuzz-corpus"
  inputs="$module/src/test/resources/${class%.*}"; inputs="${inputs//.//}/${class##*.}Inputs/$method"
  before=$(ls "$inputs" 2>/dev/null | wc -l)
  result=ok
  JAZZER_FUZZ=1 ./mvnw -B -pl "$module" -am test -Dtest="$class#$method" -Dsurefire.failIfNoSpecifiedTests=false \
      -Djazzer.max_duration="${seconds}s" >"$log/$name.log" 2>&1 || result="FAILED (see $log/$name.log)"
  done_line=$(grep -E '^#[0-9]+\s+DONE' "$log/$name.log" | tail -1 || true)
  [[ -n "$done_line" ]] || done_line=$(grep -E '^#[0-9]+\s' "$log/$name.log" | tail -1 || true)
  execs=$(sed -E 's/^#([0-9]+).*/\1/' <<<"$done_line")
  rate=$(grep -oE 'exec/s: [0-9]+' <<<"$done_line" | grep -oE '[0-9]+' || true)
  cov=$(grep -oE 'cov: [0-9]+' <<<"$done_line" | grep -oE '[0-9]+' || true)
  mkdir -p "$inputs"
  if [[ -d "$module/.cifuzz-corpus/$class/$method" ]]; then
    cp -n "$module/.cifuzz-corpus/$class/$method/"* "$inputs/" 2>/dev/null || true
  fi
  rm -rf "$module/.cifuzz-corpus"
  crash=$(ls "$inputs" | grep -E '^(crash|timeout|oom|slow-unit)-' | head -1 || true)
  [[ -z "$crash" ]] || result="finding: $inputs/$crash"
  printf '| %s | %s | %s | %s | %s | %s -> %s | %s |\n' "$name" "$seconds" "${execs:-?}" "${rate:-?}" "${cov:-?}" \
      "$before" "$(ls "$inputs" | wc -l)" "$result"
done
