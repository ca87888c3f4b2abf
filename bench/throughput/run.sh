#!/usr/bin/env bash
# Whole-process throughput of the real peregrine program over the C counter plugin, in the four
# cases of issue 5: no rules, one rule that never matches, one rule matching every 1000th event,
# and every event alerting into a file. Prints events/s (from peregrine -v) and peak RSS
# (from /usr/bin/time) for each case.
#
#   bench/throughput/run.sh                 # 20M events per case, batch 128
#   EVENTS=50000000 BATCH=1024 bench/throughput/run.sh
#   AOT=1 bench/throughput/run.sh           # NativeAOT-published peregrine
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
EVENTS=${EVENTS:-20000000}
ALERT_EVENTS=${ALERT_EVENTS:-5000000}
BATCH=${BATCH:-128}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [[ "${AOT:-0}" == 1 ]]; then
  dotnet publish "$ROOT/src/Peregrine.Cli" -c Release -r linux-x64 -p:PublishAot=true -o "$WORK/bin" >/dev/null
  PEREGRINE=("$WORK/bin/peregrine")
else
  dotnet publish "$ROOT/src/Peregrine.Cli" -c Release -o "$WORK/bin" >/dev/null
  PEREGRINE=(dotnet "$WORK/bin/peregrine.dll")
fi
NATIVE="$ROOT/tests/Peregrine.TestSupport/NativePlugins"
gcc -std=gnu11 -O2 -shared -fPIC -I "$NATIVE" "$NATIVE/counter.c" -o "$WORK/libcounter.so"

rule() { # name condition output
  printf -- '- rule: %s\n  desc: benchmark rule\n  condition: %s\n  output: "%s"\n  priority: WARNING\n  source: counter\n' "$1" "$2" "$3"
}
printf -- '[]\n' > "$WORK/none.yaml"
rule Never "counter.value > 18000000000000000000" "never %counter.value" > "$WORK/never.yaml"
rule Thousandth "counter.mod[1000] = 0" "value=%counter.value" > "$WORK/thousandth.yaml"
rule Every "counter.value >= 0" "value=%counter.value even=%counter.even" > "$WORK/every.yaml"

config() { # rules events file_output
  cat <<YAML
plugins:
  - name: counter
    library_path: $WORK/libcounter.so
    open_params: count=$2,batch=$BATCH
rules_files: [$1]
stdout_output: {enabled: false}
file_output: {enabled: $3, keep_alive: true, filename: $WORK/alerts.txt}
buffered_outputs: true
log_stderr: false
log_syslog: false
YAML
}

measure() { # label rules events file_output
  config "$WORK/$2" "$3" "$4" > "$WORK/falco.yaml"
  rm -f "$WORK/alerts.txt"
  /usr/bin/time -f "maxrss_kb=%M wall_s=%e" "${PEREGRINE[@]}" -c "$WORK/falco.yaml" -v > "$WORK/out.txt" 2> "$WORK/err.txt"
  local eps rss wall detected lines
  eps=$(sed -n 's/.*Captured Events: \([0-9]*\), \([0-9.]*\) eps.*/\2/p' "$WORK/err.txt")
  rss=$(sed -n 's/maxrss_kb=\([0-9]*\).*/\1/p' "$WORK/err.txt")
  wall=$(sed -n 's/.*wall_s=//p' "$WORK/err.txt")
  detected=$(sed -n 's/^Events detected: //p' "$WORK/out.txt")
  lines=$( [[ -f "$WORK/alerts.txt" ]] && wc -l < "$WORK/alerts.txt" || echo 0)
  # events/s is the source loop's rate (peregrine -v); whole-process includes start-up, rules
  # loading and the final flush of every alert to the file.
  printf '%-32s events=%-10s loop_events/s=%-14s process_wall_s=%-6s whole_process_events/s=%-12s peak_rss_mb=%-5s alerts=%-9s alert_lines_in_file=%s\n' \
    "$1" "$3" "$eps" "$wall" "$(awk -v n="$3" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')" "$((rss / 1024))" "$detected" "$lines"
}

measure "1 no rules" none.yaml "$EVENTS" true
measure "2 one rule, never matches" never.yaml "$EVENTS" true
measure "3 one rule, every 1000th" thousandth.yaml "$EVENTS" true
measure "4 every event alerts to a file" every.yaml "$ALERT_EVENTS" true
