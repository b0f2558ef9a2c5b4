#!/usr/bin/env bash
# Sets up a fresh Debian machine and translates the sample articles: the README's first command.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-packages.sh
npm ci --no-audit --no-fund
npm start
