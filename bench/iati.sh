#!/usr/bin/env bash
# IATI ingest benchmark: bench/iati.sh [N] [SEED]   (defaults 50000 7)
#
# Generates an IATI activity file of N activities (bench/GenerateIati.java), loads the fixture gazetteer and
# FX rates into a fresh MIZAN_HOME (not timed), then times `./mizan run ingest-ledgers file=...` (read, check,
# stage four datasets, publish, rebuild the warehouse) under /usr/bin/time -v and prints activities per second
# (whole job and ingest step alone) and peak RSS. Then (not timed) counts the projects in the warehouse.
#
# Environment: BENCH_KEEP=1 keeps the work directory; MIZAN_JAVA_OPTS is passed on to ./mizan.
# A measurement, never a test: nothing fails because something was slow.
set -euo pipefail

N=${1:-50000}
SEED=${2:-7}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mizan-iati-bench.XXXXXX")
if [[ "${BENCH_KEEP:-0}" != 1 ]]; then trap 'rm -rf "$WORK"' EXIT; else echo "work directory kept: $WORK"; fi
log() { printf '== %s\n' "$*" >&2; }

log "compiling bench/GenerateIati.java"
mkdir -p "$WORK/classes"
javac -d "$WORK/classes" bench/GenerateIati.java
log "generating $N activities (seed $SEED)"
java -cp "$WORK/classes" GenerateIati "$N" "$SEED" "$WORK/activities.xml"
MB=$(( $(stat -c %s "$WORK/activities.xml") / 1024 / 1024 ))

export MIZAN_HOME=$WORK/home
log "loading the gazetteer and FX rates (not timed; builds the jar if needed)"
./mizan run load-gazetteer file=fixtures/gazetteer/admin_units.csv >"$WORK/gazetteer.log"
./mizan run load-fx-rates file=fixtures/fx/fx_rates.csv >"$WORK/fx.log"

log "timing ./mizan run ingest-ledgers on $WORK/activities.xml ($MB MB)"
/usr/bin/time -v -o "$WORK/time.txt" ./mizan run ingest-ledgers file="$WORK/activities.xml" >"$WORK/run.log" 2>&1 \
  || { tail -n 30 "$WORK/run.log" >&2; exit 1; }
WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt")
RSS_KB=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$WORK/time.txt")
SECONDS_WALL=$(echo "$WALL" | awk -F: '{ if (NF == 3) print $1*3600 + $2*60 + $3; else print $1*60 + $2 }')
INGEST_S=$(grep -o 'ingest [0-9.]* s' "$WORK/run.log" | head -1 | awk '{print $2}')
grep -E 'read|steps|COMPLETED|FAILED' "$WORK/run.log" >&2
PROJECTS=$(./mizan query "select count(*) from projects" --format csv | tail -1)

printf '\nactivities %s (%s MB), projects in the warehouse %s\n' "$N" "$MB" "$PROJECTS"
awk -v n="$N" -v w="$SECONDS_WALL" -v i="$INGEST_S" -v r="$RSS_KB" 'BEGIN {
  printf "whole job (JVM start, ingest, publish, warehouse build): %.1f s, %.0f activities/s\n", w, n / w
  printf "ingest step (read, check, stage Parquet):                %.1f s, %.0f activities/s\n", i, n / i
  printf "peak RSS: %.0f MiB\n", r / 1024 }'
