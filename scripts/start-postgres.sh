#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster for tests and trials, and prints its URL on stdout.
#   scripts/start-postgres.sh [port] [folder]
# port: 0 or absent picks a free one; folder: where the cluster lives, a new temporary one when absent.
# The cluster listens on 127.0.0.1 only, trusts every local connection and runs with fsync off: it is for
# tests and trials, never for a memory anyone relies on. Stop it with scripts/stop-postgres.sh <folder>.
set -euo pipefail

port="${1:-0}"
folder="${2:-}"

source "$(dirname "$0")/postgres-bin.sh"
if [ -z "$bin" ]; then
  echo "start-postgres: no PostgreSQL server found (pg_ctl). Install Debian's postgresql package: apt-get install postgresql" >&2
  exit 2
fi
if [ "$owner" = postgres ] && ! id postgres >/dev/null 2>&1; then
  echo "start-postgres: running as root and there is no postgres user to run the server as; install Debian's postgresql package or run as an ordinary user." >&2
  exit 2
fi

[ -n "$folder" ] || folder="$(mktemp -d "${TMPDIR:-/tmp}/jialing-postgres-XXXXXX")"
mkdir -p "$folder"
chown "$owner" "$folder"
chmod 700 "$folder"

"${as_owner[@]}" "$bin/initdb" -D "$folder/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 >"$folder/initdb.log" 2>&1 || {
  echo "start-postgres: initdb failed; see $folder/initdb.log" >&2
  exit 1
}

free_port() {
  node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

# A port picked free may be taken before the server binds it: try a few.
for attempt in 1 2 3 4 5; do
  chosen="$port"
  [ "$chosen" = 0 ] && chosen="$(free_port)"
  if "${as_owner[@]}" "$bin/pg_ctl" -D "$folder/data" -l "$folder/server.log" -w -t 30 \
    -o "-p $chosen -k $folder -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null; then
    "$bin/createdb" -h 127.0.0.1 -p "$chosen" -U postgres jialing
    echo "PostgreSQL runs in $folder; stop it with: scripts/stop-postgres.sh $folder" >&2
    echo "postgres://postgres@127.0.0.1:$chosen/jialing"
    exit 0
  fi
  [ "$port" != 0 ] && break
done
echo "start-postgres: the server did not start; see $folder/server.log" >&2
exit 1
