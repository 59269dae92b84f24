#!/usr/bin/env bash
# Run a command with a throwaway PostgreSQL server on loopback, for the store's tests.
#
#   scripts/with_postgres.sh python3 -m pytest -q
#
# Starts a fresh cluster in a temporary directory on a free port, exports
# DASBOR_TEST_DATABASE_URL (postgresql+psycopg://postgres@127.0.0.1:PORT/dasbor_test)
# for the command, and stops and deletes the cluster when the command ends,
# whatever its exit status (which is passed on).
#
# PostgreSQL refuses to run as root: run as root, the cluster belongs to the
# `postgres` system user (created by Debian's postgresql package) and the
# server is started through runuser. The cluster is initialised with trust
# authentication (it listens on 127.0.0.1 only and lives for one test run) and
# without fsync (nothing in it needs to survive a crash).
#
# Without initdb/pg_ctl (neither on PATH nor under /usr/lib/postgresql/*/bin)
# the command runs without DASBOR_TEST_DATABASE_URL: the PostgreSQL tests then
# skip, except under CI=true, where they fail (tests/pg.py). .ci/run installs
# PostgreSQL first when it is missing.
set -euo pipefail

find_bindir() {
    if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        dirname "$(readlink -f "$(command -v initdb)")"
        return
    fi
    local d
    d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    if [[ -n "$d" && -x "$d/initdb" ]]; then
        echo "$d"
    fi
}

BINDIR=$(find_bindir)
if [[ -z "$BINDIR" ]]; then
    echo "with_postgres: no PostgreSQL found (initdb, pg_ctl); running without it" >&2
    exec "$@"
fi

as_owner() {  # run a PostgreSQL program as the cluster's owner
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u postgres -- "$@")  # from /: the postgres user may not enter the caller's directory
    else
        "$@"
    fi
}

started=$EPOCHREALTIME
PGTMP=$(mktemp -d /tmp/dasbor-pg.XXXXXX)  # /tmp: the postgres user must reach it
if [[ $(id -u) -eq 0 ]]; then
    id postgres >/dev/null 2>&1 || useradd --system --home-dir /var/lib/postgresql --shell /bin/sh postgres
    chown postgres "$PGTMP"
fi
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

cleanup() {
    as_owner "$BINDIR/pg_ctl" -D "$PGTMP/data" -m immediate stop >/dev/null 2>&1 || true
    rm -rf "$PGTMP"
}
trap cleanup EXIT

as_owner "$BINDIR/initdb" -D "$PGTMP/data" -U postgres --auth=trust --no-sync -E UTF8 --locale=C.UTF-8 >"$PGTMP/initdb.log" 2>&1 \
    || { cat "$PGTMP/initdb.log" >&2; exit 1; }
as_owner "$BINDIR/pg_ctl" -D "$PGTMP/data" -l "$PGTMP/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $PGTMP -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null \
    || { cat "$PGTMP/server.log" >&2; exit 1; }
as_owner "$BINDIR/createdb" -h 127.0.0.1 -p "$PORT" -U postgres dasbor_test

export DASBOR_TEST_DATABASE_URL="postgresql+psycopg://postgres@127.0.0.1:$PORT/dasbor_test"
ended=$EPOCHREALTIME
printf 'with_postgres: PostgreSQL %s on 127.0.0.1:%s, started in %.1f s\n' \
    "$("$BINDIR/postgres" --version | awk '{print $3}')" "$PORT" "$(awk -v a="$started" -v b="$ended" 'BEGIN { print b - a }')" >&2

set +e
"$@"
status=$?
set -e
exit $status
