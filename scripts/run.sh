#!/usr/bin/env bash
# Command 1: install what is missing, build, and start the whole platform (AppHost). Ctrl+C stops everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/web.sh build
exec dotnet run --project LlmLab.AppHost -c Release -- "$@"
