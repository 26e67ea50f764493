#!/usr/bin/env bash
# Memory soak of `lstm tune`: a random search of TRIALS trials (default 50) over the sine example with few
# epochs each, one at a time, in one JVM, printing its RSS every INTERVAL seconds, then the RSS after the
# first tenth of the trials, at the middle and at the end, and the RSS at each trial's end in five blocks of trials. A search trains and closes many networks in one process;
# native memory that is not given back shows as RSS that climbs from trial to trial.
#   bench/search_soak.sh                      # 50 trials
#   TRIALS=10 INTERVAL=2 bench/search_soak.sh # a quick look
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
TRIALS="${TRIALS:-50}"
INTERVAL="${INTERVAL:-5}"
EPOCHS="${EPOCHS:-15}"
log="$(mktemp -d /tmp/search_soak.XXXXXX)"
cat > "$log/search.yaml" <<YAML
name: search-soak
seed: 7
data:
  synthetic: {function: sine, start: 0.0, end: 62.83185307179586, step: 0.1}
  window: 10
  split: {train: 0.8, validation: 0.1, test: 0.1}
model: {architecture: lstm, hidden_size: 32, num_layers: 2}
training:
  epochs: $EPOCHS
  batch_size: 64
  optimizer: {type: adam, learning_rate: 0.01}
tuning:
  strategy: random
  trials: $TRIALS
  parameters:
    model.hidden_size: [8, 16, 24, 32, 48, 64]
    model.num_layers: [1, 2]
    model.architecture: [lstm, attention, bilstm]
    training.optimizer.learning_rate: [0.02, 0.01, 0.005]
  metric: val_rmse
  parallelism: 1
output: {dir: $log/runs, plots: false}
YAML
./lstm tune "$log/search.yaml" --output "$log/runs" >"$log/tune.log" 2>&1 &
launcher=$!
trap 'kill "$launcher" 2>/dev/null || true; wait "$launcher" 2>/dev/null || true' EXIT
sleep 1
jvm="$(pgrep -P "$launcher" java || echo "$launcher")"
echo "search_soak: $(date -u '+%F %T') UTC, $TRIALS trials of $EPOCHS epochs; seconds trials_done rss_mb"
start=$(date +%s)
samples="$log/rss.txt"
: > "$samples"
while kill -0 "$jvm" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$jvm/status" 2>/dev/null || true)
  done_trials=$(grep -cE '^trial-[0-9]+ ' "$log/tune.log" || true)
  [ -n "$rss" ] && echo "$(( $(date +%s) - start )) $done_trials $rss" | tee -a "$samples"
  sleep "$INTERVAL"
done
wait "$launcher" && status=0 || status=$?
tail -5 "$log/tune.log"
awk -v n="$TRIALS" '
  { t[NR] = $2; r[NR] = $3 }
  END {
    for (i = 1; i <= NR; i++) { if (!a && t[i] >= n / 10) a = r[i]; if (!b && t[i] >= n / 2) b = r[i] }
    printf "rss after %d trials: %s MB, after %d: %s MB, at the end (%d): %s MB; peak %s MB\n",
      n / 10, a, n / 2, b, t[NR], r[NR], max(r)
  }
  function max(x,  i, m) { for (i in x) if (x[i] > m) m = x[i]; return m }' "$samples"
# the RSS each trial's line reports when it ends, in five blocks of trials: a leak shows as a rising minimum
grep -oE '^trial-[0-9]+ .* rss [0-9]+ MB' "$log/tune.log" | awk '{print $(NF-1)}' | awk -v n="$TRIALS" '
  { r[NR] = $1 }
  END {
    block = int((NR + 4) / 5)
    for (b = 0; b * block < NR; b++) {
      lo = 1e9; hi = 0; sum = 0; k = 0
      for (i = b * block + 1; i <= NR && i <= (b + 1) * block; i++) { lo = r[i] < lo ? r[i] : lo; hi = r[i] > hi ? r[i] : hi; sum += r[i]; k++ }
      printf "trials %d-%d: rss at trial end min %d, mean %d, max %d MB\n", b * block + 1, b * block + k, lo, sum / k, hi
    }
  }'
echo "exit status $status; logs in $log"
