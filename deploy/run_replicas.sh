#!/usr/bin/env bash
# Start N app replicas (default 2) and nginx in front of them, all on loopback.
#   deploy/run_replicas.sh                 # serve on http://127.0.0.1:8080 until Ctrl-C
#   deploy/run_replicas.sh --benchmark     # run benchmarks/load.py through nginx, then stop
# Environment: REPLICAS (2), PORT (8080), FIRST_APP_PORT (8601), APP (app.py; the load
# benchmark's bare page, benchmarks/bare_app.py, to compare), LOG_DIR (a folder that keeps
# each replica's log, replica-N.log, after the script stops; by default they are in the
# temporary folder with nginx's files, removed on exit). Installs nginx if missing.
# A replica that stops (a crash, or killed for memory) is started again after a second:
# the people it served start again on the other replica, and the room keeps all its cores.
# One that keeps stopping as soon as it starts is tried again less and less often (up to
# every 30 s), and the script says each time.
set -euo pipefail
cd "$(dirname "$0")/.."
REPLICAS=${REPLICAS:-2}
PORT=${PORT:-8080}
FIRST_APP_PORT=${FIRST_APP_PORT:-8601}
APP=${APP:-app.py}
PREFIX=$(mktemp -d /tmp/decision-aid-nginx.XXXXXX)
LOGS=${LOG_DIR:-$PREFIX}
mkdir -p "$LOGS"
pids=()

if ! command -v nginx >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends nginx >/dev/null
fi

stop() {
  [ -f "$PREFIX/nginx.pid" ] && nginx -p "$PREFIX" -c "$PREFIX/nginx.conf" -s quit 2>/dev/null || true
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$PREFIX"
}
trap stop EXIT

# One replica, started again whenever it stops, until this script stops it. Its process id is
# in replica-N.pid. `wait` returns as soon as TERM arrives, so the trap can stop the replica
# (and the sleep, which runs as a job for that reason).
# A replica that stops within a minute of starting is likely to stop again (a broken
# checkout, a port taken): each such restart waits twice as long, up to 30 s, so the log
# stays readable; one that ran for a minute or more is started again after 1 s.
supervise() {
  local i=$1 port=$2 app_pid status started ran delay=1
  trap 'kill $(jobs -p) 2>/dev/null; wait; exit 0' TERM INT
  while :; do
    started=$SECONDS
    python3 -m streamlit run "$APP" --server.port "$port" --server.address 127.0.0.1 >>"$LOGS/replica-$i.log" 2>&1 &
    app_pid=$!
    echo "$app_pid" >"$PREFIX/replica-$i.pid"
    status=0
    wait "$app_pid" || status=$?
    ran=$((SECONDS - started))
    if [ "$ran" -ge 60 ]; then delay=1; fi
    echo "replica $i (port $port) stopped with status $status (its log: $LOGS/replica-$i.log); starting it again in $delay s"
    sleep "$delay" &
    wait $!
    if [ "$ran" -lt 60 ]; then delay=$((delay * 2 > 30 ? 30 : delay * 2)); fi
  done
}

upstreams=""
for i in $(seq 0 $((REPLICAS - 1))); do
  port=$((FIRST_APP_PORT + i))
  supervise "$i" "$port" &
  pids+=($!)
  upstreams+="        server 127.0.0.1:$port max_fails=3 fail_timeout=10s;"$'\n'
done
mkdir -p "$PREFIX"/{body,proxy,fastcgi,uwsgi,scgi}
python3 - "$PREFIX" "$PORT" "$upstreams" <<'PY'
import sys
prefix, port, upstreams = sys.argv[1:]
text = open("deploy/nginx.conf.template").read()
text = text.replace("@PREFIX@", prefix).replace("@PORT@", port).replace("@UPSTREAMS@", upstreams.rstrip("\n"))
open(f"{prefix}/nginx.conf", "w").write(text)
PY

for i in $(seq 0 $((REPLICAS - 1))); do
  port=$((FIRST_APP_PORT + i))
  for _ in $(seq 1 150); do
    curl -fs "http://127.0.0.1:$port/_stcore/health" >/dev/null 2>&1 && break
    sleep 0.2
  done
done
nginx -p "$PREFIX" -c "$PREFIX/nginx.conf"
echo "serving on http://127.0.0.1:$PORT with $REPLICAS replicas (ports $FIRST_APP_PORT-$((FIRST_APP_PORT + REPLICAS - 1)))"

if [ "${1:-}" = "--benchmark" ]; then
  shift
  warm=()
  for i in $(seq 0 $((REPLICAS - 1))); do warm+=("http://127.0.0.1:$((FIRST_APP_PORT + i))"); done
  python3 benchmarks/load.py --url "http://127.0.0.1:$PORT" --warm "${warm[@]}" "$@"
  for i in $(seq 0 $((REPLICAS - 1))); do
    echo "replica $i RSS: $(grep VmRSS "/proc/$(cat "$PREFIX/replica-$i.pid")/status" | awk '{print $2/1024 " MiB"}')"
  done
else
  wait
fi
