# RoadChief: `make run` sets up and serves the demo town; `make test` runs every test.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Every Python package at the version the tests ran with; `make lock` refreshes it.
LOCK := requirements.lock
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup frontend services browser lint bench clean lock

run: setup frontend
	$(BIN)/roadchief demo
	$(BIN)/roadchief serve --host $(HOST) --port $(PORT)

test: setup frontend services browser
	$(BIN)/ruff check app tests bench migrations
	$(BIN)/mypy app
	$(BIN)/lint-imports
	cd frontend && npm run api:check
	cd frontend && npm run typecheck && npm test && npm run size
	$(BIN)/pytest -p no:cacheprovider -n 2 --dist loadgroup

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml $(LOCK)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c $(LOCK) -e '.[test]'
	touch $@

# Resolve pyproject.toml afresh in a clean virtualenv and pin the result.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/pip install --quiet --upgrade pip
	.lock-venv/bin/pip install --quiet -e '.[test]'
	{ echo "# Pinned by \`make lock\` (Python $$(.lock-venv/bin/python -c 'import platform; print(platform.python_version())')); used as pip constraints by make and the Dockerfile."; \
	  .lock-venv/bin/pip freeze --exclude-editable; } > $(LOCK)
	rm -rf .lock-venv

frontend: frontend/node_modules/.installed
	cd frontend && npm run build

frontend/node_modules/.installed: frontend/package-lock.json
	cd frontend && npm ci --no-audit --no-fund
	touch $@

# PostgreSQL runs on this kind of machine; start it if it stopped.
services:
	@pg_isready -q -h 127.0.0.1 -p 5432 || pg_ctlcluster --skip-systemctl-redirect $$(ls /etc/postgresql) main start
	@for i in $$(seq 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done

# Debian's Chromium for the browser tests, and CJK fonts so screenshots show Chinese.
browser:
	@test -x /usr/bin/chromium && fc-list 2>/dev/null | grep -qi 'noto.*cjk' || \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null)

lint:
	$(BIN)/ruff check app tests bench migrations
	$(BIN)/mypy app
	$(BIN)/lint-imports

bench: setup
	$(BIN)/python bench/routing.py
	$(BIN)/python bench/photos.py
	$(BIN)/python bench/map.py

clean:
	rm -rf $(VENV) .lock-venv frontend/node_modules app/static var
