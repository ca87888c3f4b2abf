#!/usr/bin/env bash
# Runs peregrine on the counter example: builds the C counter plugin (the test fixture) with gcc,
# then runs the rules in rules.yaml over its 45 events. Extra arguments go to peregrine
# (e.g. -o json_output=true, -v, -L).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NATIVE="$ROOT/tests/Peregrine.TestSupport/NativePlugins"
mkdir -p "$HERE/build"
gcc -std=gnu11 -O2 -shared -fPIC -I "$NATIVE" "$NATIVE/counter.c" -o "$HERE/build/libcounter.so"
cd "$HERE"
exec dotnet run -c Release --project "$ROOT/src/Peregrine.Cli" -- \
  -c falco.yaml -o plugins_dir="$HERE/build" "$@"
