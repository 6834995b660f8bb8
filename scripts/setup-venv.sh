#!/usr/bin/env bash
# Create .venv with Python 3.10 and install the locked dependencies.
# Re-run safely: it only reinstalls when requirements.txt or constraints.txt changed
# (the Makefile tracks that with .venv/.installed).
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
.venv/bin/python -m pip install --quiet -r requirements.txt -c constraints.txt
.venv/bin/python -m pip check
touch .venv/.installed
