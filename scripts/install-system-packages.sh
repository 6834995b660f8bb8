#!/usr/bin/env bash
# Install the Debian packages given as arguments, but only those missing.
# Used by `make test` (chromium, postgresql, redis-server) so a fresh machine needs no manual steps.
set -euo pipefail
missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "ERROR: these Debian packages are missing and I am not root: ${missing[*]}" >&2
    echo "Install them with: apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
fi
echo ">> installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
