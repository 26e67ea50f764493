#!/usr/bin/env bash
# Load test of `lstm serve` against the Python recipe it replaces (bench/fastapi_serve.py: FastAPI +
# uvicorn + PyTorch, the same seed-size sine model behind the same Open Inference Protocol v2 endpoint).
#   bench/serve_load.sh                 # 20 s per request size and server, 64 connections
#   DURATION=3 bench/serve_load.sh      # a quick check that everything works
# For each server, one at a time (never both at once), on 127.0.0.1 only:
#   lstm4j   ./lstm serve runs/sine-<stamp>/model.zip --replicas 2 (trains examples/sine/sine.yaml first if no
#            runs/sine-<stamp>/model.zip exists; the newest one is served)
#   FastAPI  /usr/bin/python3 bench/fastapi_serve.py PORT 2   (uvicorn --workers 2: the recipe)
#   FastAPI-RP  the same with FASTAPI_REUSEPORT=1: a tuned variant, not the recipe; each of the 2 uvicorn
#            workers has its own SO_REUSEPORT socket, so the kernel spreads connections evenly (with
#            uvicorn's shared socket, one worker often gets most of wrk's 64 keep-alive connections)
# it waits until the server is ready, checks once that a 1-window request answers HTTP 200 with a
# 'forecast' output (and stops with an error otherwise), then per request size (1 window, then 32 windows
# per request) warms up for WARMUP s and drives it for DURATION s with wrk (or hey), and reads the peak
# RSS of the server's process tree. Prints one table and the lstm4j/FastAPI ratios.
# Environment (defaults): DURATION (20) WARMUP (2) CONNECTIONS (64) THREADS (2, wrk's -t)
#   LOADGEN (wrk | hey)  PYTHON (/usr/bin/python3)  LSTM_PORT (18081)  FASTAPI_PORT (18082)  FASTAPI_RP_PORT
#   (18083)  REPLICAS (2)  WORKERS (2)  MODEL_ZIP (the newest runs/sine-<stamp>/model.zip)
#   LSTM_SERVE_ARGS (extra options for lstm serve, e.g. "--max-batch-size 256")
#   SERVERS ("lstm4j fastapi fastapi-rp"; drop fastapi-rp for the plain comparison)
#   LOG_DIR (a new /tmp/serve_load.XXXXXX; kept: server logs and raw load-generator output)
#   FASTAPI_ENDPOINT (sync | async), FASTAPI_NODELAY (1 | 0: uvicorn's stock Nagle stall), see fastapi_serve.py
# Columns: requests/s over the measured DURATION; p50/p99 latency as the load generator saw it; errors =
# responses with status >= 400 plus socket errors (connect/read/write/timeout; hey: non-2xx + errors);
# peak RSS = the sum of VmHWM over the server process and all its descendants (uvicorn's supervisor,
# workers and multiprocessing helper; lstm4j is one JVM), read after each run: the high-water mark of the
# server's life so far, so the 32-window row includes the 1-window run before it.
# The load generator shares the machine's cores with the server, as it does for both servers alike;
# compare the ratios, measured side by side, not absolute figures from elsewhere.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-2}"
CONNECTIONS="${CONNECTIONS:-64}"
THREADS="${THREADS:-2}"
LOADGEN="${LOADGEN:-wrk}"
PYTHON="${PYTHON:-/usr/bin/python3}"
LSTM_PORT="${LSTM_PORT:-18081}"
FASTAPI_PORT="${FASTAPI_PORT:-18082}"
FASTAPI_RP_PORT="${FASTAPI_RP_PORT:-18083}"
REPLICAS="${REPLICAS:-2}"
WORKERS="${WORKERS:-2}"
SERVERS="${SERVERS:-lstm4j fastapi fastapi-rp}"
HOST=127.0.0.1
LOG_DIR="${LOG_DIR:-$(mktemp -d /tmp/serve_load.XXXXXX)}"
mkdir -p "$LOG_DIR"

die() { echo "serve_load: $*" >&2; exit 1; }
command -v "$LOADGEN" >/dev/null || die "$LOADGEN is not installed (apt-get install wrk hey)"
command -v curl >/dev/null || die "curl is not installed"
[ -x "$PYTHON" ] || die "no $PYTHON (Debian's python3 with python3-torch, python3-fastapi, python3-uvicorn)"
case "$LOADGEN" in wrk|hey) ;; *) die "LOADGEN must be wrk or hey, was $LOADGEN" ;; esac

# ---- server lifecycle: one at a time, stopped on any exit ---------------------------------------------
SERVER_PID=""
SERVER_NAME=""

descendants() {  # the pid and all its descendants, one per line
  local p
  echo "$1"
  for p in $(pgrep -P "$1" 2>/dev/null); do descendants "$p"; done
}

alive() { kill -0 "$1" 2>/dev/null; }

stop_server() {
  [ -n "$SERVER_PID" ] || return 0
  local pid="$SERVER_PID" tree p rc=0 i
  SERVER_PID=""
  tree="$(descendants "$pid")"
  if alive "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    for i in $(seq 1 100); do alive "$pid" || break; sleep 0.2; done
    if alive "$pid"; then
      echo "serve_load: $SERVER_NAME (pid $pid) ignored SIGTERM for 20 s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  wait "$pid" 2>/dev/null || rc=$?
  for i in $(seq 1 50); do   # workers may take a moment after their parent
    left=""
    for p in $tree; do alive "$p" && left="$left $p"; done
    [ -z "$left" ] && break
    sleep 0.2
  done
  if [ -n "$left" ]; then
    echo "serve_load: $SERVER_NAME left processes behind:$left; killing them" >&2
    for p in $left; do kill -KILL "$p" 2>/dev/null || true; done
  fi
  echo "$SERVER_NAME stopped (exit status $rc)" >>"$LOG_DIR/summary.txt"
}

cleanup() {
  local rc=$?
  stop_server
  for port in "$LSTM_PORT" "$FASTAPI_PORT" "$FASTAPI_RP_PORT"; do
    if pgrep -f -- "--port $port" >/dev/null 2>&1; then
      echo "serve_load: a process still listens with --port $port: $(pgrep -af -- "--port $port" | tr '\n' ' ')" >&2
    fi
  done
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_free() { ! curl -s -o /dev/null --max-time 1 "http://$HOST:$1/" 2>/dev/null; }

wait_ready() {  # wait_ready NAME LOG CHECK-COMMAND...; CHECK succeeds when the server is ready
  local name="$1" log="$2" i
  shift 2
  for i in $(seq 1 1200); do   # 10 minutes: ./lstm builds its jar first when the sources are newer
    alive "$SERVER_PID" || { tail -n 30 "$log" >&2; die "$name exited before it was ready (log: $log)"; }
    if "$@"; then return 0; fi
    sleep 0.5
  done
  tail -n 30 "$log" >&2
  die "$name was not ready after 10 minutes (log: $log)"
}

start_lstm4j() {
  local zip="${MODEL_ZIP:-}"
  if [ -z "$zip" ]; then
    zip="$(ls -t runs/sine-[0-9]*/model.zip 2>/dev/null | head -n 1 || true)"
  fi
  if [ -z "$zip" ]; then
    echo "no runs/sine-<stamp>/model.zip: training examples/sine/sine.yaml" >&2
    ./lstm train examples/sine/sine.yaml >"$LOG_DIR/lstm4j-train.log" 2>&1 \
      || { tail -n 30 "$LOG_DIR/lstm4j-train.log" >&2; die "lstm train failed"; }
    zip="$(ls -t runs/sine-[0-9]*/model.zip 2>/dev/null | head -n 1 || true)"
    [ -n "$zip" ] || die "lstm train wrote no runs/sine-<stamp>/model.zip"
  fi
  echo "lstm4j: serving $zip" >>"$LOG_DIR/summary.txt"
  # shellcheck disable=SC2086  # LSTM_SERVE_ARGS is a list of extra options
  ./lstm serve "$zip" --host "$HOST" --port "$PORT" --replicas "$REPLICAS" ${LSTM_SERVE_ARGS:-} >"$LOG_DIR/lstm4j.log" 2>&1 &
  SERVER_PID=$!
  wait_ready lstm4j "$LOG_DIR/lstm4j.log" grep -q "^ready: http://$HOST:$PORT" "$LOG_DIR/lstm4j.log"
}

fastapi_workers_up() {  # every uvicorn worker has trained its model and serves
  [ "$(grep -c 'Application startup complete' "$LOG_DIR/$SERVER_NAME.log")" -ge "$WORKERS" ] \
    && curl -sf -o /dev/null --max-time 2 "http://$HOST:$PORT/v2/health/ready"
}

start_fastapi() {
  FASTAPI_REUSEPORT=0 "$PYTHON" bench/fastapi_serve.py "$PORT" "$WORKERS" >"$LOG_DIR/fastapi.log" 2>&1 &
  SERVER_PID=$!
  wait_ready FastAPI "$LOG_DIR/fastapi.log" fastapi_workers_up
}

start_fastapi-rp() {
  FASTAPI_REUSEPORT=1 "$PYTHON" bench/fastapi_serve.py "$PORT" "$WORKERS" >"$LOG_DIR/fastapi-rp.log" 2>&1 &
  SERVER_PID=$!
  wait_ready FastAPI-RP "$LOG_DIR/fastapi-rp.log" fastapi_workers_up
}

connections_by_process() {  # established connections to $PORT per server process, e.g. " 33 pid=123 31 pid=124"
  command -v ss >/dev/null || return 0
  ss -tnpH state established "( sport = :$PORT )" 2>/dev/null | grep -o 'pid=[0-9]*' | sort | uniq -c | tr -s ' \n' ' '
}

# ---- request bodies: windows of the sine in the data's units -----------------------------------------
"$PYTHON" - "$LOG_DIR" <<'EOF'
import json, math, sys
for n in (1, 32):  # window k: sin(0.1 t) for t = 3k .. 3k+9; the 1-window request's next value is sin(1.0)
    data = [round(math.sin(0.1 * (3 * k + t)), 6) for k in range(n) for t in range(10)]
    with open(f"{sys.argv[1]}/body{n}.json", "w") as f:
        json.dump({"inputs": [{"name": "input", "shape": [n, 10, 1], "datatype": "FP32", "data": data}]}, f)
EOF

check_answer() {  # check_answer NAME: one 1-window request must answer 200 and a 'forecast' output
  local name="$1" url="http://$HOST:$PORT/v2/models/sine/infer" code
  code="$(curl -s -o "$LOG_DIR/$name-check.json" -w '%{http_code}' --max-time 30 -X POST \
      -H 'Content-Type: application/json' --data-binary "@$LOG_DIR/body1.json" "$url" || true)"
  [ "$code" = 200 ] || die "$name: POST $url answered HTTP $code, not 200: $(cat "$LOG_DIR/$name-check.json" 2>/dev/null)"
  "$PYTHON" - "$LOG_DIR/$name-check.json" "$name" <<'EOF' || die "$name: the answer to a 1-window request has no 'forecast' output: $(cat "$LOG_DIR/$name-check.json")"
import json, sys
a = json.load(open(sys.argv[1]))
out = [o for o in a["outputs"] if o["name"] == "forecast"]
assert out and out[0]["shape"] == [1, 1] and len(out[0]["data"]) == 1, a
print(f"{sys.argv[2]}: 1-window check OK: HTTP 200, forecast {out[0]['data'][0]:.4f} (the sine's next value: 0.8415)",
      file=sys.stderr)
EOF
}

peak_rss_mb() {  # the sum of VmHWM over the server's process tree, MB
  local p kb total=0
  for p in $(descendants "$SERVER_PID"); do
    kb="$(awk '/^VmHWM:/ {print $2}' "/proc/$p/status" 2>/dev/null || true)"
    total=$((total + ${kb:-0}))
  done
  echo $((total / 1024))
}

rss_breakdown() {  # one line: each process of the server's tree with its VmHWM
  local p
  for p in $(descendants "$SERVER_PID"); do
    printf ' %s[%s] %s MB' "$(cat "/proc/$p/comm" 2>/dev/null)" "$p" \
      "$(awk '/^VmHWM:/ {print int($2 / 1024)}' "/proc/$p/status" 2>/dev/null)"
  done
}

# run_load NAME SIZE SECONDS: prints "requests/s p50_ms p99_ms errors"
run_load() {
  local name="$1" size="$2" seconds="$3" url="http://$HOST:$PORT/v2/models/sine/infer"
  local out="$LOG_DIR/$name-$size-${seconds}s.$LOADGEN.txt"
  if [ "$LOADGEN" = wrk ]; then
    WRK_BODY="$LOG_DIR/body$size.json" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s \
      -s bench/serve_load.lua --latency "$url" >"$out" 2>&1 || die "wrk failed: $(cat "$out")"
    awk '/^RESULT/ {printf "%.1f %.2f %.2f %d\n", $2 / ($3 / 1e6), $4 / 1e3, $5 / 1e3, $6 + $7 + $8 + $9 + $10; found = 1}
         END {if (!found) exit 1}' "$out" || die "no RESULT line in $out"
  else
    hey -z "${seconds}s" -c "$CONNECTIONS" -t 10 -m POST -T application/json -D "$LOG_DIR/body$size.json" "$url" \
      >"$out" 2>&1 || die "hey failed: $(cat "$out")"
    awk '/Requests\/sec:/ {rps = $2}
         /^[ \t]*50% in/ {p50 = $3 * 1e3}
         /^[ \t]*99% in/ {p99 = $3 * 1e3}
         /^Status code distribution:/ {s = 1; e = 0; next}
         /^Error distribution:/ {s = 0; e = 1; next}
         s && /^[ \t]*\[[0-9]+\]/ {code = $1; gsub(/[^0-9]/, "", code); if (code !~ /^2/) err += $2}
         e && /^[ \t]*\[[0-9]+\]/ {n = $1; gsub(/[^0-9]/, "", n); err += n}
         END {if (rps == "") exit 1; printf "%.1f %.2f %.2f %d\n", rps, p50, p99, err}' "$out" \
      || die "could not read hey's output $out"
  fi
}

# ---- the runs ----------------------------------------------------------------------------------------
results="$LOG_DIR/results.txt"
: >"$results"
: >"$LOG_DIR/summary.txt"
for server in $SERVERS; do
  case "$server" in
    lstm4j) PORT="$LSTM_PORT"; var=LSTM_PORT ;;
    fastapi) PORT="$FASTAPI_PORT"; var=FASTAPI_PORT ;;
    fastapi-rp) PORT="$FASTAPI_RP_PORT"; var=FASTAPI_RP_PORT ;;
    *) die "unknown server '$server' in SERVERS (lstm4j, fastapi, fastapi-rp)" ;;
  esac
  port_free "$PORT" || die "something already answers on $HOST:$PORT; set $var"
  SERVER_NAME="$server"
  echo "$server: starting on $HOST:$PORT" >&2
  "start_$server"
  check_answer "$server"
  for size in 1 32; do
    echo "$server: $size-window requests: warm-up ${WARMUP} s, then ${DURATION} s with $LOADGEN, $CONNECTIONS connections" >&2
    run_load "$server" "$size" "$WARMUP" >/dev/null
    (sleep "$(awk -v d="$DURATION" 'BEGIN {print d / 2}')"; connections_by_process >"$LOG_DIR/$server-$size.conns") &
    sampler=$!
    line="$(run_load "$server" "$size" "$DURATION")"   # requests/s p50 p99 errors
    wait "$sampler" || true
    echo "$server: $size-window run, connections per process mid-run:$(cat "$LOG_DIR/$server-$size.conns")" >>"$LOG_DIR/summary.txt"
    echo "$server $size $line $(peak_rss_mb)" >>"$results"
  done
  echo "$server: peak RSS by process:$(rss_breakdown)" >>"$LOG_DIR/summary.txt"
  if [ "$server" = fastapi ] || [ "$server" = fastapi-rp ]; then
    "$PYTHON" -c 'import importlib.util as u; print("'"$server"': uvicorn loop", "uvloop" if u.find_spec("uvloop") else "asyncio",
                  "http", "httptools" if u.find_spec("httptools") else "h11")' >>"$LOG_DIR/summary.txt"
  fi
  stop_server
done

# ---- the table ---------------------------------------------------------------------------------------
echo
echo "serve_load: $(date -u '+%Y-%m-%d %H:%M:%S UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)," \
  "$LOADGEN, $CONNECTIONS connections, ${DURATION} s per run after ${WARMUP} s warm-up;" \
  "lstm4j --replicas $REPLICAS, FastAPI --workers $WORKERS (${FASTAPI_ENDPOINT:-sync} endpoint, TCP_NODELAY $([ "${FASTAPI_NODELAY:-1}" = 0 ] && echo off || echo on))"
sed 's/^/  /' "$LOG_DIR/summary.txt"
echo "  logs and raw $LOADGEN output: $LOG_DIR"
awk '
  BEGIN {
    name["lstm4j"] = "lstm4j"; name["fastapi"] = "FastAPI"; name["fastapi-rp"] = "FastAPI-RP"
    printf "\n%-10s %-10s %11s %9s %9s %7s %13s\n", "server", "request", "requests/s", "p50 ms", "p99 ms", "errors", "peak RSS MB"
  }
  {
    printf "%-10s %-10s %11.1f %9.2f %9.2f %7d %13d\n", name[$1], $2 " window" ($2 == 1 ? "" : "s"), $3, $4, $5, $6, $7
    rps[$1, $2] = $3; p99[$1, $2] = $5; rss[$1] = $7
  }
  END {
    if (!(("lstm4j", 1) in rps) || !(("fastapi", 1) in rps)) exit
    printf "\n%-30s %12s %12s\n", "lstm4j / FastAPI", "1 window", "32 windows"
    printf "%-30s %12s %12s\n", "requests/s (higher: lstm4j)", ratio(rps["lstm4j", 1], rps["fastapi", 1]), ratio(rps["lstm4j", 32], rps["fastapi", 32])
    printf "%-30s %12s %12s\n", "p99 latency (lower: lstm4j)", ratio(p99["lstm4j", 1], p99["fastapi", 1]), ratio(p99["lstm4j", 32], p99["fastapi", 32])
    printf "%-30s %12s\n", "peak RSS", ratio(rss["lstm4j"], rss["fastapi"])
    if (!(("fastapi-rp", 1) in rps)) exit
    printf "\n%-30s %12s %12s\n", "lstm4j / FastAPI-RP", "1 window", "32 windows"
    printf "%-30s %12s %12s\n", "requests/s", ratio(rps["lstm4j", 1], rps["fastapi-rp", 1]), ratio(rps["lstm4j", 32], rps["fastapi-rp", 32])
    printf "%-30s %12s %12s\n", "p99 latency", ratio(p99["lstm4j", 1], p99["fastapi-rp", 1]), ratio(p99["lstm4j", 32], p99["fastapi-rp", 32])
  }
  function ratio(a, b) { return b > 0 ? sprintf("%.2fx", a / b) : "-" }
' "$results"
