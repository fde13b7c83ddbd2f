#!/usr/bin/env bash
# Installs what the agent-platform's tests need beyond node_modules (run as root; idempotent):
# - bubblewrap and socat: every CLI runs in a bubblewrap sandbox whose only network is the model
#   proxy, bridged in by socat;
# - Debian's chromium, which test/chatPage.test.ts drives headless through playwright-core;
# - PostgreSQL, started as a throwaway cluster in a temp dir on 127.0.0.1. Its URL goes to
#   $PG_URL_FILE (default /tmp/agent-platform-pg/url), which test/repository.test.ts reads;
# - Redis (Debian's redis-server) on 127.0.0.1, no persistence. Its URL goes to $REDIS_URL_FILE
#   (default /tmp/agent-platform-redis/url); the cluster tests read both files and give each
#   test file its own database and key prefix.
# Nothing is exported.
set -euo pipefail
PG_ROOT="${PG_ROOT:-/tmp/agent-platform-pg}"
PG_PORT="${PG_PORT:-54329}"
URL_FILE="${PG_URL_FILE:-$PG_ROOT/url}"
REDIS_ROOT="${REDIS_ROOT:-/tmp/agent-platform-redis}"
REDIS_PORT="${REDIS_PORT:-63790}"
REDIS_URL_FILE="${REDIS_URL_FILE:-$REDIS_ROOT/url}"

# One apt-get update for whatever is missing.
packages=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || packages+=(postgresql)
[ -x /usr/bin/chromium ] || packages+=(chromium)
command -v bwrap >/dev/null 2>&1 || packages+=(bubblewrap)
command -v socat >/dev/null 2>&1 || packages+=(socat)
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
if [ "${#packages[@]}" -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi
BIN="$(dirname "$(ls -d /usr/lib/postgresql/*/bin/initdb | sort -V | tail -1)")"

mkdir -p "$PG_ROOT"
chown postgres:postgres "$PG_ROOT"
run() { runuser -u postgres -- "$@"; }
if [ ! -f "$PG_ROOT/data/PG_VERSION" ]; then
  run "$BIN/initdb" -D "$PG_ROOT/data" -U postgres --auth=trust >/dev/null
fi
if ! run "$BIN/pg_ctl" -D "$PG_ROOT/data" status >/dev/null 2>&1; then
  run "$BIN/pg_ctl" -D "$PG_ROOT/data" -l "$PG_ROOT/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_ROOT" start >/dev/null
fi
echo "postgres://postgres@127.0.0.1:$PG_PORT/postgres" > "$URL_FILE"
chmod 644 "$URL_FILE"
mkdir -p "$REDIS_ROOT"
if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1; then
  redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --daemonize yes --dir "$REDIS_ROOT" --pidfile "$REDIS_ROOT/redis.pid" \
    --logfile "$REDIS_ROOT/log"
  for _ in $(seq 50); do
    redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
fi
echo "redis://127.0.0.1:$REDIS_PORT" > "$REDIS_URL_FILE"
chmod 644 "$REDIS_URL_FILE"

echo "PostgreSQL on 127.0.0.1:$PG_PORT (URL in $URL_FILE); stop: runuser -u postgres -- $BIN/pg_ctl -D $PG_ROOT/data stop"
echo "Redis on 127.0.0.1:$REDIS_PORT (URL in $REDIS_URL_FILE); stop: redis-cli -p $REDIS_PORT shutdown nosave"
echo "Chromium: $(/usr/bin/chromium --version 2>/dev/null || echo 'installed at /usr/bin/chromium')"
echo "Sandbox: $(bwrap --version), $(socat -V 2>/dev/null | sed -n 2p)"
