#!/bin/sh
# The endpoint fleet benchmark (see docs/performance.md, "Endpoint fleet"): writes an osqueryd snapshot result log for N hosts
# (bench/endpoint/fleet.py), scans it with the endpoint provider in its own JVM, and writes the wall time, the peak
# resident memory and the verdict counts to bench/results/<UTC timestamp>-endpoint-n<N>/report.md.
#
#   bench/endpoint-fleet.sh [--no-build] [--n N] [--xmx 256m]
#
# Needs a JDK 17+, python3 and GNU time (/usr/bin/time). Exit code: 0 the scan ran (whatever its verdicts), 2 it could
# not run.
set -e
root=$(cd "$(dirname "$0")/.." && pwd)
build=yes
n=10000
xmx=256m
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=no ;;
    --n) n=$2; shift ;;
    --xmx) xmx=$2; shift ;;
    *) echo "bench/endpoint-fleet.sh: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done
cd "$root"
if [ "$build" = yes ]; then
  ./mvnw -B -q -DskipTests package
fi
evidentry="$root/distribution/target/evidentry/bin/evidentry"
[ -x "$evidentry" ] || { echo "bench/endpoint-fleet.sh: $evidentry is not built; run without --no-build" >&2; exit 2; }
out="$root/bench/results/$(date -u +%Y%m%dT%H%M%SZ)-endpoint-n$n"
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/bench/endpoint/fleet.py" "$n" "$work/osqueryd.snapshots.log"
lines=$(wc -l < "$work/osqueryd.snapshots.log")
bytes=$(wc -c < "$work/osqueryd.snapshots.log")
set +e
EVIDENTRY_JAVA_OPTS="-Xmx$xmx" /usr/bin/time -v "$evidentry" scan --provider endpoint --no-progress \
  --option "endpoint.osquery-results=$work/osqueryd.snapshots.log" --output "$work/bundle" \
  > "$out/scan.out" 2> "$out/time.err"
code=$?
set -e
wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$out/time.err")
rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$out/time.err")
findings=$(grep '^Findings:' "$out/scan.out" || true)
cat > "$out/report.md" <<REPORT
# Endpoint fleet benchmark, $n hosts

- input: one osqueryd snapshot result log, $lines lines, $bytes bytes (bench/endpoint/fleet.py)
- scan: evidentry scan --provider endpoint, -Xmx$xmx, exit code $code
- wall clock: $wall
- peak resident memory: $rss KiB
- $findings
REPORT
cat "$out/report.md"
[ "$code" -le 3 ] || exit 2
