# Career-advice chatbot. Every target installs what it needs on first use.
SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV := .venv
PY := $(VENV)/bin/python
INSTALLED := $(VENV)/.installed
TEST_SYSTEM_PACKAGES := chromium postgresql redis-server
# Passed on to scripts/find-python310.sh (e.g. make run PYTHON310=/opt/python3.10/bin/python3).
export PYTHON310

.PHONY: help install system-test-deps run chat train test test-unit test-e2e test-conversations export-test check lint lock clean bench

help: ## List the make targets
	@grep -hE '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  make %-18s %s\n", $$1, $$2}'

$(INSTALLED): requirements.txt constraints.txt scripts/setup-venv.sh
	scripts/setup-venv.sh

install: $(INSTALLED) ## Create .venv (Python 3.10) with the locked packages

run: install ## Set up, train if data changed, start the bot (REST on :5005); Ctrl-C stops it
	$(PY) -m bot run

chat: install ## Chat with the bot in this terminal (starts it if it isn't running)
	$(PY) -m bot chat

train: install ## Train the model if data, config or domain changed
	$(PY) -m bot train

check: install ## Validate the knowledge files and Rasa's training data
	$(PY) -m bot check
	$(PY) -m rasa data validate --data data --domain domain.yml --config config.yml

system-test-deps: ## Install the Debian packages the tests use (Chromium, PostgreSQL, Redis) if missing
	scripts/install-system-packages.sh $(TEST_SYSTEM_PACKAGES)

test: install system-test-deps ## Set up and run the whole test suite (what CI runs)
	$(PY) -m bot check
	$(PY) -m bot train
	$(PY) -m rasa data validate --data data --domain domain.yml --config config.yml
	$(PY) -m bot test-stories
	$(PY) -m bot conversations --own-bot
	$(PY) -m pytest

test-conversations: install ## Counselor conversation tests against the bot (FILES=... for some); report: results/conversations.html
	$(PY) -m bot conversations $(FILES)

export-test: install ## Save a chat as a conversation test: make export-test ID=<conversation id> (no ID: list chats)
	$(PY) -m bot export-test $(if $(ID),"$(ID)",--list)

test-unit: install ## Only the fast tests (no model, no servers)
	$(PY) -m pytest tests/unit

bench: install ## Benchmark vs a stock Rasa bot: writes bench/results.md and bench/latency.png (takes ~15 min)
	$(PY) -m bench.run

lint: install ## Ruff and mypy
	$(VENV)/bin/ruff check bot actions bench tests
	$(VENV)/bin/mypy bot actions bench

lock: ## Re-resolve requirements.txt into constraints.txt (after changing requirements.txt)
	rm -rf /tmp/careerbot-lock && "$$(scripts/find-python310.sh)" -m venv /tmp/careerbot-lock
	/tmp/careerbot-lock/bin/pip install --quiet 'pip==24.0' && /tmp/careerbot-lock/bin/pip install --quiet -r requirements.txt
	{ echo "# Full lock of the Python environment (pip freeze of a clean install of requirements.txt)."; \
	  echo "# Regenerate with \`make lock\`."; /tmp/careerbot-lock/bin/pip freeze; } > constraints.txt

clean: ## Remove the venv, trained models, build output and local data
	rm -rf $(VENV) models build results .rasa var node_modules
