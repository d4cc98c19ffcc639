#!/usr/bin/env bash
# A throwaway PostgreSQL server for the tests, on a free loopback port, in a new
# temporary folder, run by an unprivileged user (root runs it as the system user
# nobody, as PostgreSQL refuses to run as root).
#
#   eval "$(tools/pg_cluster.sh start)"   start one; prints the exports it needs:
#                                         TIMING_EXPLORER_PG_URL (its maintenance
#                                         database, for the tests), TIMING_EXPLORER_PG_DIR,
#                                         and PGSSLMODE, PGGSSENCMODE
#   tools/pg_cluster.sh stop              stop the one TIMING_EXPLORER_PG_DIR names and
#                                         remove its folder
#
# Needs the Debian package postgresql (its binaries in /usr/lib/postgresql/VERSION/bin).
# Local connections are trusted: the server listens on 127.0.0.1 only and is gone
# when stopped.
set -euo pipefail

pg_bin() {
    local dir
    dir=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    if [ -z "$dir" ] || [ ! -x "$dir/pg_ctl" ]; then
        echo "pg_cluster.sh: no PostgreSQL server found; install the package postgresql" >&2
        exit 1
    fi
    echo "$dir"
}

# Runs a command as the cluster's owner: root hands it to nobody.
as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u nobody -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    local bin dir port
    bin=$(pg_bin)
    dir=$(mktemp -d "${TMPDIR:-/tmp}/te-pg.XXXXXX")
    chmod 755 "$dir"
    [ "$(id -u)" -eq 0 ] && chown nobody "$dir"
    port=$(free_port)
    as_owner "$bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --no-sync >"$dir/initdb.log" 2>&1 || {
        cat "$dir/initdb.log" >&2
        rm -rf "$dir"
        exit 1
    }
    as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-k $dir -p $port -c listen_addresses=127.0.0.1 -c fsync=off" start >&2 || {
        cat "$dir/server.log" >&2
        rm -rf "$dir"
        exit 1
    }
    echo "export TIMING_EXPLORER_PG_DIR=$dir"
    echo "export TIMING_EXPLORER_PG_URL=postgresql://postgres@127.0.0.1:$port/postgres"
    # The server has neither SSL nor GSSAPI: libpq need not try to negotiate them.
    echo "export PGSSLMODE=disable PGGSSENCMODE=disable"
}

stop() {
    local dir=${TIMING_EXPLORER_PG_DIR:-}
    if [ -z "$dir" ] || [ ! -d "$dir/data" ]; then
        echo "pg_cluster.sh: TIMING_EXPLORER_PG_DIR names no cluster; nothing to stop" >&2
        return 0
    fi
    as_owner "$(pg_bin)/pg_ctl" -D "$dir/data" -m fast -w stop >&2 || true
    rm -rf "$dir"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
*)
    echo "usage: $0 start|stop" >&2
    exit 2
    ;;
esac
