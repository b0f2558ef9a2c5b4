#!/usr/bin/env bash
# Installs the Debian packages jialing needs: Apertium with the English→Spanish and English→Catalan pairs,
# a C compiler, which builds the library that speeds up Apertium's stages (src/engines/apertium/integer-scan.c),
# Chromium, which the review page's browser test drives, and PostgreSQL, whose throw-away clusters
# (scripts/start-postgres.sh) the shared-memory tests run against.
set -euo pipefail

packages=(apertium apertium-eng-spa apertium-eng-cat gcc libc6-dev chromium postgresql)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "Installing Debian packages: ${missing[*]}"
$sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
