#!/usr/bin/env bash
# Dashboard page-load benchmark: bench/dashboard.sh [N] [SEED]   (defaults 5000000 42)
#
# Generates the ingest benchmark's data (GenerateRemittances: N transactions over 2024 into 801 municipalities of
# Nepal and Tajikistan), loads it with ./mizan into a fresh MIZAN_HOME, starts ./mizan serve (anonymous visitors
# allowed: this home holds generated data only) and times every kind of page with curl: the first request of each
# (cold) and the median and maximum of BENCH_REPEAT more. Then one page with HTTP Basic sign-in (a bcrypt check per
# request), a CSV download of every transaction, and `./mizan dashboard --out` (the static folder).
# Target: < 1 s per page.
#
# Environment: BENCH_PORT (default 18231), BENCH_REPEAT (default 5), BENCH_KEEP=1 keeps the work directory,
# BENCH_HOME=DIR measures an existing home instead of generating one: the home bench/warehouse.sh keeps with
# BENCH_KEEP=1 (WORK/home), which holds every source, so the overview's coherence views all have figures.
# BENCH_PERIOD (default 2024-06) is the month of the unit and panel pages; the overview is also timed for its year.
# This is a measurement, never a test: nothing here fails because something was slow.
set -euo pipefail

N=${1:-5000000}
SEED=${2:-42}
PORT=${BENCH_PORT:-18231}
REPEAT=${BENCH_REPEAT:-5}
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

WORK=$(mktemp -d "${TMPDIR:-/tmp}/mizan-dashboard-bench.XXXXXX")
SERVE_PID=
cleanup() {
  if [[ -n "$SERVE_PID" ]]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi
  if [[ "${BENCH_KEEP:-0}" != 1 ]]; then rm -rf "$WORK"; else echo "work directory kept: $WORK"; fi
}
trap cleanup EXIT
log() { printf '== %s\n' "$*" >&2; }

if [[ -n "${BENCH_HOME:-}" ]]; then
  export MIZAN_HOME=$BENCH_HOME
  log "measuring the existing home $MIZAN_HOME"
else
  log "generating $N rows (seed $SEED)"
  mkdir -p "$WORK/classes" "$WORK/data"
  javac -d "$WORK/classes" bench/GenerateRemittances.java
  java -cp "$WORK/classes" GenerateRemittances "$N" "$SEED" "$WORK/data" >&2

  export MIZAN_HOME=$WORK/home
  log "loading it into $MIZAN_HOME (not timed)"
  ./mizan run load-gazetteer "file=$WORK/data/admin_units.csv" >"$WORK/load-gazetteer.log" 2>&1
  ./mizan run load-fx-rates "file=$WORK/data/fx_rates.csv" >"$WORK/load-fx.log" 2>&1
  ./mizan run ingest-remittances "file=$WORK/data/remittances.csv" >"$WORK/ingest.log" 2>&1
fi
q() { ./mizan query "$1" --format csv | tail -n 1; }
TXNS=$(q "select count(*) from remittance_transactions")
UNITS=$(q "select count(distinct unit_code) from admin_units")
PERIOD=${BENCH_PERIOD:-2024-06}
YEAR=${PERIOD:0:4}
REGION=$(q "select unit_code from remittance_inflows where level = 1 and period = '$PERIOD' order by amount_usd desc limit 1")
DISTRICT=$(q "select unit_code from remittance_inflows where level = 2 and period = '$PERIOD' and unit_code like '$REGION-%' order by amount_usd desc limit 1")
MUNICIPALITY=$(q "select unit_code from remittance_inflows where level = 3 and period = '$PERIOD' and unit_code like '$DISTRICT-%' order by amount_usd desc limit 1")
log "warehouse: $TXNS transactions, $UNITS units; pages for $REGION > $DISTRICT > $MUNICIPALITY, period $PERIOD"

# a users file for the one signed-in measurement
HASH=$(printf '%s' bench-pw | ./mizan dashboard --bcrypt)
printf 'users:\n  - name: bench\n    password: "%s"\n    role: national\n  - name: region\n    password: "%s"\n    role: regional\n    region: %s\n' \
  "$HASH" "$HASH" "$REGION" >"$MIZAN_HOME/dashboard-users.yml"

log "starting ./mizan serve on port $PORT"
MIZAN_DASHBOARD_ANONYMOUS=true ./mizan serve --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVE_PID=$!
for _ in $(seq 1 120); do
  curl -s -o /dev/null "http://localhost:$PORT/assets/mizan.css" && break
  sleep 0.5
done
BASE=http://localhost:$PORT

# time URL [curl options]: prints cold, median and max of REPEAT warm requests (seconds) and the status
time_page() {
  local path=$1; shift
  local cold status times
  read -r status cold < <(curl -s -o /dev/null -w '%{http_code} %{time_total}\n' "$@" "$BASE$path")
  times=$(for _ in $(seq 1 "$REPEAT"); do curl -s -o /dev/null -w '%{time_total}\n' "$@" "$BASE$path"; done | sort -n)
  local median max
  median=$(echo "$times" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  max=$(echo "$times" | tail -n 1)
  printf '| `%s` | %s | %.3f | %.3f | %.3f |\n' "$path" "$status" "$cold" "$median" "$max"
}

echo
echo "rows: $TXNS transactions, $UNITS units; period $PERIOD; $REPEAT warm requests per page after the cold one"
echo
echo "| page | status | cold s | median s | max s |"
echo "|---|---|---|---|---|"
time_page "/"
time_page "/?period=$YEAR"
time_page "/?period=$PERIOD"
time_page "/unit/$REGION?period=$YEAR"
time_page "/unit/$REGION?period=$PERIOD"
time_page "/unit/$DISTRICT?period=$PERIOD"
time_page "/unit/$MUNICIPALITY?period=$PERIOD"
for panel in $(ls dashboards/*.yml | xargs -n1 basename | sed 's/\.yml$//'); do
  time_page "/panel/$panel"
  time_page "/panel/$panel?period=$PERIOD"
done
time_page "/panel/inflows?unit=$REGION&period=$PERIOD"
time_page "/panel/transactions?unit=$MUNICIPALITY&period=$PERIOD"
time_page "/panel/inflows.csv?period=$PERIOD"
echo
echo "signed in with HTTP Basic (bcrypt checked on every request):"
time_page "/unit/$REGION?period=$PERIOD" -u bench:bench-pw
echo "a regional user's overview (its region's page, latest year):"
time_page "/" -u region:bench-pw
echo
CSV_START=$(date +%s.%N)
CSV_BYTES=$(curl -s "$BASE/panel/transactions.csv" | wc -c)
CSV_END=$(date +%s.%N)
printf 'CSV of every transaction: %s bytes in %.1f s\n' "$CSV_BYTES" "$(echo "$CSV_END - $CSV_START" | bc)"
kill "$SERVE_PID"; wait "$SERVE_PID" 2>/dev/null || true; SERVE_PID=

STATIC_START=$(date +%s.%N)
./mizan dashboard --out "$WORK/static" --period "$PERIOD" >"$WORK/static.log" 2>&1
STATIC_END=$(date +%s.%N)
printf 'static folder (./mizan dashboard --out, period %s): %s files, %s, in %.1f s\n' "$PERIOD" \
  "$(ls "$WORK/static" | wc -l)" "$(du -sh "$WORK/static" | cut -f1)" "$(echo "$STATIC_END - $STATIC_START" | bc)"
