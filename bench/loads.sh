#!/usr/bin/env bash
# Many loads into one home: bench/loads.sh [FILES] [ACTIVITIES] [SEED]   (defaults 100 400 7); --help prints this
#
# Generates FILES IATI activity files of ACTIVITIES activities each (bench/GenerateIati.java, each file with its own
# identifiers, so the warehouse grows with every load), loads the fixture gazetteer and FX rates into a fresh
# MIZAN_HOME (not timed), then loads the files one after another with `./mizan run ingest-ledgers file=...` (read,
# check, stage, publish, warehouse build), each under /usr/bin/time -v. Prints per-load wall time and peak RSS for
# the first and last ten loads, the ratio last10/first10 of the mean wall time (target <= 1.2) and the maximum peak
# RSS over every load (target <= 1.5 GB), with the machine's load average. Each load's CPU time (user + sys) is
# printed beside its wall time: on a shared machine it is the steadier of the two.
# bench/loads.sh --report TSV [MODE] prints the figures of a series kept with BENCH_KEEP=1 (also one cut short).
#
# BENCH_FULL=1 runs the same loads with the whole warehouse rebuilt at every load (MIZAN_WAREHOUSE_FULL=1, the path
# before incremental builds), for a before/after in the same run: run the script twice, or BENCH_BOTH=1 to run both
# modes one after the other (incremental first).
# BENCH_MIDDLE=serve makes loads 11 to FILES-10 in one `./mizan serve` (the first inbox fire of a schedule for
# ingest-ledgers, every file loaded and the warehouse built after each, as a `./mizan run` does, in one JVM instead
# of one JVM start-up each); the first ten and the last ten are always `./mizan run` under /usr/bin/time. The home
# grows the same way (lake, warehouse, job repository), in less time on a loaded machine.
# Environment: BENCH_KEEP=1 keeps the work directory; BENCH_WORK=DIR reuses a kept one (its files, and a home that
# already has the gazetteer and FX rates); BENCH_FROM=N (with BENCH_WORK; N past the serve part) goes on with load N in that home, whose
# loads 1 to N-1 were made, appending to its MODE.tsv (a series cut short, resumed); MIZAN_JAVA_OPTS is passed on to
# ./mizan.
# BENCH_DATASET=remittances loads remittance files instead (ACTIVITIES is then the rows of each file): FILES monthly
# deliveries of bench/GenerateRemittances.java (`delivery K`: one provider's month, 12 providers, month after month
# over 2020-2024, rows at random times of the month in random order, so every load adds new partitions of
# remittance_transactions), with the generator's own gazetteer and FX rates, by `./mizan run ingest-remittances`.
# A measurement, never a test: nothing fails because something was slow.
set -euo pipefail

if [[ "${1:-}" == -h || "${1:-}" == --help ]]; then
  # this header, without its comment marks
  sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'
  exit 0
fi
if [[ "${1:-}" == --report ]]; then FILES=0; ACTIVITIES=0; SEED=0; else
  FILES=${1:-100}
  ACTIVITIES=${2:-400}
  SEED=${3:-7}
fi
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"

# the figures of one series: report MODE PROJECTS TSV (a series cut short reports the loads it made)
report() {
  local mode=$1 projects=$2 tsv=${3:-$WORK/$1.tsv}
  local n
  n=$(wc -l <"$tsv")
  printf '\n[%s] %s loads of %s %s each (%s timed); %s in the warehouse at the end: %s; load average %s\n' \
    "$mode" "$(tail -1 "$tsv" | cut -d' ' -f1)" "$ACTIVITIES" "${UNIT:-activities}" "$n" "${WHAT:-projects}" "$projects" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'load  wall_s  cpu_s  peak_rss_MiB\n'
  awk -v n="$n" '(NR <= 10 || NR > n - 10) { printf "%4d  %6.2f  %5.2f  %8.0f\n", $1, $2, $4, $3 / 1024 }' "$tsv"
  awk -v n="$n" '
    NR <= 10 { f += $2; fc += $4; fr += $3; a++ }
    NR > n - 10 { l += $2; lc += $4; lr += $3; b++ }
    $3 > m { m = $3; at = $1 }
    END {
      printf "mean wall first 10: %.2f s, last 10: %.2f s, ratio last10/first10: %.2f (target <= 1.2)\n", f / a, l / b, (l / b) / (f / a)
      printf "mean CPU (user+sys) first 10: %.2f s, last 10: %.2f s, ratio last10/first10: %.2f\n", fc / a, lc / b, (fc > 0 ? (lc / b) / (fc / a) : 0)
      printf "mean peak RSS first 10: %.0f MiB, last 10: %.0f MiB\n", fr / a / 1024, lr / b / 1024
      printf "max peak RSS: %.0f MiB at load %d (target <= 1536 MiB)\n", m / 1024, at }' "$tsv"
}

if [[ "${1:-}" == --report ]]; then
  # bench/loads.sh --report TSV [MODE]: the figures of a series kept with BENCH_KEEP=1 (one cut short as well)
  ACTIVITIES='?' report "${3:-series}" '?' "$2"
  exit 0
fi

if [[ -n "${BENCH_WORK:-}" ]]; then WORK=$BENCH_WORK; BENCH_KEEP=1; else WORK=$(mktemp -d "${TMPDIR:-/tmp}/mizan-loads-bench.XXXXXX"); fi
if [[ "${BENCH_KEEP:-0}" != 1 ]]; then trap 'rm -rf "$WORK"' EXIT; else echo "work directory kept: $WORK"; fi
log() { printf '== %s\n' "$*" >&2; }

mkdir -p "$WORK/classes" "$WORK/files"
if [[ "${BENCH_DATASET:-iati}" == remittances ]]; then
  JOB=ingest-remittances; EXT=csv; PREFIX=remittances; UNIT=rows; WHAT=transactions
  COUNT="select count(*) from remittance_transactions"
  log "compiling bench/GenerateRemittances.java"
  javac -d "$WORK/classes" bench/GenerateRemittances.java
  log "generating $FILES monthly deliveries of $ACTIVITIES rows (seed $SEED)"
  for i in $(seq 1 "$FILES"); do
    f="$WORK/files/remittances-$(printf %04d "$i").csv"
    if [[ ! -s $f ]]; then
      java -cp "$WORK/classes" GenerateRemittances "$ACTIVITIES" "$SEED" "$WORK/gen" 5 delivery "$((i - 1))" >/dev/null
      mv "$WORK/gen/remittances.csv" "$f"
    fi
  done
  GAZETTEER=$WORK/gen/admin_units.csv; FX=$WORK/gen/fx_rates.csv
else
  JOB=ingest-ledgers; EXT=xml; PREFIX=activities; COUNT="select count(*) from projects"
  log "compiling bench/GenerateIati.java"
  javac -d "$WORK/classes" bench/GenerateIati.java
  log "generating $FILES files of $ACTIVITIES activities (seed $SEED)"
  for i in $(seq 1 "$FILES"); do
    f="$WORK/files/activities-$(printf %04d "$i").xml"
    [[ -s $f ]] || java -cp "$WORK/classes" GenerateIati "$ACTIVITIES" "$((SEED + i))" "$f" "XM-BENCH-F$i"
  done
  GAZETTEER=fixtures/gazetteer/admin_units.csv; FX=fixtures/fx/fx_rates.csv
fi

# loads FIRST..LAST of the files in one `./mizan serve`: one fire of a one-off schedule over an inbox holding them
serve_fill() {
  local first=$1 last=$2 inbox=$WORK/inbox-$1-$2 when pid i
  mkdir -p "$inbox"
  for i in $(seq "$first" "$last"); do ln -sf "$WORK/files/$PREFIX-$(printf %04d "$i").$EXT" "$inbox/"; done
  # every minute: the first fire after serve's start loads them all; fires of one schedule never overlap
  # (ScheduledLoad is @DisallowConcurrentExecution), and serve is stopped once that first fire is logged
  when='0 * * * * ?'
  cat >"$WORK/schedules.yml" <<YML
schedules:
  - job: $JOB
    source: bench
    inbox: $inbox
    cron: "$when"
    late-after: P1D
YML
  log "loads $first to $last in one ./mizan serve (cron '$when'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
  MIZAN_SCHEDULES=$WORK/schedules.yml ./mizan serve --port 0 >"$WORK/serve.log" 2>&1 &
  pid=$!
  until grep -q $'\t'"$JOB" "$MIZAN_HOME/logs/schedule.log" 2>/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -n 30 "$WORK/serve.log" >&2; exit 1; }
    sleep 10
  done
  kill -TERM "$pid"; wait "$pid" || true
  log "serve fill done: $(tail -1 "$MIZAN_HOME/logs/schedule.log"), load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# one series of loads into a fresh home; writes "load wall_s rss_kb cpu_s" lines to $WORK/$1.tsv
series() {
  local mode=$1
  export MIZAN_HOME=$WORK/home-$mode
  if [[ $mode == full ]]; then export MIZAN_WAREHOUSE_FULL=1; else unset MIZAN_WAREHOUSE_FULL; fi
  if [[ ! -e $MIZAN_HOME/warehouse/mizan.duckdb ]]; then
    log "[$mode] loading the gazetteer and FX rates (not timed; builds the jar if needed)"
    ./mizan run load-gazetteer file="$GAZETTEER" >"$WORK/$mode-gazetteer.log"
    ./mizan run load-fx-rates file="$FX" >"$WORK/$mode-fx.log"
  fi
  local from=${BENCH_FROM:-1}
  (( from > 1 )) || : >"$WORK/$mode.tsv"
  local i=0 f
  for f in "$WORK"/files/*."$EXT"; do
    i=$((i + 1))
    (( i >= from )) || continue
    if [[ "${BENCH_MIDDLE:-}" == serve ]] && (( FILES > 20 && i > 10 && i <= FILES - 10 )); then
      (( i == 11 )) && serve_fill 11 $((FILES - 10))
      continue
    fi
    /usr/bin/time -v -o "$WORK/time.txt" ./mizan run "$JOB" file="$f" >"$WORK/$mode-run-$i.log" 2>&1 \
      || { tail -n 30 "$WORK/$mode-run-$i.log" >&2; exit 1; }
    awk -F': ' -v i="$i" '
      /Elapsed \(wall clock\)/ { n = split($2, t, ":"); w = (n == 3) ? t[1]*3600 + t[2]*60 + t[3] : t[1]*60 + t[2] }
      /User time \(seconds\)/ { u = $2 }
      /System time \(seconds\)/ { y = $2 }
      /Maximum resident set size/ { r = $2 }
      END { printf "%d %.2f %d %.2f\n", i, w, r, u + y }' "$WORK/time.txt" >>"$WORK/$mode.tsv"
    if (( i % 10 == 0 )); then log "[$mode] $i of $FILES loads, last: $(tail -1 "$WORK/$mode.tsv"), load average $(cut -d' ' -f1-3 /proc/loadavg)"; fi
  done
  local projects
  projects=$(./mizan query "$COUNT" --format csv | tail -1)
  report "$mode" "$projects"
}

if [[ "${BENCH_BOTH:-0}" == 1 ]]; then
  series incremental
  series full
elif [[ "${BENCH_FULL:-0}" == 1 ]]; then
  series full
else
  series incremental
fi
