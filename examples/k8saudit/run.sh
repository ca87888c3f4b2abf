#!/usr/bin/env bash
# Starts peregrine with the Kubernetes audit webhook on port 9765 (see README.md for a curl that
# posts an event). Runs until Ctrl-C. Extra arguments go to peregrine (e.g. -o json_output=true).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$HERE"
exec dotnet run -c Release --project "$ROOT/src/Peregrine.Cli" -- -c falco.yaml "$@"
