#!/bin/sh
# Build seeds/ into a temporary folder, score it with the shared seed scorer and validate it.
set -e
out=$(mktemp -d)
PYTHONPATH=${PYTHONPATH:-$PWD} ${PY:-/work/venv/bin/python} -m graph build seeds --out "$out" --no-progress >/dev/null
${PY:-/work/venv/bin/python} /work/shared/tools/score_seed.py "$out" /work/shared/gold/000_f2b27bd5661e0ee8.gold.json | tail -3
PYTHONPATH=${PYTHONPATH:-$PWD} ${PY:-/work/venv/bin/python} -m graph validate --graph "$out" | tail -1
rm -rf "$out"
