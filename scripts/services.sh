# PostgreSQL and Redis on this machine, for CI (.ci/run) and `make serve` (scripts/serve.sh).
# Source it, then call `services_start`: when DATABASE_URL or CELERY_BROKER_URL is not set, it
# installs Debian's packages if missing, starts the service on loopback only and exports the URL.
#   SAMENLOKET_DB_NAME     database (and its owner role's) name   default samenloket
#   SAMENLOKET_REDIS_DB    Redis database number                  default 0
#   SAMENLOKET_DB_FRESH    1: drop that database first (smoke runs)
# Needs root, or SUDO=sudo, only for what is missing (packages, cluster, role, database).

_as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else ${SUDO:-sudo} "$@"; fi; }
_as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -c "$1"; else ${SUDO:-sudo} -u postgres sh -c "$1"; fi; }

_services_install() {
  local need=()
  if [ -z "${DATABASE_URL:-}" ]; then
    command -v pg_lsclusters >/dev/null 2>&1 && ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 \
      || need+=(postgresql)
  fi
  if [ -z "${CELERY_BROKER_URL:-}" ]; then
    command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
  fi
  if [ ${#need[@]} -gt 0 ]; then
    echo "services: installing ${need[*]}"
    _as_root apt-get update -qq
    _as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"
  fi
}

_postgres_start() {
  local db=${SAMENLOKET_DB_NAME:-samenloket} ver
  ver=$(ls /usr/lib/postgresql | sort -n | tail -1)
  if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -q "^$ver main$"; then
    _as_root pg_createcluster "$ver" main >/dev/null
  fi
  # Debian's cluster listens on localhost only.
  pg_isready -q -h 127.0.0.1 -p 5432 || _as_root pg_ctlcluster "$ver" main start 2>/dev/null || true
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
  pg_isready -h 127.0.0.1 -p 5432 >/dev/null
  _as_postgres "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='samenloket'\"" | grep -q 1 \
    || _as_postgres "psql -q -c \"CREATE ROLE samenloket LOGIN CREATEDB PASSWORD 'samenloket'\""
  if [ "${SAMENLOKET_DB_FRESH:-0}" = 1 ]; then _as_postgres "dropdb --if-exists $db"; fi
  _as_postgres "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='$db'\"" | grep -q 1 \
    || _as_postgres "createdb -O samenloket $db"
  export DATABASE_URL="postgres://samenloket:samenloket@127.0.0.1:5432/$db"
}

_redis_start() {
  # Loopback, no persistence: the queue holds task messages only; the cases are in PostgreSQL.
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    redis-server --bind 127.0.0.1 --port 6379 --daemonize yes --save "" --appendonly no >/dev/null
    for _ in $(seq 1 20); do redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null
  export CELERY_BROKER_URL="redis://127.0.0.1:6379/${SAMENLOKET_REDIS_DB:-0}"
}

services_start() {
  _services_install
  [ -n "${DATABASE_URL:-}" ] || _postgres_start
  [ -n "${CELERY_BROKER_URL:-}" ] || _redis_start
}
