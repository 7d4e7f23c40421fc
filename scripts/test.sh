#!/usr/bin/env bash
# Set up everything the tests need on a fresh Debian/Ubuntu machine, then run every check:
# Debian chromium + a CJK font (browser tests), the package with its test extras, ruff, mypy,
# pytest (unit, doctests, browser, SPARQL server, notebooks).
set -euo pipefail
cd "$(dirname "$0")/.."
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! command -v chromium >/dev/null || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|wqy"; then
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
fi
python3 -m venv .venv
.venv/bin/pip install -q --disable-pip-version-check -e '.[test,notebook]'
.venv/bin/ruff check graph tests bench scripts
.venv/bin/ruff format --check graph tests bench scripts
.venv/bin/mypy
.venv/bin/pytest "$@"
