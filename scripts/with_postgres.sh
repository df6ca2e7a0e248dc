#!/usr/bin/env bash
# Run a command against PostgreSQL. With DATABASE_URL set, that database is used as it is; without
# it, a throwaway cluster is made with the machine's initdb/pg_ctl in a temporary folder, started on
# a free loopback port, and removed when the command ends.
set -euo pipefail

if [ -n "${DATABASE_URL:-}" ]; then
  exec "$@"
fi

find_pg_bin() {
  if command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"
    return
  fi
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

PG_BIN=$(find_pg_bin)
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  echo "PostgreSQL's initdb was not found. Install it (Debian: apt-get install postgresql) or set DATABASE_URL." >&2
  exit 1
fi

workdir=$(mktemp -d /tmp/core-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
as_owner=()
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root: the cluster belongs to the postgres system user.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$workdir"
  as_owner=(runuser -u postgres --)
fi

cleanup() {
  "${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$workdir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$workdir"
}
trap cleanup EXIT

"${as_owner[@]}" "$PG_BIN/initdb" -D "$workdir/data" -U core --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${as_owner[@]}" "$PG_BIN/pg_ctl" -D "$workdir/data" -l "$workdir/postgres.log" -w start \
  -o "-p $port -k $workdir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (throwaway cluster in $workdir)"

export DATABASE_URL="postgres://core@127.0.0.1:$port/postgres"
"$@"
