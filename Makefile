# Samenloket. Commands for people: `make run`, `make serve` and `make test`; the rest are their steps.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= config.settings.dev
# Debian packages the project needs: WeasyPrint's Pango, fonts embedded in the PDFs, xmlsec1 (pysaml2's
# signatures), PDF tools.
DEB_RUNTIME := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-dejavu-extra gettext xmlsec1
DEB_TEST := chromium poppler-utils

.PHONY: install deb-runtime deb-test python-deps node-deps static messages mockdata migrate demo run serve test lock clean \
	bench-load

install: deb-runtime python-deps node-deps static messages

deb-runtime:
	@missing=$$(for p in $(DEB_RUNTIME); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

deb-test:
	@missing=$$(for p in $(DEB_TEST); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then echo "installing $$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi

$(PY):
	$(PYTHON) -m venv $(VENV)

python-deps: $(PY)
	@$(PY) -m pip install -q --disable-pip-version-check uv==0.13.8
	@VIRTUAL_ENV=$(VENV) $(UV) pip sync -q requirements.lock

node-deps:
	@npm ci --no-audit --no-fund --loglevel=error

# Copy the open-licence NL Design System CSS and municipal token packages into static files.
static: node-deps
	@mkdir -p build/static/nlds/utrecht build/static/nlds/voorbeeld build/static/nlds/denhaag
	@cp node_modules/@utrecht/component-library-css/dist/index.css build/static/nlds/utrecht/component-library.css
	@cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css build/static/nlds/voorbeeld/theme.css
	@cp node_modules/@gemeente-denhaag/design-tokens-components/dist/theme/index.css build/static/nlds/denhaag/theme.css

messages: python-deps
	@$(PY) manage.py compilemessages -v 0 --ignore=.venv --ignore=node_modules

mockdata:
	@$(PY) manage.py mock_registers_build

migrate:
	@$(PY) manage.py migrate --noinput -v 0
	@$(PY) manage.py backoffice_rechten

# The demo data is filed through the services; their register calls go to the mock registers'
# WSGI app in-process (the same HTTP client, no server needed yet).
demo: migrate mockdata
	@SAMENLOKET_MOCK_REGISTERS_INPROCESS=true $(PY) manage.py demo_data
	@$(PY) manage.py zgw_demo_applicatie

# The mock registers (BRP, BAG, KvK, RDW over their real APIs) serve on MOCK_PORT beside the site.
MOCK_PORT ?= 8001
run: install demo
	@echo "Samenloket: http://127.0.0.1:$(PORT)/ (mock registers on http://127.0.0.1:$(MOCK_PORT)/)"
	@# Without Celery beat in the embedded mode, a sweep every minute fires the timers.
	@export SAMENLOKET_MOCK_REGISTERS_URL=http://127.0.0.1:$(MOCK_PORT); \
	  $(PY) manage.py mock_registers_serve 127.0.0.1:$(MOCK_PORT) & mocks=$$!; \
	  $(PY) manage.py zaken_timers --interval 60 -v 0 & timers=$$!; trap "kill $$mocks $$timers" EXIT; \
	  $(PY) manage.py runserver 127.0.0.1:$(PORT)

# The same demo as production runs it: PostgreSQL, Redis, gunicorn, Celery worker and beat,
# staging settings with a "testomgeving" banner (see scripts/serve.sh for its settings).
serve: install
	@PORT=$(PORT) SUDO=$(SUDO) scripts/serve.sh

test: install deb-test
	@DJANGO_SETTINGS_MODULE=config.settings.test $(PY) -m pytest $(PYTEST_ARGS)

# The load benchmark (benchmarks/load/README.md): Debian's wrk if missing, PostgreSQL and Redis,
# the seeded database once (while its manifest is missing), then the runner. BENCH_ARGS go to run.py.
BENCH_DB ?= samenloket_load
BENCH_CASES ?= 1000000
BENCH_MANIFEST ?= var/load/manifest.json
bench-load: install
	@command -v wrk >/dev/null 2>&1 || { echo "installing wrk"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq wrk; }
	@source scripts/services.sh && SAMENLOKET_DB_NAME=$(BENCH_DB) services_start && \
	  { [ -s $(BENCH_MANIFEST) ] || $(PY) benchmarks/load/seed.py --db $(BENCH_DB) --cases $(BENCH_CASES) \
	    --manifest $(BENCH_MANIFEST); } && \
	  $(PY) benchmarks/load/run.py --manifest $(BENCH_MANIFEST) $(BENCH_ARGS)

# Re-resolve the pinned dependencies of pyproject.toml into the lock file (with hashes).
lock: $(PY)
	@$(PY) -m pip install -q uv==0.13.8
	@$(UV) pip compile pyproject.toml --extra test --generate-hashes --python-version 3.11 -q -o requirements.lock

clean:
	rm -rf build var/static
