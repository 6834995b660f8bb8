#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter, or explain what to install.
# Rasa Open Source 3.6 needs Python < 3.11; this project uses 3.10.
set -euo pipefail

is310() { [ -x "$1" ] && "$1" -c 'import sys; sys.exit(0 if sys.version_info[:2] == (3, 10) else 1)' 2>/dev/null; }

candidates=()
[ -n "${PYTHON310:-}" ] && candidates+=("$PYTHON310")
command -v python3.10 >/dev/null 2>&1 && candidates+=("$(command -v python3.10)")
if command -v pyenv >/dev/null 2>&1; then
  for version in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.10(\.[0-9]+)?$' | sort -t. -k3 -n -r); do
    candidates+=("$(pyenv root)/versions/$version/bin/python")
  done
fi
for dir in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.10*; do
  [ -d "$dir" ] && candidates+=("$dir/bin/python")
done
candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10)

for python in "${candidates[@]}"; do
  if is310 "$python"; then
    echo "$python"
    exit 0
  fi
done

printf '%s\n' \
  "ERROR: Python 3.10 was not found. Rasa Open Source 3.6 needs Python 3.10 (it does not run on 3.11+)." \
  "Install it with one of:" \
  "  pyenv install 3.10.13            (https://github.com/pyenv/pyenv)" \
  "  sudo apt-get install python3.10 python3.10-venv" \
  "or point PYTHON310 at an existing interpreter:  make run PYTHON310=/path/to/python3.10" >&2
exit 1
