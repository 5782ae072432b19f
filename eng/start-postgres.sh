#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on 127.0.0.1 for the distributed-study tests, installing
# Debian's postgresql package first when the machine has no server. Prints the connection string
# to use as HYPERTUNE_TEST_POSTGRES (password authentication over TCP, so that the tests can also
# check what a wrong password does). Usage: eval "$(eng/start-postgres.sh)"; stop with
# "$HYPERTUNE_TEST_POSTGRES_STOP".
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "installing postgresql from Debian's packages..." >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2 && apt-get install -y -qq postgresql >&2
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
fi

data=$(mktemp -d /tmp/hypertune-pg.XXXXXX)
password=$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')
port=$(( 20000 + RANDOM % 20000 ))
run_as=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$data"
  run_as=(runuser -u postgres --)
fi
printf '%s\n' "$password" > "$data.pw"
chmod 644 "$data.pw"
"${run_as[@]}" "$bin/initdb" -D "$data/db" -U postgres --auth-host=scram-sha-256 --auth-local=trust --pwfile="$data.pw" >/dev/null
rm -f "$data.pw"
"${run_as[@]}" "$bin/pg_ctl" -D "$data/db" -l "$data/log" -w \
  -o "-h 127.0.0.1 -p $port -k $data -c max_connections=200 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
"${run_as[@]}" "$bin/psql" -h "$data" -p "$port" -U postgres -qc "CREATE DATABASE hypertune_test" >/dev/null
echo "export HYPERTUNE_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=postgres;Password=$password;Database=hypertune_test'"
echo "export HYPERTUNE_TEST_POSTGRES_STOP='${run_as[*]} $bin/pg_ctl -D $data/db -m immediate stop'"
