#!/usr/bin/env bash
# CI: start the `make serve` stack (scripts/serve.sh; `make test` has already run `make install`)
# on a database of its own, walk one journey through it (tests/smoke/serve_journey.py), stop it.
#   PORT, SAMENLOKET_REDIS_DB    as for scripts/serve.sh
#   SAMENLOKET_DB_NAME           default samenloket_smoke, dropped and made anew on every run
#   SERVE_START_TIMEOUT          seconds until the first page must answer, default 900
set -euo pipefail
cd "$(dirname "$0")/.."
export PORT=${PORT:-8000}
export SAMENLOKET_DB_NAME=${SAMENLOKET_DB_NAME:-samenloket_smoke}
export SAMENLOKET_DB_FRESH=1
export SAMENLOKET_VAR_DIR=${SAMENLOKET_VAR_DIR:-$(mktemp -d)}
# The stack starts its own database and broker URLs from the names above.
unset DATABASE_URL CELERY_BROKER_URL
log="$SAMENLOKET_VAR_DIR/serve.log"

started=$(date +%s)
scripts/serve.sh >"$log" 2>&1 &
serve=$!
finish() {
  kill -TERM "$serve" 2>/dev/null && wait "$serve" 2>/dev/null || true
}
trap finish EXIT

url="http://127.0.0.1:$PORT/"
until .venv/bin/python -c "import sys, urllib.request; urllib.request.urlopen(sys.argv[1], timeout=5)" "$url" 2>/dev/null; do
  if ! kill -0 "$serve" 2>/dev/null || [ $(( $(date +%s) - started )) -gt "${SERVE_START_TIMEOUT:-900}" ]; then
    echo "smoke: the serve stack did not answer on $url; its log:" >&2
    tail -50 "$log" >&2
    exit 1
  fi
  sleep 2
done
echo "smoke: first page answered $(( $(date +%s) - started )) s after start"

status=0
.venv/bin/python tests/smoke/serve_journey.py --url "http://127.0.0.1:$PORT" || status=$?
if [ "$status" != 0 ]; then
  echo "smoke: the journey failed; the stack's log:" >&2
  tail -80 "$log" >&2
fi
finish
trap - EXIT
grep -q "Traceback" "$log" && { echo "smoke: the stack logged an error:" >&2; grep -B2 -A20 -m3 "Traceback" "$log" >&2; status=1; }
exit "$status"
