#!/bin/sh
# The scan benchmark of issue 4 (see docs/performance.md): builds the distribution and this module, then seeds moto
# with N IAM users, S3 buckets and EBS volumes, measures moto's own rate, runs 'evidentry scan' in its own JVM and
# writes report.md and report.json to bench/results/<UTC timestamp>-n<N>/ (or --out DIR).
#
#   bench/run.sh [--no-build] [--n N] [--regions r1,r2,...] [--out DIR] [--xmx 256m] [--smoke]
#
# --no-build skips the Maven build (use it when distribution/target/evidentry and bench/target are current).
# Needs a JDK 17+ and moto_server on the PATH (pip install 'moto[server]'), or MOTO_SERVER=/path/to/moto_server.
# Exit code: 0 every target met, 1 a target missed, 2 the benchmark could not run.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
build=yes
if [ "${1:-}" = "--no-build" ]; then
  build=no
  shift
fi
cd "$root"
if [ "$build" = yes ]; then
  ./mvnw -B -q -DskipTests package
fi
if [ ! -f bench/target/classpath.txt ] || [ ! -d bench/target/classes ]; then
  echo "bench/run.sh: bench/target is not built; run without --no-build" >&2
  exit 2
fi
java_cmd=${JAVA_HOME:+$JAVA_HOME/bin/}java
exec "$java_cmd" -Dmoto.server="${MOTO_SERVER:-moto_server}" \
  -Devidentry.distribution="$root/distribution/target/evidentry" \
  -Daws.disableEc2Metadata=true \
  -cp "$root/bench/target/classes:$(cat bench/target/classpath.txt)" \
  dev.evidentry.bench.Benchmark "$@"
