#!/usr/bin/env bash
# The web app: `bash scripts/web.sh build` installs its npm packages (the versions in package-lock.json) and builds
# web/dist, which the gateway serves at /. `bash scripts/web.sh test` runs its unit tests (Vitest).
set -euo pipefail
cd "$(dirname "$0")/../web"
if ! command -v npm >/dev/null 2>&1; then
  echo "web: Node.js 20+ with npm is required (node and npm were not found on PATH)." >&2
  exit 1
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules ]; then
  # npm install, not npm ci: the lock written here lists only this platform's optional binaries (rollup, esbuild), which npm ci rejects.
  npm install --no-audit --no-fund --loglevel=error
fi
case "${1:-build}" in
  build) npm run --silent build ;;
  test) NO_COLOR=1 FORCE_COLOR=0 npx vitest run ;;
  *) echo "usage: scripts/web.sh [build|test]" >&2; exit 2 ;;
esac
