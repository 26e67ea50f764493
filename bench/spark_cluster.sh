#!/usr/bin/env bash
# A standalone Spark cluster on this machine from the Maven artifacts alone (no Spark download): a Master and a
# Worker as separate JVMs on 127.0.0.1, to try `lstm train|tune FILE --spark spark://127.0.0.1:7077` and to measure.
#   bench/spark_cluster.sh start [CORES [MEMORY]]   # a worker with CORES cores (default: all) and MEMORY (default 4g)
#   bench/spark_cluster.sh stop
# Environment: SPARK_MASTER_PORT (default 7077), LSTM_SPARK_CLUSTER_DIR (logs and pids; default /tmp/lstm4j-spark-cluster).
# The master's web UI is on http://127.0.0.1:8080, the worker's on 8081.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
state="${LSTM_SPARK_CLUSTER_DIR:-/tmp/lstm4j-spark-cluster}"
port="${SPARK_MASTER_PORT:-7077}"
launcher="$root/lstm-spark/target/launcher"

stop() {
  for role in worker master; do
    if [ -f "$state/$role.pid" ]; then
      kill "$(cat "$state/$role.pid")" 2>/dev/null || true
      rm -f "$state/$role.pid"
    fi
  done
}

await() { # await LOG LINE PID
  for _ in $(seq 1 300); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    kill -0 "$3" 2>/dev/null || break
    sleep 0.2
  done
  echo "spark_cluster: no '$2' in $1:" >&2
  tail -20 "$1" >&2
  stop
  exit 1
}

case "${1:-}" in
  start)
    cores="${2:-$(nproc)}"
    memory="${3:-4g}"
    if [ ! -f "$launcher/spark-log-classpath" ]; then
      (cd "$root" && ./mvnw -B -q -DskipTests package -pl lstm-cli,lstm-spark -am) >&2
    fi
    mkdir -p "$state/spark-home/jars" "$state/work"
    stop
    export SPARK_HOME="$state/spark-home" SPARK_SCALA_VERSION=2.12 SPARK_LOCAL_IP=127.0.0.1
    flags="$(cat "$launcher/spark-java-options")"
    cp="$(cat "$launcher/spark-log-classpath"):$(cat "$launcher/spark-classpath"):$(cat "$launcher/spark-runtime-classpath")"
    # shellcheck disable=SC2086
    java -Xmx512m $flags -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
      --webui-port 8080 >"$state/master.log" 2>&1 &
    echo $! >"$state/master.pid"
    await "$state/master.log" "Starting Spark master" "$(cat "$state/master.pid")"
    # shellcheck disable=SC2086
    java -Xmx512m $flags -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port 8081 \
      --cores "$cores" --memory "$memory" --work-dir "$state/work" "spark://127.0.0.1:$port" >"$state/worker.log" 2>&1 &
    echo $! >"$state/worker.pid"
    await "$state/worker.log" "Successfully registered with master" "$(cat "$state/worker.pid")"
    echo "spark://127.0.0.1:$port (a worker with $cores cores and $memory; logs in $state)"
    ;;
  stop)
    stop
    ;;
  *)
    sed -n '2,8p' "$0" >&2
    exit 2
    ;;
esac
