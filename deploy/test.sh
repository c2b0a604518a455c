#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: set-up, then jest (unit, simulation,
# integration on real namespaced Docker hosts). Results: .test-results.json (jest --json).
set -uo pipefail
cd "$(dirname "$0")/.."
bash deploy/bootstrap.sh || exit 1
results=.test-results.json
rm -f "$results"
# Labs made by this run carry this owner, so the sweep below never touches other runs' labs.
export SHOAL_LAB_OWNER="test-run-$$"
# Integration tests run in band: they drive real dockerd processes on 2 cores.
npx jest --runInBand --json --outputFile="$results" "$@"
status=$?
# Labs a crashed test left behind (tests remove their own).
for state in /var/lib/shoal-lab/*/state.json; do
  if [ -f "$state" ] && grep -q "\"owner\": \"$SHOAL_LAB_OWNER\"" "$state"; then
    node dist/cli/shoal.js lab down --name "$(basename "$(dirname "$state")")" || true
  fi
done
exit $status
