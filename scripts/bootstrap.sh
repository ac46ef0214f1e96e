#!/usr/bin/env bash
# Prepares a fresh machine: pnpm, PostgreSQL and Redis running, dependencies installed. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.9

step() { printf '\n==> %s\n' "$*"; }

step "pnpm $PNPM_VERSION"
if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  npm install -g "pnpm@$PNPM_VERSION" >/dev/null
fi
pnpm --version

step "PostgreSQL and Redis"
pg_up() { pg_isready -h 127.0.0.1 -p 5432 >/dev/null 2>&1 || (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG || (exec 3<>/dev/tcp/127.0.0.1/6379) 2>/dev/null; }
if ! pg_up && command -v pg_ctlcluster >/dev/null 2>&1; then
  echo "starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | sort -V | tail -1)" main start || true
fi
if ! redis_up && command -v redis-server >/dev/null 2>&1; then
  echo "starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null
fi
if { ! pg_up || ! redis_up; } && command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
  echo "starting PostgreSQL and Redis with docker compose"
  docker compose up -d --wait
fi
for i in $(seq 1 30); do
  if pg_up && redis_up; then break; fi
  sleep 1
done
pg_up || { echo "PostgreSQL is not reachable on 127.0.0.1:5432. Install it (apt-get install postgresql) or run: docker compose up -d" >&2; exit 1; }
redis_up || { echo "Redis is not reachable on 127.0.0.1:6379. Install it (apt-get install redis-server) or run: docker compose up -d" >&2; exit 1; }
echo "PostgreSQL and Redis are up"

step "chromium (browser tests) and wrk (benchmarks)"
# Debian's packages: Playwright may not download browsers here, so the browser tests drive /usr/bin/chromium.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v wrk >/dev/null 2>&1 || missing+=(wrk)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing ${missing[*]}"
    (apt-get install -y "${missing[@]}" >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y "${missing[@]}" >/dev/null)) \
      || echo "could not install ${missing[*]}; install them with apt-get to run the browser tests and benchmarks" >&2
  else
    echo "missing ${missing[*]}: install them (apt-get install -y ${missing[*]}) to run the browser tests and benchmarks" >&2
  fi
fi
command -v chromium >/dev/null 2>&1 && chromium --version 2>/dev/null | head -1 || true

step "dependencies"
pnpm install --frozen-lockfile
