#!/usr/bin/env bash
# Kills a writer mid-append N times (default 1000) and checks, after each kill, that the
# book recovers, verifies, and still holds every event the writer acknowledged.
#
# It runs the same test as CI (LedgerCommandTests.aWriterKilledAtRandomNeverLosesAnAcknowledgedEvent,
# 50 trials there) with PLAZADESK_KILL_TRIALS=N. Usage: bench/kill-trials.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-1000}"
swift build --build-tests >/dev/null
start=$(date +%s)
if PLAZADESK_KILL_TRIALS="$trials" swift test --skip-build --filter aWriterKilledAtRandomNeverLosesAnAcknowledgedEvent; then
    verdict="passed"
else
    verdict="FAILED"
fi
echo "kill trials: $trials, $verdict, $(( $(date +%s) - start )) s"
[ "$verdict" = passed ]
