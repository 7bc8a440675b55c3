#!/usr/bin/env bash
# Reads every dataset of a Mizan lake with Trino (a single-node server started here: Hive connector, file metastore,
# the local file system) and with DuckDB, and prints each dataset's rows and sums from both and whether they are
# equal. Each dataset is registered with README.md's statements ("Reading the lake from other engines"). Not a test:
# Trino is heavy (an 820 MB server archive from Maven Central on the first run, kept in TRINO_CACHE).
#   bench/trino-read.sh [LAKE_DIR]      default: var/demo/lake (make it with ./mizan demo)
# Environment: TRINO_VERSION (476), TRINO_JAVA_HOME (/usr/lib/jvm/temurin-25-jdk-amd64: Trino 476 needs Java 24 or
# later), TRINO_CACHE (~/.cache/mizan-trino), TRINO_PORT (18089), TRINO_HEAP (1G), TRINO_KEEP=1 keeps the server's
# work directory (configuration, metastore, log).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
lake="$(cd "${1:-var/demo/lake}" 2>/dev/null && pwd || true)"
if [ -z "$lake" ]; then
  echo "no lake at ${1:-var/demo/lake}: run ./mizan demo first, or pass a home's lake folder" >&2
  exit 2
fi
version=${TRINO_VERSION:-476}
java25=${TRINO_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
cache=${TRINO_CACHE:-$HOME/.cache/mizan-trino}
port=${TRINO_PORT:-18089}
[ -x "$java25/bin/java" ] || { echo "no Java at $java25 (Trino $version needs Java 24 or later): set TRINO_JAVA_HOME" >&2; exit 2; }
log() { printf '== %s\n' "$*" >&2; }

# --- the server and the client, from Maven Central (online on purpose: PITFALLS 14), once
server="$cache/trino-server-$version"
cli="$cache/trino-cli-$version-executable.jar"
mkdir -p "$cache"
if [ ! -f "$cli" ]; then
  log "fetching io.trino:trino-cli:$version:jar:executable"
  mvn -B -q -Dstyle.color=never dependency:copy "-Dartifact=io.trino:trino-cli:$version:jar:executable" "-DoutputDirectory=$cache" >&2
fi
if [ ! -x "$server/bin/launcher" ]; then
  if [ ! -f "$cache/trino-server-$version.tar.gz" ]; then
    log "fetching io.trino:trino-server:$version:tar.gz (about 820 MB)"
    mvn -B -q -Dstyle.color=never dependency:copy "-Dartifact=io.trino:trino-server:$version:tar.gz" "-DoutputDirectory=$cache" >&2
  fi
  log "unpacking the server (only the Hive plugin is kept)"
  rm -rf "$server"
  # the plugins share jars as hard links: unpack them all, then drop every plugin but hive
  tar xzf "$cache/trino-server-$version.tar.gz" -C "$cache"
  find "$server/plugin" -mindepth 1 -maxdepth 1 -type d ! -name hive -exec rm -rf {} +
  rm -f "$cache/trino-server-$version.tar.gz"
fi

# --- a single-node server: coordinator and worker in one JVM, Hive catalog on a file metastore and the local disk
work=$(mktemp -d "${TMPDIR:-/tmp}/mizan-trino.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  if [ "${TRINO_KEEP:-0}" = 1 ]; then echo "work directory kept: $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
mkdir -p "$work/etc/catalog" "$work/data" "$work/metastore"
cat >"$work/etc/node.properties" <<EOF
node.environment=mizan_bench
node.id=mizan-bench-1
node.data-dir=$work/data
EOF
cat >"$work/etc/jvm.config" <<EOF
-server
-Xmx${TRINO_HEAP:-1G}
-XX:+UseG1GC
-XX:+ExplicitGCInvokesConcurrent
-XX:+ExitOnOutOfMemoryError
-XX:-OmitStackTraceInFastThrow
-XX:ReservedCodeCacheSize=256M
-XX:+EnableDynamicAgentLoading
-Djdk.attach.allowAttachSelf=true
-Dfile.encoding=UTF-8
EOF
cat >"$work/etc/config.properties" <<EOF
coordinator=true
node-scheduler.include-coordinator=true
http-server.http.port=$port
discovery.uri=http://127.0.0.1:$port
query.max-memory=256MB
query.max-memory-per-node=256MB
EOF
cat >"$work/etc/log.properties" <<EOF
io.trino=WARN
EOF
# README.md's catalog: the Hive connector over the local file system, instants as written (UTC) and to the
# microsecond (the Hive connector's default precision is milliseconds, and a timestamp(6) column is refused then)
cat >"$work/etc/catalog/hive.properties" <<EOF
connector.name=hive
hive.metastore=file
hive.metastore.catalog.dir=local://$work/metastore
fs.native-local.enabled=true
local.location=/
hive.parquet.time-zone=UTC
hive.timestamp-precision=MICROSECONDS
EOF

log "starting Trino $version on port $port (Java: $java25; log: $work/server.log)"
t0=$(date +%s)
JAVA_HOME=$java25 PATH="$java25/bin:$PATH" "$server/bin/launcher" run --etc-dir="$work/etc" \
  --data-dir="$work/data" >"$work/server.log" 2>&1 &
pid=$!
# ready when /v1/info says it has finished starting; the server's death or 10 minutes end the wait (a hang guard)
until curl -sf "http://127.0.0.1:$port/v1/info" 2>/dev/null | grep -q '"starting":false'; do
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "Trino stopped while starting; last lines of $work/server.log:" >&2
    tail -n 40 "$work/server.log" >&2
    exit 1
  fi
  if (( $(date +%s) - t0 > 600 )); then
    echo "Trino had not started after 10 minutes; last lines of $work/server.log:" >&2
    tail -n 40 "$work/server.log" >&2
    exit 1
  fi
  sleep 1
done
log "Trino started in $(( $(date +%s) - t0 )) s"

# --- the reader: Mizan's classes (the datasets and their schemas) and the pom's DuckDB
[ -d target/classes/org/mizan/lake ] || mvn -B -q -DskipTests compile >&2
mvn -B -q dependency:build-classpath "-Dmdep.outputFile=$work/cp.txt" >"$work/mvn.log" 2>&1 \
  || { cat "$work/mvn.log" >&2; exit 1; }
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "target/classes:$(cat "$work/cp.txt")" bench/TrinoRead.java
java -Xmx512m -cp "$work/classes:target/classes:$(cat "$work/cp.txt")" TrinoRead "$lake" \
  "$java25/bin/java" --enable-native-access=ALL-UNNAMED -jar "$cli" --server "http://127.0.0.1:$port"
