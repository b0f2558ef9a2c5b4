#!/usr/bin/env bash
# Stops a cluster started by scripts/start-postgres.sh and deletes its folder.
#   scripts/stop-postgres.sh <folder>
set -euo pipefail

folder="${1:?usage: scripts/stop-postgres.sh <folder printed by start-postgres.sh>}"
if [ ! -f "$folder/data/PG_VERSION" ]; then
  echo "stop-postgres: $folder holds no cluster started by start-postgres.sh" >&2
  exit 2
fi
source "$(dirname "$0")/postgres-bin.sh"
"${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -m fast -w stop >/dev/null 2>&1 || true
rm -rf "$folder"
