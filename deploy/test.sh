#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: set-up, then jest (unit, simulation,
# integration on real namespaced Docker hosts). Results: .test-results.json (jest --json).
set -uo pipefail
cd "$(dirname "$0")/.."
bash deploy/bootstrap.sh || exit 1
results=.test-results.json
rm -f "$results"
# Integration tests run in band: they drive real dockerd processes on 2 cores.
npx jest --runInBand --json --outputFile="$results" "$@"
status=$?
# Labs left by a crashed test run (names start with "t"; tests remove their own).
for dir in /var/lib/shoal-lab/t*; do
  [ -d "$dir" ] && node dist/cli/shoal.js lab down --name "$(basename "$dir")" || true
done
exit $status
