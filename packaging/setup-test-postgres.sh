#!/usr/bin/env bash
# SPDX-License-Identifier: Apache-2.0
# Sets up the local PostgreSQL server the store tests and bench-postgres use, on Debian 12:
# the `tributary` role (owner of the `tributary_test` database) and the `tributary_reader` role
# (may connect, nothing more: tests grant it SELECT on the schemas they make). Run as root or
# as a user with sudo. Safe to run again: it only adds what is missing.
set -euo pipefail

version=15
cluster=main

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "setup-test-postgres: run as root or install sudo" >&2; exit 1; }
  sudo="sudo"
fi

if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed"; then
  echo "setup-test-postgres: installing postgresql"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends postgresql
fi

if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c' | grep -q .; then
  echo "setup-test-postgres: creating cluster $version/$cluster"
  $sudo pg_createcluster "$version" "$cluster"
fi
if ! pg_lsclusters -h | awk -v v="$version" -v c="$cluster" '$1 == v && $2 == c && $4 == "online"' \
  | grep -q .; then
  echo "setup-test-postgres: starting cluster $version/$cluster"
  $sudo pg_ctlcluster "$version" "$cluster" start
fi

# psql as the postgres superuser over the local socket (peer authentication).
as_postgres() {
  if [ -z "$sudo" ]; then
    PGOPTIONS="-c client_min_messages=warning" runuser -u postgres -- psql -X -q -v ON_ERROR_STOP=1 "$@"
  else
    sudo -u postgres PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"
  fi
}

# Wait for the server to accept connections (a fresh start takes a moment).
for _ in $(seq 1 30); do
  as_postgres -d postgres -c 'SELECT 1' >/dev/null 2>&1 && break
  sleep 1
done
as_postgres -d postgres -c 'SELECT 1' >/dev/null

as_postgres -d postgres <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tributary') THEN
    CREATE ROLE tributary LOGIN PASSWORD 'tributary' CREATEDB;
  END IF;
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tributary_reader') THEN
    CREATE ROLE tributary_reader LOGIN PASSWORD 'reader';
  END IF;
END
$$;
SQL

if ! as_postgres -d postgres -tA -c "SELECT 1 FROM pg_database WHERE datname = 'tributary_test'" \
  | grep -q 1; then
  echo "setup-test-postgres: creating database tributary_test"
  as_postgres -d postgres -c 'CREATE DATABASE tributary_test OWNER tributary'
fi
as_postgres -d postgres -c 'GRANT CONNECT ON DATABASE tributary_test TO tributary_reader'
# Trigram matching for search: the stores would create it themselves (a trusted extension),
# but one copy in public, made before any test schema, is shared by all of them.
as_postgres -d tributary_test -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public'

echo "setup-test-postgres: ready (postgresql://tributary:tributary@localhost/tributary_test)"
