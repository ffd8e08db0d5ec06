#!/usr/bin/env bash
# Runs a command against a throwaway Redis server: no persistence, a free port of
# 127.0.0.1, a socket directory in /tmp; stopped and removed afterwards (also on failure).
# Usage: scripts/with-redis.sh COMMAND [ARGS...]   (REDIS_URL is set for COMMAND)
set -euo pipefail

command -v redis-server >/dev/null || { echo "Redis is not installed (Debian: redis-server)." >&2; exit 1; }

dir=$(mktemp -d /tmp/olievlek-redis.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

pid=""
stop() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$dir"
}
trap stop EXIT INT TERM

redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no \
  --dir "$dir" --logfile "$dir/log" --databases 32 >/dev/null 2>&1 &
pid=$!
for _ in $(seq 1 100); do
  redis-cli -p "$port" ping >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$dir/log" >&2; exit 1; }
  sleep 0.1
done
redis-cli -p "$port" ping >/dev/null 2>&1 || { echo "Redis did not start." >&2; exit 1; }

export REDIS_URL="redis://127.0.0.1:$port/0"
"$@"
