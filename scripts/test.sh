#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the solution, runs all test projects.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
dotnet build Gen.sln -c Release
dotnet test Gen.sln -c Release --no-build "$@"
