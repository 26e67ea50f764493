#!/usr/bin/env bash
# The HTTP stacks lstm serve could use, side by side, doing the same per-request work (parse an infer request's
# JSON, answer a small JSON; no model): the JDK's com.sun.net.httpserver with a fixed pool of 2 threads, and
# Javalin 7 (Jetty 12) with its default thread pool. wrk, 64 connections, 10 s each after a 3 s warm-up, on
# 127.0.0.1; prints requests/s, p50/p99 and the server's peak RSS.
#   bench/http-stack/run.sh
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$here"
../../mvnw -q -B package
cp_="target/classes:$(ls target/lib/*.jar | tr '\n' :)"
lua="$(mktemp)"
trap 'rm -f "$lua"; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null || true' EXIT
cat > "$lua" <<'LUA'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"inputs":[{"name":"input","shape":[1,10,1],"datatype":"FP32","data":[0.0,0.0998,0.1987,0.2955,0.3894,0.4794,0.5646,0.6442,0.7174,0.7833]}]}'
LUA
port="${PORT:-18090}"
for server in JdkServer JavalinServer; do
  java -Xmx512m -cp "$cp_" "ab.$server" "$port" 2 >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done
  wrk -t2 -c64 -d3s -s "$lua" "http://127.0.0.1:$port/v2/models/sine/infer" >/dev/null
  echo "== $server"
  wrk -t2 -c64 -d10s -s "$lua" --latency "http://127.0.0.1:$port/v2/models/sine/infer" | grep -E "Requests/sec|50%|99%|Non-2xx|Socket"
  grep VmHWM "/proc/$pid/status"
  kill "$pid"; wait "$pid" 2>/dev/null || true; pid=
done
