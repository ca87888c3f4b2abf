#!/usr/bin/env bash
# Publishes the bundled plugins with NativeAOT as Falco plugin libraries named as Falco's own
# (libjson.so, libcloudtrail.so, libk8saudit.so), for upstream Falco or a NativeAOT peregrine.
#
#   plugins/publish-native.sh [OUTPUT_DIR]                  # OUTPUT_DIR/lib<name>.so (default out/native-plugins)
#   plugins/publish-native.sh --bundled-layout OUTPUT_DIR   # OUTPUT_DIR/<name>/lib<name>.so, the layout
#                                                           # a NativeAOT peregrine looks for beside itself
#
# Falco: copy the .so files to /usr/share/falco/plugins/ (or point library_path at them).
# Each plugin builds in its own artifacts folder, so this never races other builds of the tree.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
LAYOUT=flat
if [[ "${1:-}" == "--bundled-layout" ]]; then LAYOUT=bundled; shift; fi
OUT=${1:-$ROOT/out/native-plugins}
mkdir -p "$OUT"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
for entry in Json:json CloudTrail:cloudtrail K8sAudit:k8saudit; do
  project=${entry%%:*}; name=${entry##*:}
  if ! dotnet publish "$ROOT/plugins/$project" -c Release -r linux-x64 -p:PublishAot=true \
      --artifacts-path "$WORK/artifacts-$name" -o "$WORK/$name" > "$WORK/$name.log" 2>&1; then
    cat "$WORK/$name.log" >&2
    echo "publishing the $name plugin with NativeAOT failed" >&2
    exit 1
  fi
  target="$OUT/lib$name.so"
  if [[ "$LAYOUT" == bundled ]]; then mkdir -p "$OUT/$name"; target="$OUT/$name/lib$name.so"; fi
  cp "$WORK/$name/Peregrine.Plugins.$project.so" "$target"
  echo "$target"
done
