#!/usr/bin/env bash
# Remote partitioning, 1 worker process against 2: bench/workers.sh [ROWS] [PARTITION_SIZE]   (defaults 1000000, 16m)
#
# Generates ROWS remittance rows (one CSV), then loads them three ways into fresh homes sharing nothing but the
# input: on one node (`run ingest-remittances`), and partitioned (`--workers`, ranges of PARTITION_SIZE) with one
# `mizan worker` process and with two, all on this machine, against the PostgreSQL job repository (a schema of
# its own) and RabbitMQ (a queue of its own) on 127.0.0.1. DuckDB's own read_csv of the same file is timed in
# the same run (bench/DuckDbBaseline.java). Prints, for each: wall time of the load (manager start to end), rows/s,
# the ratio to one worker, and the peak RSS and CPU seconds of the manager and of each worker (GNU time).
# Prints the load average (1, 5, 15 min) at the start and end of the run and of each load: this machine is shared.
# BENCH_OUT=DIR keeps every load's log and GNU time file there (the manager's run summary has the step times).
# BENCH_TAG names the PostgreSQL schema (mizan_bench_TAG) and the queue (mizan.partitions.bench.TAG): default the pid.
# Needs: PostgreSQL and RabbitMQ running (see README), mvn, /usr/bin/time. A measurement, not a test.
set -euo pipefail
ROWS=${1:-1000000}
SIZE=${2:-16m}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mizan-workers.XXXXXX")
TAG=${BENCH_TAG:-$$}
SCHEMA=mizan_bench_${TAG//[^a-zA-Z0-9_]/_}
QUEUE=mizan.partitions.bench.$TAG
OUT=${BENCH_OUT:-}
cleanup() {
  jobs -p | xargs -r kill 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d test -qc "drop schema if exists $SCHEMA cascade" >/dev/null 2>&1 || true
  # the queue is durable (requests of a failed run would stay in it): delete it with the client the workers use
  if [[ -f $WORK/cp.txt ]]; then
    cat >"$WORK/DeleteQueue.java" <<'JAVA'
public class DeleteQueue {
    public static void main(String[] a) throws Exception {
        var f = new com.rabbitmq.client.ConnectionFactory();
        f.setHost("127.0.0.1");
        try (var c = f.newConnection(); var ch = c.createChannel()) {
            ch.queueDelete(a[0]);
        }
    }
}
JAVA
    java -cp "$(cat "$WORK/cp.txt")" "$WORK/DeleteQueue.java" "$QUEUE" \
      >/dev/null 2>&1 || echo "NOTICE: queue $QUEUE not deleted" >&2
  fi
  if [[ -n $OUT ]]; then
    mkdir -p "$OUT"
    (cd "$WORK" && find . \( -name '*.log' -o -name '*.time' \) -not -path '*/lake/*' | tar -cf - -T - | tar -C "$OUT" -xf -) || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

mvn -q compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >"$WORK/mvn.log" 2>&1 || { cat "$WORK/mvn.log" >&2; exit 1; }
# a copy of the compiled classes: a build in this folder during the run would otherwise change them under it
cp -r "$ROOT/target/classes" "$WORK/app"
CP=$WORK/app:$(cat "$WORK/cp.txt")
DUCKDB_JAR=$(tr ':' '\n' <"$WORK/cp.txt" | grep -m1 '/duckdb_jdbc-')
javac -d "$WORK/classes" bench/GenerateRemittances.java
javac -d "$WORK/classes" -cp "$DUCKDB_JAR" bench/DuckDbBaseline.java
java -cp "$WORK/classes" GenerateRemittances "$ROWS" 7 "$WORK/data" >/dev/null
CSV=$WORK/data/remittances.csv
psql -h 127.0.0.1 -U postgres -d test -qc "create schema $SCHEMA" >/dev/null

export SPRING_PROFILES_ACTIVE=postgres,distributed MIZAN_PG_SCHEMA=$SCHEMA MIZAN_BROKER_QUEUE=$QUEUE
mizan() { java -Xmx2g -XX:+UseParallelGC -cp "$CP" org.mizan.cli.MizanMain "$@"; }

prepare() {  # prepare HOME: gazetteer and FX rates, not timed
  MIZAN_HOME=$1 mizan run load-gazetteer "file=$WORK/data/admin_units.csv" >/dev/null
  MIZAN_HOME=$1 mizan run load-fx-rates "file=$WORK/data/fx_rates.csv" >/dev/null
}
# the last line of GNU time's file ("elapsed peak-KB user-s system-s"; a worker stopped by SIGTERM has a line before
# it saying so): peak RSS and CPU seconds (user + system), which depend less on the neighbours than the wall time
rss() { tail -n 1 "$1" | awk '{ printf "%d MB %.1f s CPU", $2 / 1024, $3 + $4 }'; }
secs() { tail -n 1 "$1" | awk '{ print $1 }'; }
# what to run, in this order: MODES="duckdb single 1 2" (default); ONE_WORKER_S, the 1-worker time of an earlier run,
# when 1 is left out or runs after 2
MODES=${MODES:-duckdb single 1 2}
one=${ONE_WORKER_S:-}
load() { cut -d' ' -f1-3 /proc/loadavg; }
# BENCH_SESSIONS=1 starts every worker in a session of its own (setsid). Linux shares the CPU between sessions first
# (autogroups, /proc/sys/kernel/sched_autogroup_enabled): on a machine busy with other sessions, workers started in
# this script's session share this session's part, and a second worker cannot add any; in sessions of their own they
# are scheduled as separate machines' processes would be
SESSION=
[[ ${BENCH_SESSIONS:-0} == 1 ]] && SESSION=setsid

echo "$(date -u '+%F %T UTC'), workers in $([[ -n $SESSION ]] && echo 'sessions of their own' || echo 'this session'), autogroups $(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null || echo '?'), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?'), java -Xmx2g -XX:+UseParallelGC"
echo "rows: $ROWS, partition size $SIZE, $(nproc) cores (a shared machine: other processes ran meanwhile), load average $(load)"
run_duckdb() {
/usr/bin/time -f '%e %M %U %S' -o "$WORK/duckdb.time" java -cp "$WORK/classes:$DUCKDB_JAR" DuckDbBaseline "$CSV" "$WORK/baseline.duckdb" \
  bench/duckdb_baseline.sql >/dev/null
echo "duckdb read_csv:   $(secs "$WORK/duckdb.time") s, peak RSS $(rss "$WORK/duckdb.time")"
}

run_single() {
prepare "$WORK/single"
l0=$(load)
/usr/bin/time -f '%e %M %U %S' -o "$WORK/single.time" env MIZAN_HOME="$WORK/single" SPRING_PROFILES_ACTIVE=postgres \
  java -Xmx2g -XX:+UseParallelGC -cp "$CP" org.mizan.cli.MizanMain run ingest-remittances "file=$CSV" >"$WORK/single.log" 2>&1
single=$(secs "$WORK/single.time")
echo "one node:          $single s, $(awk -v r="$ROWS" -v s="$single" 'BEGIN { printf "%.0f", r / s }') rows/s, peak RSS $(rss "$WORK/single.time") (load $l0 -> $(load))"
grep -h "lines read" "$WORK/single.log" | head -n 1 || true
}

run_workers() {
  local n=$1 home=$WORK/workers-$1 w wall line l0
  prepare "$home"
  for w in $(seq 1 "$n"); do
    MIZAN_HOME=$home $SESSION /usr/bin/time -f '%e %M %U %S' -o "$home/worker$w.time" \
      java -Xmx2g -XX:+UseParallelGC -cp "$CP" org.mizan.cli.MizanMain worker >"$home/worker$w.log" 2>&1 &
    echo $! >"$home/worker$w.pid"
    until grep -q 'taking partitions' "$home/worker$w.log" 2>/dev/null; do sleep 0.2; done
  done
  l0=$(load)
  /usr/bin/time -f '%e %M %U %S' -o "$home/manager.time" env MIZAN_HOME="$home" \
    java -Xmx2g -XX:+UseParallelGC -cp "$CP" org.mizan.cli.MizanMain run ingest-remittances "file=$CSV" --workers --partition-size "$SIZE" \
    >"$home/manager.log" 2>&1
  for w in $(seq 1 "$n"); do
    pkill -TERM -P "$(cat "$home/worker$w.pid")" 2>/dev/null || kill -TERM "$(cat "$home/worker$w.pid")"
  done
  wait
  wall=$(secs "$home/manager.time")
  [[ $n == 1 ]] && one=$wall
  line="$n worker(s):      $wall s, $(awk -v r="$ROWS" -v s="$wall" 'BEGIN { printf "%.0f", r / s }') rows/s"
  line+=", ratio $(awk -v a="${one:-0}" -v b="$wall" 'BEGIN { printf "%.2f", a / b }') (rows/s against 1 worker); peak RSS manager $(rss "$home/manager.time")"
  for w in $(seq 1 "$n"); do line+=", worker$w $(rss "$home/worker$w.time")"; done
  echo "$line (load $l0 -> $(load))"
  grep -h "lines read" "$home/manager.log" | head -n 1 || true
}

for m in $MODES; do
  case $m in
    duckdb) run_duckdb ;;
    single) run_single ;;
    1 | 2) run_workers "$m" ;;
    *) echo "MODES: unknown mode $m (duckdb, single, 1, 2)" >&2; exit 2 ;;
  esac
done
# where the time went: every step of every load, from the job repository (a partition's time includes its start on a
# worker and its passing over the lines before its own); all steps in full in steps.log
psql -h 127.0.0.1 -U postgres -d test -qAF ' ' -c "select job_execution_id, step_execution_id, step_name, status, read_count,
  write_count, start_time, end_time, round(extract(epoch from end_time - start_time)::numeric, 1)
  from $SCHEMA.batch_step_execution order by step_execution_id" >"$WORK/steps.log" 2>&1 || true
echo "steps (job execution, step, count, min/max/sum of seconds):"
psql -h 127.0.0.1 -U postgres -d test -qAtF ' ' -c "select job_execution_id,
  case when step_name like 'ingest-partition:%' then 'ingest-partition:*' else step_name end, count(*),
  round(min(extract(epoch from end_time - start_time))::numeric, 1), round(max(extract(epoch from end_time - start_time))::numeric, 1),
  round(sum(extract(epoch from end_time - start_time))::numeric, 1)
  from $SCHEMA.batch_step_execution group by 1, 2 order by 1, min(step_execution_id)" 2>&1 | sed 's/^/  /' || true
echo "end $(date -u '+%F %T UTC'), load average $(load)"
