#!/usr/bin/env bash
# `make serve`: the demo the way production runs it, on this machine. PostgreSQL and Redis (started
# here unless DATABASE_URL/CELERY_BROKER_URL are given), the staging settings with the mocks
# explicitly allowed, then gunicorn, a Celery worker and Celery beat in the foreground until
# Ctrl-C or SIGTERM stops all three. `make serve` runs `make install` first.
#   PORT                        gunicorn's port on 127.0.0.1        default 8000
#   SAMENLOKET_DB_NAME          PostgreSQL database                 default samenloket
#   SAMENLOKET_REDIS_DB         Redis database number               default 0
#   SAMENLOKET_VAR_DIR          media, static files, mock data      default var/serve
#   WEB_CONCURRENCY, CELERY_CONCURRENCY  processes                  default 2 and 2
#   MOCK_PORT                   the mock registers' port            default PORT+1
#   SERVE_LOGIN                 saml: DigiD and eHerkenning over SAML against the local IdPs served
#                               with the mock registers; mock: the one-page mocks   default saml
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT=${PORT:-8000}
MOCK_PORT=${MOCK_PORT:-$((PORT + 1))}

source scripts/services.sh
services_start
# One cache for every gunicorn worker, so per-person limits (BRP look-ups) hold across processes.
export DJANGO_CACHE_URL=${DJANGO_CACHE_URL:-$CELERY_BROKER_URL}

export DJANGO_SETTINGS_MODULE=config.settings.staging
export SAMENLOKET_ALLOW_MOCKS=true
# The registers are reached over HTTP; on this stack they are our mock registers, served below.
export SAMENLOKET_MOCK_REGISTERS_URL=http://127.0.0.1:$MOCK_PORT
# Plain http is for a stack on loopback only (staging.py refuses other host names with it).
export SAMENLOKET_STAGING_INSECURE_HTTP=true
export DJANGO_ALLOWED_HOSTS=${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost,.localhost}
export SAMENLOKET_VAR_DIR=${SAMENLOKET_VAR_DIR:-$PWD/var/serve}
mkdir -p "$SAMENLOKET_VAR_DIR"
if [ -z "${DJANGO_SECRET_KEY:-}" ]; then
  # One key per stack, kept so that sessions survive a restart.
  key_file="$SAMENLOKET_VAR_DIR/secret_key"
  [ -s "$key_file" ] || (umask 077; $PY -c 'import secrets; print(secrets.token_urlsafe(50))' >"$key_file")
  DJANGO_SECRET_KEY=$(cat "$key_file")
  export DJANGO_SECRET_KEY
fi

$PY manage.py check --deploy --fail-level ERROR -v 0 >/dev/null
$PY manage.py migrate --noinput -v 0
$PY manage.py backoffice_rechten
$PY manage.py collectstatic --noinput -v 0
$PY manage.py mock_registers_build
# Filed through the services with the mock registers in-process (the server below is not up yet).
SAMENLOKET_MOCK_REGISTERS_INPROCESS=true $PY manage.py demo_data
if [ "${SERVE_LOGIN:-saml}" = saml ]; then
  # The production login path end to end: each municipality's SAML connection to the local IdPs.
  $PY manage.py saml_demo_setup --base-url "http://127.0.0.1:$PORT" --idp-url "$SAMENLOKET_MOCK_REGISTERS_URL" -v 0
  export SAMENLOKET_DIGID_ADAPTER=digid-saml SAMENLOKET_EHERKENNING_ADAPTER=eherkenning-saml
  # Logout's form is redirected to the IdP's single logout; the CSP must allow that target.
  export SAMENLOKET_CSP_FORM_ACTION="$SAMENLOKET_MOCK_REGISTERS_URL"
fi

pids=()
stopping=0
stop() {
  stopping=1
  trap - INT TERM
  echo "serve: stopping gunicorn, mock registers, worker and beat"
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop INT TERM
trap 'kill -TERM "${pids[@]}" 2>/dev/null || true' EXIT  # never leave one behind

.venv/bin/gunicorn config.wsgi_mocks:application --bind "127.0.0.1:$MOCK_PORT" --workers 1 --threads 8 \
  --graceful-timeout 5 --no-control-socket &
pids+=($!)
.venv/bin/gunicorn config.wsgi:application --bind "127.0.0.1:$PORT" --workers "${WEB_CONCURRENCY:-2}" \
  --config python:config.gunicorn --access-logfile - --graceful-timeout 20 --no-control-socket &
pids+=($!)
.venv/bin/celery -A config worker -l info --concurrency "${CELERY_CONCURRENCY:-2}" --without-gossip --without-mingle &
pids+=($!)
.venv/bin/celery -A config beat -l info --schedule "$SAMENLOKET_VAR_DIR/celerybeat-schedule" &
pids+=($!)
echo "Samenloket (staging): http://127.0.0.1:$PORT/ (Ctrl-C stops gunicorn, worker and beat)"

set +e
wait -n "${pids[@]}"
status=$?
if [ "$stopping" = 1 ]; then
  echo "serve: stopped"
  exit 0
fi
# One of them ended on its own: stop the others, half a stack is no stack.
echo "serve: a process ended (exit $status)" >&2
stop
exit "$status"
