#!/usr/bin/env bash
# Builds the Dummy plugin and runs peregrine with it in-process. Extra arguments go to peregrine.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
dotnet build -c Release "$HERE/Dummy.csproj" -o "$HERE/build" >/dev/null
cd "$HERE"
exec dotnet run -c Release --project "$ROOT/src/Peregrine.Cli" -- \
  -c falco.yaml -o plugins_dir="$HERE/build" "$@"
