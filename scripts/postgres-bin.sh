# Sourced by start-postgres.sh and stop-postgres.sh: sets `bin` to the newest PostgreSQL server's bin folder
# (Debian keeps servers under /usr/lib/postgresql/<version>/bin, off the PATH) and `as_owner` to the command
# prefix that runs a server program as an unprivileged user, since PostgreSQL refuses to run as root.
bin=""
for candidate in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
  [ -x "$candidate/pg_ctl" ] && bin="$candidate" && break
done
if [ -z "$bin" ] && command -v pg_ctl >/dev/null; then bin="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"; fi
as_owner=()
owner="$(id -un)"
if [ "$(id -u)" -eq 0 ]; then
  owner=postgres
  as_owner=(runuser -u postgres --)
fi
