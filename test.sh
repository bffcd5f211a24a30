#!/usr/bin/env bash
# Runs every test of every project, against a throwaway PostgreSQL on loopback, and ends with
# one line: "N passed, N failed". Exits non-zero when anything failed.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/postgres.sh
start_throwaway_postgres
source scripts/chromium.sh
ensure_chromium

results="$(mktemp -d /tmp/greenlight-tests.XXXXXX)"
status=0
dotnet build Host.sln -c Release -nologo -v quiet -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }
# The host of the newest upgrade fixture's commit, for RollingUpgradeTests (cached per commit outside the checkout).
scripts/build-old-host.sh >/dev/null || { echo "0 passed, 1 failed"; exit 1; }
# One test project at a time (-m:1): several of them start hosts, processes and PostgreSQL databases, and
# on a 2-core machine running them side by side only turns their timeouts into noise.
dotnet test Host.sln -c Release --no-build -nologo -m:1 --logger "trx" --results-directory "$results" "$@" || status=$?

# Sum the counters of every test project's results file.
read -r passed failed < <(python3 - "$results" <<'PY'
import glob, sys, xml.etree.ElementTree as ET
passed = failed = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    counters = ET.parse(path).getroot().find(".//{*}ResultSummary/{*}Counters")
    passed += int(counters.get("passed", 0))
    failed += int(counters.get("failed", 0)) + int(counters.get("error", 0)) + int(counters.get("timeout", 0))
print(passed, failed)
PY
)
rm -rf "$results"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
exit "$status"
