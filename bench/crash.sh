#!/usr/bin/env bash
# Crash recovery, many times: bench/crash.sh [TRIALS] [ROWS]   (defaults 20, 1000000)
#
# Generates ROWS remittance rows, loads them once cleanly, then TRIALS times: loads them into a fresh home,
# kills the ingest with SIGKILL at a random point, runs `mizan rerun`, and compares the warehouse with the
# clean one (rows, distinct keys, a checksum over every row: warehouse/queries/checksum.sql).
# Prints one line per trial and `recovered N/TRIALS`. A measurement, not a test: CrashRecoveryIT runs three.
set -euo pipefail
TRIALS=${1:-20}
ROWS=${2:-1000000}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
WORK=$(mktemp -d "${TMPDIR:-/tmp}/mizan-crash.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

java bench/GenerateRemittances.java "$ROWS" 7 "$WORK/data" >/dev/null
CHECKSUM_SQL=$(grep -v '^--' warehouse/queries/checksum.sql | tr '\n' ' ')

prepare() {  # prepare HOME: gazetteer and FX rates, not timed
  MIZAN_HOME=$1 ./mizan run load-gazetteer "file=$WORK/data/admin_units.csv" >/dev/null
  MIZAN_HOME=$1 ./mizan run load-fx-rates "file=$WORK/data/fx_rates.csv" >/dev/null
}
fingerprint() { MIZAN_HOME=$1 ./mizan query "$CHECKSUM_SQL" --format csv | tail -n 1; }

prepare "$WORK/clean"
start=$(date +%s%N)
MIZAN_HOME="$WORK/clean" ./mizan run ingest-remittances "file=$WORK/data/remittances.csv" >/dev/null
clean_ms=$(( ($(date +%s%N) - start) / 1000000 ))
clean=$(fingerprint "$WORK/clean")
echo "clean run: ${clean_ms} ms, rows,distinct,checksum = $clean"

recovered=0
RANDOM=20261123
for i in $(seq 1 "$TRIALS"); do
  home="$WORK/trial-$i"
  prepare "$home"
  kill_ms=$(( clean_ms * (20 + RANDOM % 70) / 100 ))
  MIZAN_HOME="$home" ./mizan run ingest-remittances "file=$WORK/data/remittances.csv" >"$home/run.log" 2>&1 &
  pid=$!   # the launcher execs java: this is the JVM
  sleep "$(awk -v ms="$kill_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
  if kill -9 "$pid" 2>/dev/null; then
    wait "$pid" 2>/dev/null || true
    if MIZAN_HOME="$home" ./mizan show 3 >/dev/null 2>&1; then
      MIZAN_HOME="$home" ./mizan rerun 3 >"$home/rerun.log" 2>&1 || true
      resumed=$(grep -o 'resumed at line [0-9]*' "$home/rerun.log" || echo "started over")
    else
      # killed during start-up, before the run was recorded: there is nothing to rerun, the steward runs it again
      MIZAN_HOME="$home" ./mizan run ingest-remittances "file=$WORK/data/remittances.csv" >"$home/rerun.log" 2>&1 || true
      resumed="killed before the run was recorded, ran again"
    fi
    got=$(fingerprint "$home")
    if [[ "$got" == "$clean" ]]; then
      recovered=$((recovered + 1)); echo "trial $i: killed after ${kill_ms} ms, $resumed: recovered"
    else
      echo "trial $i: killed after ${kill_ms} ms, $resumed: NOT recovered ($got)"
    fi
  else
    wait "$pid" || true
    got=$(fingerprint "$home")
    [[ "$got" == "$clean" ]] && recovered=$((recovered + 1))
    echo "trial $i: finished before the kill at ${kill_ms} ms (counted as it stands: $([[ "$got" == "$clean" ]] && echo equal || echo DIFFERENT))"
  fi
  rm -rf "$home"
done
echo "recovered $recovered/$TRIALS"
