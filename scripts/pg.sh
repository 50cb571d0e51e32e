#!/usr/bin/env bash
# pg.sh: a private PostgreSQL 15 cluster for Agora, in the git-ignored folder .pg/ of the repo.
#   scripts/pg.sh start   start it (initdb on first use) on a free 127.0.0.1 port; print the database URL
#   scripts/pg.sh stop    stop it
#   scripts/pg.sh url     print the database URL
# When AGORA_DATABASE_URL is set, that server is used instead: start and url only print it, stop does nothing.
# The cluster listens on 127.0.0.1 only, with trust authentication for local and 127.0.0.1 connections only
# (replication connections too: a test makes a streaming standby of it with pg_basebackup, internal/pgreplica).
# Run as root, initdb/pg_ctl run as the non-root user postgres, which then owns .pg/ (or its /tmp fallback).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dir="$root/.pg"
data="$dir/data"
urlfile="$dir/url"
logfile="$dir/postgres.log"
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
pguser=postgres

# As root the server runs as postgres, which must be able to reach the data folder. A checkout under a folder
# postgres cannot enter (a root-only home, say) keeps its cluster in a per-checkout folder under /tmp instead.
if [[ $(id -u) -eq 0 ]] && ! runuser -u "$pguser" -- test -x "$root" 2>/dev/null; then
    dir="/tmp/agora-pg-$(printf '%s' "$root" | sha256sum | cut -c1-12)"
    data="$dir/data"
    urlfile="$dir/url"
    logfile="$dir/postgres.log"
fi

die() { echo "pg.sh: $*" >&2; exit 1; }

# as_pg runs a command as the cluster's owner: the postgres user when we are root, else ourselves.
as_pg() {
    if [[ $(id -u) -eq 0 ]]; then
        (cd / && runuser -u "$pguser" -- "$@")
    else
        "$@"
    fi
}

running() { [[ -f "$data/PG_VERSION" ]] && as_pg "$bin/pg_ctl" status -D "$data" >/dev/null 2>&1; }

url_for() { echo "postgres://postgres@127.0.0.1:$1/postgres?sslmode=disable"; }

# port_free reports whether nothing accepts connections on 127.0.0.1:$1.
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

init_cluster() {
    [[ -x "$bin/initdb" ]] || die "PostgreSQL 15 not found in $bin"
    rm -rf "$data"
    mkdir -p "$data"
    if [[ $(id -u) -eq 0 ]]; then
        id "$pguser" >/dev/null 2>&1 || die "running as root needs the non-root user $pguser"
        chown -R "$pguser:" "$dir"
    fi
    as_pg "$bin/initdb" -D "$data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; die "initdb failed"; }
    as_pg tee "$data/pg_hba.conf" >/dev/null <<'EOF'
# Agora private cluster: trust for local and 127.0.0.1 connections only.
local all all              trust
host  all all 127.0.0.1/32 trust
host  replication all 127.0.0.1/32 trust
EOF
    as_pg tee -a "$data/postgresql.conf" >/dev/null <<'EOF'

# Agora private cluster
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
EOF
}

# Settings for a private development cluster on one machine (the indexer's data is derived from the chain and
# every indexer transaction carries its own cursor, so nothing depends on fsync-per-commit here). wal_level
# replica (not minimal) with a few WAL senders lets a test stream a standby from it (internal/pgreplica).
tuning="-c shared_buffers=256MB -c max_wal_size=4GB -c checkpoint_timeout=30min -c wal_level=replica -c max_wal_senders=8 -c synchronous_commit=off"

# allow_replication adds the 127.0.0.1 replication line to a cluster made before init_cluster wrote it.
allow_replication() {
    grep -q '^host  *replication ' "$data/pg_hba.conf" 2>/dev/null && return
    echo 'host  replication all 127.0.0.1/32 trust' | as_pg tee -a "$data/pg_hba.conf" >/dev/null
}

start() {
    if [[ -n "${AGORA_DATABASE_URL:-}" ]]; then
        echo "$AGORA_DATABASE_URL"
        return
    fi
    mkdir -p "$dir"
    # One start at a time (test packages run in parallel). fd 9 must not leak into the server: 9>&- below.
    exec 9>"$dir/lock"
    flock 9
    if running && [[ -s "$urlfile" ]]; then
        cat "$urlfile"
        return
    fi
    [[ -f "$data/PG_VERSION" ]] || init_cluster
    [[ $(id -u) -ne 0 ]] || chown -R "$pguser:" "$dir"
    allow_replication
    local port tries
    port=$(sed -n 's#.*127\.0\.0\.1:\([0-9]*\)/.*#\1#p' "$urlfile" 2>/dev/null || true)
    for tries in $(seq 1 20); do
        if [[ -z "$port" ]] || ! port_free "$port"; then
            port=$((20000 + RANDOM % 40000))
            port_free "$port" || { port=""; continue; }
        fi
        if as_pg "$bin/pg_ctl" start -D "$data" -l "$logfile" -w -t 60 -o "-p $port $tuning" >/dev/null 9>&-; then
            url_for "$port" >"$urlfile"
            cat "$urlfile"
            return
        fi
        port=""
    done
    tail -n 20 "$logfile" >&2 || true
    die "could not start PostgreSQL (see $logfile)"
}

stop() {
    [[ -n "${AGORA_DATABASE_URL:-}" ]] && return
    [[ -d "$dir" ]] || return 0
    exec 9>"$dir/lock"
    flock 9
    if running; then
        as_pg "$bin/pg_ctl" stop -D "$data" -m fast -w -t 60 >/dev/null
    fi
}

url() {
    if [[ -n "${AGORA_DATABASE_URL:-}" ]]; then
        echo "$AGORA_DATABASE_URL"
        return
    fi
    running && [[ -s "$urlfile" ]] || die "not running: scripts/pg.sh start"
    cat "$urlfile"
}

case "${1:-}" in
start) start ;;
stop) stop ;;
url) url ;;
*) die "usage: scripts/pg.sh start|stop|url" ;;
esac
