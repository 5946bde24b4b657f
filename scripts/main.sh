#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs `gen` with the given arguments
# (default: the training demo).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
dotnet build src/Cli -c Release -v quiet -nologo
if (( $# == 0 )); then set -- demo; fi
exec dotnet src/Cli/bin/Release/net10.0/gen.dll "$@"
