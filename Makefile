# Antena: `make up` starts everything in one process; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PACKAGES := proto common services/sales services/orders services/network services/billing services/notifications services/portal gateway
STAMP := $(VENV)/.installed

.PHONY: up test install proto proto-check lint-imports compose-check test-unit clean

up: $(STAMP)
	$(BIN)/antena up $(ARGS)

test: $(STAMP) proto-check lint-imports compose-check
	$(BIN)/python -m pytest $(PYTEST_ARGS)

install: $(STAMP)

$(STAMP): requirements-dev.txt $(foreach p,$(PACKAGES),$(p)/pyproject.toml)
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -r requirements-dev.txt $(foreach p,$(PACKAGES),-e $(p))
	touch $(STAMP)

proto: $(STAMP)
	$(BIN)/python proto/generate.py

proto-check: $(STAMP)
	$(BIN)/python proto/generate.py --check

lint-imports: $(STAMP)
	$(BIN)/lint-imports --no-cache

compose-check:
	@if command -v docker-compose >/dev/null 2>&1; then \
		docker-compose -f docker-compose.yml config -q && echo "docker-compose.yml is valid"; \
	elif [ -n "$$CI" ]; then echo "docker-compose is missing (CI must validate the compose file)"; exit 1; \
	else echo "docker-compose not installed: compose file not validated (apt-get install docker-compose)"; fi

test-unit: $(STAMP)
	$(BIN)/python -m pytest -m "not integration and not e2e" $(PYTEST_ARGS)

clean:
	rm -rf var .pytest_cache
