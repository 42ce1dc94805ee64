#!/usr/bin/env bash
# Installs the real Backstage backend's npm dependencies into conformance/backend/node_modules (git-ignored).
# A no-op when node_modules was installed from the same package-lock.json (sha256 stamp) and the native
# better-sqlite3 binding exists. better-sqlite3 builds from source (its prebuilt binary comes from GitHub, which
# may be unreachable): that needs node's headers, hence npm_config_nodedir=/usr, plus python3, make and a C++ compiler.
# Exit codes: 0 installed or already installed, 2 node/npm missing, other: npm failed (log: install.log).
set -euo pipefail
cd "$(dirname "$0")"

for tool in node npm; do
  if ! command -v "$tool" > /dev/null 2>&1; then
    echo "conformance backend: '$tool' is not on PATH; the conformance suite needs Node.js 20+ and npm" >&2
    exit 2
  fi
done

STAMP=node_modules/.backstage4j-lock.sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)

installed() {
  [[ -f "$STAMP" && "$(cat "$STAMP")" == "$want" && -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]]
}

# Serialise concurrent installs (two builds in one work tree) on a lock file next to this script
# (flock is util-linux; where it is missing, e.g. macOS, installs are simply not serialised).
if command -v flock > /dev/null 2>&1; then
  exec 9> .install.lock
  flock 9
fi

if installed; then
  exit 0
fi

echo "conformance backend: installing npm dependencies (npm ci, ~2.5 min: better-sqlite3 compiles from source) ..." >&2
t0=$(date +%s)
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
rm -f "$STAMP"
if ! npm ci --no-audit --no-fund > install.log 2>&1; then
  echo "conformance backend: npm ci failed after $(( $(date +%s) - t0 ))s; last lines of $PWD/install.log:" >&2
  tail -30 install.log >&2
  exit 1
fi
if [[ ! -f node_modules/better-sqlite3/build/Release/better_sqlite3.node ]]; then
  echo "conformance backend: npm ci succeeded but better-sqlite3's native binding was not built; see $PWD/install.log" >&2
  exit 1
fi
echo "$want" > "$STAMP"
echo "conformance backend: installed in $(( $(date +%s) - t0 ))s (log: $PWD/install.log)" >&2
