#!/usr/bin/env bash
# Create .venv with Python 3.10 and install the locked dependencies of a requirements file:
#   scripts/setup-venv.sh                        run-time packages (requirements.txt), marker .venv/.installed
#   scripts/setup-venv.sh requirements-dev.txt   plus tests and tooling, marker .venv/.installed-dev
# Re-run safely: the Makefile re-runs it only when the requirements or constraints.txt changed.
set -euo pipefail
cd "$(dirname "$0")/.."

python=$(scripts/find-python310.sh)
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)'; then
  rm -rf .venv
  echo ">> creating .venv with $python"
  "$python" -m venv .venv
fi
echo ">> installing Python packages (first time takes about 5 minutes)"
.venv/bin/python -m pip install --quiet --upgrade 'pip==24.0'
requirements=${1:-requirements.txt}
marker=.venv/.installed
[ "$requirements" = requirements.txt ] || marker=.venv/.installed-dev
.venv/bin/python -m pip install --quiet -r "$requirements" -c constraints.txt
.venv/bin/python -m pip check
touch "$marker"
