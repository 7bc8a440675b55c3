#!/usr/bin/env bash
# Mizan warehouse benchmark at national scale: bench/warehouse.sh [REMITTANCES] [PEOPLE] [LEDGER_ROWS] [SEED]
# (defaults 5000000 1000000 100000 42)
#
# Generates a national-scale world (GenerateRemittances: about 800 municipalities of Nepal and Tajikistan and
# REMITTANCES rows over sixty months, 2020-2024; GenerateWorld: PEOPLE registry rows with services, LEDGER_ROWS
# ledger rows, the national plan), loads it into a fresh MIZAN_HOME with ./mizan, and prints:
#   - each load's wall time and its build-warehouse step: the time to rebuild every view after a load;
#   - each coherence view's query time on the published warehouse (bench/ViewTimes.java): all rows, and one
#     municipality's rows of one year. Target: < 1 s per view.
#   - with BENCH_QUALITY=N: the warehouse build of the loaded home timed N times with and N times without the
#     data-quality scripts (70-72_quality_*.sql), alternating, in one process (bench/QualityBuildTimes.java), with
#     the load average before and after; issue 18's target: the checks add less than 20 % to the build.
# A measurement, never a test. BENCH_KEEP=1 keeps the work directory.
set -euo pipefail

N=${1:-5000000}
PEOPLE=${2:-1000000}
LEDGER=${3:-100000}
SEED=${4:-42}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mizan-wbench.XXXXXX")
if [[ "${BENCH_KEEP:-0}" != 1 ]]; then trap 'rm -rf "$WORK"' EXIT; else echo "work directory kept: $WORK"; fi
DATA=$WORK/data
mkdir -p "$DATA" "$WORK/classes"
log() { printf '== %s\n' "$*" >&2; }

./mizan --help >/dev/null   # builds the jar now, not inside a timing
mvn -q dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >"$WORK/mvn.log" 2>&1 || { cat "$WORK/mvn.log" >&2; exit 1; }
DUCKDB_JAR=$(tr ':' '\n' <"$WORK/cp.txt" | grep -m1 '/duckdb_jdbc-')
javac -d "$WORK/classes" bench/GenerateRemittances.java bench/GenerateWorld.java
javac -d "$WORK/classes" -cp "$DUCKDB_JAR" bench/ViewTimes.java

log "generating $N remittances over 5 years, $PEOPLE registry rows, $LEDGER ledger rows (seed $SEED)"
java -cp "$WORK/classes" GenerateRemittances "$N" "$SEED" "$DATA" 5 >&2
java -cp "$WORK/classes" GenerateWorld "$DATA" "$PEOPLE" "$LEDGER" "$SEED" >&2

export MIZAN_HOME=$WORK/home
export MIZAN_PSEUDONYM_KEY=$(printf "mizan-bench-key-0123456789abcdef" | base64)   # 32 bytes; synthetic people only
printf '%-16s %10s %12s %14s %10s %10s  %s\n' load rows "wall (s)" "rebuild (s)" "cpu (s)" "RSS (MiB)" "load average"
load() { # job file [mapping]
  local start end out rc=0
  start=$(date +%s.%N)
  # the command under /usr/bin/time: CPU time (user + sys) and peak RSS (the JVM's heap and DuckDB's native memory)
  out=$(/usr/bin/time -f '%U %S %M' -o "$WORK/time.txt" ./mizan run "$1" "file=$DATA/$2" ${3:+mapping=$3} 2>&1) || rc=$?
  end=$(date +%s.%N)
  if (( rc != 0 )); then echo "$out" >&2; echo "== $2: exit $rc ($(tail -1 "$WORK/time.txt"))" >&2; exit 1; fi
  printf '%-16s %10s %12.1f %14s %10.1f %10.0f  %s\n' "$2" "$(grep -oP 'read: \K[0-9]+' <<<"$out" | head -1)" \
    "$(echo "$end - $start" | bc)" "$(grep -oP 'build-warehouse \K[0-9.]+' <<<"$out")" \
    "$(awk '{print $1 + $2}' "$WORK/time.txt")" "$(awk '{print $3 / 1024}' "$WORK/time.txt")" "$(cut -d' ' -f1-3 /proc/loadavg)"
}
load load-gazetteer admin_units.csv
load load-fx-rates fx_rates.csv
load ingest-remittances remittances.csv
load ingest-ledgers ledger.csv ledgers/national-consolidated
load ingest-ledgers plan.csv
load ingest-registries people.csv registries/national-people
load ingest-registries services.csv registries/national-services

if [[ -n "${BENCH_QUALITY:-}" ]]; then
  javac -d "$WORK/classes" -cp "$ROOT/target/classes:$(cat "$WORK/cp.txt")" bench/QualityBuildTimes.java
  log "warehouse build with and without the quality checks, $BENCH_QUALITY times each (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  java -cp "$WORK/classes:$ROOT/target/classes:$(cat "$WORK/cp.txt")" QualityBuildTimes "$MIZAN_HOME" "$BENCH_QUALITY"
  log "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
fi

WAREHOUSE=$(readlink -f "$MIZAN_HOME/warehouse/mizan.duckdb")
UNIT=$(awk -F, '$3 == 3 {print $1; exit}' "$DATA/admin_units.csv")
log "view query times on $WAREHOUSE (one unit: $UNIT, 2024)"
java -cp "$WORK/classes:$DUCKDB_JAR" ViewTimes "$WAREHOUSE" "$UNIT" 2024
