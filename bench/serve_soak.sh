#!/usr/bin/env bash
# Memory soak of `lstm serve`: serves the newest runs/sine-<stamp>/model.zip (trains examples/sine/sine.yaml
# first if there is none), drives it with wrk on 127.0.0.1 (one-window requests, CONNECTIONS connections) for
# DURATION seconds, and prints the server's RSS every INTERVAL seconds, then the requests, errors and the RSS
# at the start, the middle and the end. Bounded in time; stops the server in a trap.
#   bench/serve_soak.sh                        # 15 minutes, 16 connections
#   DURATION=60 INTERVAL=5 bench/serve_soak.sh # a quick look
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
DURATION="${DURATION:-900}"
INTERVAL="${INTERVAL:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
PORT="${PORT:-18087}"
command -v wrk >/dev/null || { echo "serve_soak: needs wrk (apt-get install wrk)" >&2; exit 1; }
zip="$(ls -1 runs/sine-[0-9]*/model.zip 2>/dev/null | tail -1 || true)"
if [ -z "$zip" ]; then
  ./lstm train examples/sine/sine.yaml >/dev/null
  zip="$(ls -1 runs/sine-[0-9]*/model.zip | tail -1)"
fi
log="$(mktemp -d /tmp/serve_soak.XXXXXX)"
lua="$log/post.lua"
cat > "$lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"inputs":[{"name":"input","shape":[1,10,1],"datatype":"FP32","data":[0.0,0.0998,0.1987,0.2955,0.3894,0.4794,0.5646,0.6442,0.7174,0.7833]}]}'
LUA
./lstm serve "$zip" --port "$PORT" --replicas 2 >"$log/server.log" 2>&1 &
server=$!
wrkpid=
trap 'kill "$wrkpid" 2>/dev/null || true; kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT
for _ in $(seq 120); do grep -q "ready:" "$log/server.log" && break; sleep 0.5; done
grep -q "ready:" "$log/server.log" || { cat "$log/server.log" >&2; exit 1; }
jvm="$(pgrep -P "$server" java || echo "$server")"   # ./lstm execs java, so this is usually the server itself
wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" -s "$lua" --latency "http://127.0.0.1:$PORT/v2/models/sine/infer" >"$log/wrk.txt" 2>&1 &
wrkpid=$!
echo "serve_soak: $(date -u '+%F %T') UTC, $CONNECTIONS connections, ${DURATION} s; seconds rss_mb"
start=$(date +%s)
while kill -0 "$wrkpid" 2>/dev/null; do
  rss=$(awk '/VmRSS/ {print int($2/1024)}' "/proc/$jvm/status")
  echo "$(( $(date +%s) - start )) $rss" | tee -a "$log/rss.txt"
  sleep "$INTERVAL"
done
wait "$wrkpid" || true
grep -E "requests in|Requests/sec|Non-2xx|Socket errors|99%" "$log/wrk.txt" || true
n=$(wc -l < "$log/rss.txt")
echo "rss MB at start, middle, end: $(sed -n 1p "$log/rss.txt" | cut -d' ' -f2), $(sed -n "$(( (n + 1) / 2 ))p" "$log/rss.txt" | cut -d' ' -f2), $(tail -1 "$log/rss.txt" | cut -d' ' -f2); peak $(awk '/VmHWM/ {print int($2/1024)}' "/proc/$jvm/status")"
echo "logs: $log"
