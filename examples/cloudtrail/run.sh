#!/usr/bin/env bash
# Runs peregrine on the CloudTrail example: the bundled cloudtrail and json plugins read the
# CloudTrail log files under ./logs and the upstream aws_cloudtrail_rules.yaml flags what they
# show. Extra arguments go to peregrine (e.g. -o json_output=true, -v, -L).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$HERE"
exec dotnet run -c Release --project "$ROOT/src/Peregrine.Cli" -- -c falco.yaml "$@"
