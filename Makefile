# The two commands a newcomer needs: `make run` and `make test` (see README.md).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000

.PHONY: run test lint format check pytest bench audit install install-dev clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --upgrade pip

$(VENV)/.installed: requirements.txt | $(PY)
	$(PY) -m pip install -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PY) -m pip install -r requirements-dev.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## make run: the portal on the embedded default (SQLite, database search, demo data) at http://127.0.0.1:8000
run: install
	$(PY) manage.py migrate --noinput
	$(PY) manage.py init_portal
	@echo "Hintergrund-Worker (django-tasks) läuft neben dem Server; Strg+C beendet beide."
	@trap 'kill 0' INT TERM EXIT; \
	$(PY) manage.py db_worker --verbosity 0 & \
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

## make test: lint, Django checks and the whole pytest suite (browser tests need /usr/bin/chromium)
test: install-dev lint check pytest

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: install-dev
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py check
	DJANGO_SETTINGS_MODULE=portal.settings.test $(PY) manage.py makemigrations --check --dry-run

pytest: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

## make bench: load test against gunicorn on 127.0.0.1 (see docs/benchmarks.md)
bench: install-dev
	$(PY) tests/perf/bench.py $(BENCH_ARGS)

## make audit: Lighthouse on each public page type at mobile size (Debian Chromium, no browser download)
audit: install-dev
	npm ci --no-audit --no-fund
	$(PY) tests/perf/audit.py $(AUDIT_ARGS)

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache

## make messages: refresh the .po catalogues from the code; make compilemessages: the .mo files Django reads.
## Both need GNU gettext (apt-get install gettext); without it the portal speaks German only.
.PHONY: messages compilemessages
LOCALES := en tr ar uk ru
MESSAGES_IGNORE := -i ".venv/*" -i "node_modules/*" -i "tests/*" -i "staticfiles/*" -i "var/*" -i "media/*"
install install-dev: compilemessages

messages: $(VENV)/.installed
	$(PY) manage.py makemessages $(addprefix -l ,$(LOCALES)) -e html,txt,py --add-location=file $(MESSAGES_IGNORE)

compilemessages: $(VENV)/.installed
	@if command -v msgfmt >/dev/null; then \
	  $(PY) manage.py compilemessages --ignore ".venv/*" --ignore "node_modules/*" --verbosity 0; \
	else echo "GNU gettext (msgfmt) fehlt: apt-get install gettext – die Oberfläche bleibt deutsch."; fi
