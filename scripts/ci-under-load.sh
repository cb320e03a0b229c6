#!/usr/bin/env bash
# Runs the whole suite (npm test) while every core is kept busy by a process spinning beside it, as on a shared CI
# machine. A test that passes only when the machine is idle is racing the clock; this run shows it.
set -uo pipefail
cd "$(dirname "$0")/.."

cores=$(nproc)
load=()
stop_load() {
  for pid in "${load[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${load[@]}"; do wait "$pid" 2>/dev/null; done
  load=()
}
trap stop_load EXIT
trap 'stop_load; exit 130' INT TERM

for _ in $(seq "$cores"); do
  node -e 'for (;;) {}' &
  load+=("$!")
done
echo "== under load: ${#load[@]} busy process(es), one per core"

npm test
