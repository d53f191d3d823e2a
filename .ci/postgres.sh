#!/usr/bin/env bash
# Install and start a PostgreSQL server from Debian's packages, with a role and a database
# for the store tests; prints the URL to put in CLAIMGRAPH_TEST_PG_URL. Needs root.
# Any step that fails stops with a message: CI must not pass by skipping PostgreSQL.
set -euo pipefail
trap 'echo "ci: could not set up PostgreSQL (line $LINENO)" >&2' ERR

export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >&2
apt-get install -y -qq postgresql >&2

version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | awk '{print $1, $2}' | grep -qx "$version main"; then
    pg_createcluster "$version" main >&2
fi
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
    pg_ctlcluster "$version" main start >&2
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
pg_isready -h 127.0.0.1 -p "$port" -t 60 >&2

as_postgres() { su postgres -c "psql -p $port -v ON_ERROR_STOP=1 -qtA $*"; }
if [ "$(as_postgres "-c \"SELECT 1 FROM pg_roles WHERE rolname = 'claimgraph'\"")" != "1" ]; then
    as_postgres "-c \"CREATE ROLE claimgraph LOGIN PASSWORD 'claimgraph'\"" >&2
fi
if [ "$(as_postgres "-c \"SELECT 1 FROM pg_database WHERE datname = 'claimgraph_test'\"")" != "1" ]; then
    as_postgres "-c \"CREATE DATABASE claimgraph_test OWNER claimgraph\"" >&2
fi
echo "postgresql://claimgraph:claimgraph@127.0.0.1:$port/claimgraph_test"
