#!/usr/bin/env bash
# Trials per second of a study with a no-op objective, for 1, 2, 4 and 8 worker processes on one
# PostgreSQL database over loopback, and for one worker on a SQLite file: the storage's own cost
# per trial (ask + tell + heartbeats), which is what a shared study adds to every trial.
# Throughput = trials / (last trial's end - first trial's start), from the stored times, so process
# start-up is not counted. Usage: benchmarks/distributed/throughput.sh [trials] (default 400);
# needs HYPERTUNE_TEST_POSTGRES (eval "$(eng/start-postgres.sh)").
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
trials=${1:-400}
: "${HYPERTUNE_TEST_POSTGRES:?start a server first: eval \"\$(eng/start-postgres.sh)\"}"
dotnet build -c Release "$root/tests/HyperTune.StudyWorker" -v q >/dev/null
worker="$root/tests/HyperTune.StudyWorker/bin/Release/net10.0/HyperTune.StudyWorker.dll"
pg() { PGPASSWORD=$(sed 's/.*Password=\([^;]*\).*/\1/' <<<"$HYPERTUNE_TEST_POSTGRES") psql -h 127.0.0.1 \
  -p "$(sed 's/.*Port=\([0-9]*\).*/\1/' <<<"$HYPERTUNE_TEST_POSTGRES")" -U postgres -d hypertune_test -Atc "$1"; }
for workers in 1 2 4 8; do
  study="throughput-$workers-$RANDOM"
  pids=()
  for _ in $(seq "$workers"); do
    dotnet "$worker" "$HYPERTUNE_TEST_POSTGRES" "$study" "$trials" Random 1 0 >/dev/null & pids+=($!)
  done
  wait "${pids[@]}"
  pg "SELECT '$workers worker(s): ' || count(*) || ' trials, ' || round((count(*) / extract(epoch FROM max(t.completed) - min(t.started)))::numeric, 1) || ' trials/s, ' || round((1000 * extract(epoch FROM max(t.completed) - min(t.started)) / count(*))::numeric, 2) || ' ms/trial'
      FROM hypertune_trials t JOIN hypertune_studies s ON s.id = t.study_id WHERE s.name = '$study'"
done
if [ "${SQLITE_TOO:-1}" = 1 ]; then
  db=$(mktemp -d)/study.db
  dotnet "$worker" "$db" sqlite "$trials" Random 1 0 >/dev/null
  /usr/bin/python3 - "$db" <<'PY'
import sqlite3, sys
first, last, count = sqlite3.connect(sys.argv[1]).execute("SELECT min(started_at), max(completed_at), count(*) FROM trials").fetchone()
seconds = (last - first) / 1e6  # microseconds since the epoch
print(f"SQLite, 1 worker: {count} trials, {count / seconds:.1f} trials/s, {1000 * seconds / count:.2f} ms/trial")
PY
fi
