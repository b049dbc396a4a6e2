#!/usr/bin/env bash
# Runs a command on a busy machine: N CPU-bound processes (default 2, one per
# core here) spin beside it, as on a CI runner shared with other work, and are
# stopped afterwards, whatever the command's outcome. -r K runs the command K
# times in a row and stops at the first failure.
#
#   scripts/ci/busy-run.sh -- npx vitest run tests/integration/proposals-deadline.test.ts
#   scripts/ci/busy-run.sh -n 2 -r 3 -- npm test
set -euo pipefail

hogs=2
repeat=1
while [ $# -gt 0 ]; do
  case "$1" in
    -n) hogs="$2"; shift 2 ;;
    -r) repeat="$2"; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
if [ $# -eq 0 ]; then
  echo "usage: $0 [-n hogs] [-r times] -- command [args...]" >&2
  exit 2
fi

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait "${pids[@]}" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

for _ in $(seq 1 "$hogs"); do
  node -e 'for (;;) {}' &
  pids+=("$!")
done
echo "--- busy-run: ${hogs} CPU-bound processes (pids ${pids[*]}) beside: $*" >&2

for i in $(seq 1 "$repeat"); do
  echo "--- busy-run: run ${i} of ${repeat}" >&2
  "$@"
done
echo "--- busy-run: ${repeat} run(s) passed" >&2
