#!/usr/bin/env bash
# Whole-process throughput of peregrine with the bundled plugins and the upstream rules:
#   1. cloudtrail over RECORDS generated CloudTrail records (a directory of log files, some .gz)
#   2. k8saudit over EVENTS generated audit events in one JSON-lines file
#   3. k8saudit through its webhook: the same events posted as EventList bodies
# Prints events/s and peak RSS (from /usr/bin/time) for each; every alert goes to a file.
#
#   bench/bundled/run.sh                            # 1M records / 1M events
#   RECORDS=200000 EVENTS=200000 bench/bundled/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
HERE="$ROOT/bench/bundled"
RECORDS=${RECORDS:-1000000}
EVENTS=${EVENTS:-1000000}
PORT=${PORT:-19765}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

dotnet publish "$ROOT/src/Peregrine.Cli" -c Release -o "$WORK/bin" >/dev/null
PEREGRINE=(dotnet "$WORK/bin/peregrine.dll")
python3 "$HERE/generate_cloudtrail.py" "$RECORDS" "$WORK/cloudtrail"
python3 "$HERE/generate_k8saudit.py" "$EVENTS" "$WORK/k8saudit.jsonl"

config() { # plugin open_params rules
  cat <<YAML
plugins:
  - name: $1
    open_params: "$2"
  - name: json
load_plugins: [$1, json]
rules_files: [$3]
stdout_output: {enabled: false}
file_output: {enabled: true, keep_alive: true, filename: $WORK/alerts.txt}
buffered_outputs: true
log_stderr: true
log_level: error
log_syslog: false
YAML
}

report() { # label events
  local eps rss wall detected lines
  eps=$(sed -n 's/.*Captured Events: \([0-9]*\), \([0-9.]*\) eps.*/\2/p' "$WORK/err.txt")
  rss=$(sed -n 's/maxrss_kb=\([0-9]*\).*/\1/p' "$WORK/err.txt")
  wall=$(sed -n 's/.*wall_s=//p' "$WORK/err.txt")
  detected=$(sed -n 's/^Events detected: //p' "$WORK/out.txt")
  lines=$(wc -l < "$WORK/alerts.txt")
  printf '%-28s events=%-9s loop_events/s=%-12s process_wall_s=%-7s peak_rss_mb=%-5s alerts=%-8s alert_lines=%s\n' \
    "$1" "$2" "$eps" "$wall" "$((rss / 1024))" "$detected" "$lines"
}

measure() { # label plugin open_params rules events
  config "$2" "$3" "$4" > "$WORK/falco.yaml"
  rm -f "$WORK/alerts.txt"
  /usr/bin/time -f "maxrss_kb=%M wall_s=%e" "${PEREGRINE[@]}" -c "$WORK/falco.yaml" -v > "$WORK/out.txt" 2> "$WORK/err.txt"
  report "$1" "$5"
}

measure "cloudtrail, directory" cloudtrail "$WORK/cloudtrail" "$ROOT/reference/rules/current/aws_cloudtrail_rules.yaml" "$RECORDS"
measure "k8saudit, file" k8saudit "$WORK/k8saudit.jsonl" "$ROOT/reference/rules/current/k8s_audit_rules.yaml" "$EVENTS"

# The webhook: peregrine serves it until SIGTERM; the client's rate is the intake rate.
config k8saudit "http://127.0.0.1:$PORT/k8s-audit" "$ROOT/reference/rules/current/k8s_audit_rules.yaml" > "$WORK/falco.yaml"
rm -f "$WORK/alerts.txt"
/usr/bin/time -f "maxrss_kb=%M wall_s=%e" "${PEREGRINE[@]}" -c "$WORK/falco.yaml" -v > "$WORK/out.txt" 2> "$WORK/err.txt" &
SERVER=$!
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  sleep 0.2
done
python3 "$HERE/post_k8saudit.py" "$WORK/k8saudit.jsonl" "http://127.0.0.1:$PORT/k8s-audit" 500 4 | tee "$WORK/post.json"
sleep 1
kill -TERM "$(pgrep -P $SERVER -f peregrine.dll || echo $SERVER)" 2>/dev/null || true
wait $SERVER || true
report "k8saudit, webhook (server)" "$EVENTS"
echo "webhook events counted by peregrine: $(sed -n 's/.*Captured Events: \([0-9]*\).*/\1/p' "$WORK/err.txt")"
