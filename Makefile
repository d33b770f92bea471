# Antena: `make up` starts everything in one process; `make test` runs every test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PACKAGES := proto common services/sales services/orders services/network services/billing services/notifications services/portal gateway
STAMP := $(VENV)/.installed

.PHONY: up test install proto proto-check lint-imports compose-check k8s-check test-unit clean

up: $(STAMP)
	$(BIN)/antena up $(ARGS)

test: $(STAMP) proto-check lint-imports compose-check k8s-check
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

# Renders the kustomize base and overlays (kubectl kustomize, offline) and
# validates every object against the Kubernetes 1.30 schemas (strict).
K8S_DIRS := deploy/k8s/base deploy/k8s/overlays/dev deploy/k8s/overlays/production
k8s-check: $(STAMP)
	@if command -v kubectl >/dev/null 2>&1; then \
		out=$$(mktemp); trap 'rm -f $$out' EXIT; \
		for dir in $(K8S_DIRS); do \
			kubectl kustomize $$dir > $$out 2>/dev/null || { kubectl kustomize $$dir >/dev/null; exit 1; }; \
			$(BIN)/kubernetes-validate --strict -k 1.30.0 --quiet $$out || exit 1; \
			echo "$$dir: $$(grep -c '^kind:' $$out) Kubernetes objects valid"; \
		done; \
	elif [ -n "$$CI" ]; then echo "kubectl is missing (CI must validate the Kubernetes manifests)"; exit 1; \
	else echo "kubectl not installed: Kubernetes manifests not validated (apt-get install kubernetes-client)"; fi

test-unit: $(STAMP)
	$(BIN)/python -m pytest -m "not integration and not e2e" $(PYTEST_ARGS)

clean:
	rm -rf var .pytest_cache
