#!/usr/bin/env bash
# Reads every dataset of a Mizan lake with Apache Spark in local mode (spark-sql 4, Maven project bench/spark) and with
# DuckDB, and prints each dataset's rows and sums from both and whether they are equal. Not a test: Spark is heavy
# (about 300 MB of jars, fetched by Maven on the first run).
#   bench/spark-read.sh [LAKE_DIR]      default: var/demo/lake (make it with ./mizan demo)
set -euo pipefail
cd "$(dirname "$0")/.."
lake="${1:-var/demo/lake}"
if [ ! -d "$lake" ]; then
  echo "no lake at $lake: run ./mizan demo first, or pass a home's lake folder" >&2
  exit 2
fi
cd bench/spark
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
cd - >/dev/null
# the module openings Spark's own launcher passes on Java 17
opens=()
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens+=("--add-opens=java.base/$p=ALL-UNNAMED")
done
exec java -Xmx1g "${opens[@]}" -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true \
  -cp "bench/spark/target/classes:$(cat bench/spark/target/classpath.txt)" org.mizan.bench.SparkRead "$lake"
