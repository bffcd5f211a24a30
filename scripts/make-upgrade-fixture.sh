#!/usr/bin/env bash
# Saves tests/Fixtures/upgrade/<name>/: a store with every kind of object made by the host built at the current
# commit, on the embedded SQLite store and on PostgreSQL (a pg_dump in plain SQL), with the test master key, the
# administrator's token, what every read answered, and MADE-BY naming the commit. UpgradeTests start today's host on
# every fixture there. Make a new one when a change alters what is stored (see README, "Data and backups").
#   scripts/make-upgrade-fixture.sh 2026-12-orleans
set -euo pipefail
cd "$(dirname "$0")/.."

name="${1:?usage: scripts/make-upgrade-fixture.sh <name>, e.g. $(date -u +%Y-%m)-what-changed}"
target="tests/Fixtures/upgrade/$name"
if [ -e "$target" ]; then echo "$target already exists." >&2; exit 1; fi
if [ -n "$(git status --porcelain)" ]; then
  echo "Commit your changes first: the fixture names the commit that made it." >&2; exit 1
fi

source scripts/postgres.sh
start_throwaway_postgres
GREENLIGHT_MAKE_UPGRADE_FIXTURE="$PWD/$target" GREENLIGHT_PG_DUMP="$(pg_bin)/pg_dump" \
  dotnet test tests/Greenlight.Host.Tests -nologo -v quiet --filter "FullyQualifiedName~UpgradeFixtureMaker"

{
  echo "commit $(git rev-parse HEAD)"
  echo "made $(date -u +%Y-%m-%dT%H:%M:%SZ) by scripts/make-upgrade-fixture.sh"
  echo "postgresql $("$(pg_bin)/pg_dump" --version)"
} > "$target/MADE-BY"
# The host's source at this commit, so that the rolling-upgrade test can build this version without git history.
git archive HEAD Directory.Build.props Directory.Build.targets Directory.Packages.props config src modules | gzip -9 > "$target/host-source.tar.gz"
du -sh "$target"
