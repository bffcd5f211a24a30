#!/usr/bin/env bash
# Builds the host exactly as an older commit had it (git archive of that commit, Release) once, into a cache folder
# outside the checkout, and prints the folder holding its Greenlight.Host.dll. RollingUpgradeTests run it beside
# today's host; test.sh builds the newest upgrade fixture's commit (its MADE-BY) before the tests start.
#   scripts/build-old-host.sh <commit>        (no argument: the newest fixture's MADE-BY commit)
# GREENLIGHT_HOST_CACHE moves the cache (default ~/.cache/greenlight-hosts); a folder per commit, reused afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."

newest_fixture_commit() {
  local made_by; made_by="$(ls -d tests/Fixtures/upgrade/*/ | sort | tail -n 1)MADE-BY"
  awk '$1 == "commit" { print $2 }' "$made_by"
}

# The host's source at that commit: from git, or, where the checkout has no history (a shallow or exported one), from
# the upgrade fixture that commit made (host-source.tar.gz, saved by make-upgrade-fixture.sh).
host_source() {
  if git cat-file -e "$1^{commit}" 2>/dev/null; then
    git archive "$1" Directory.Build.props Directory.Build.targets Directory.Packages.props config src modules
    return
  fi
  local made_by
  for made_by in tests/Fixtures/upgrade/*/MADE-BY; do
    if grep -qx "commit $1" "$made_by" && [ -f "$(dirname "$made_by")/host-source.tar.gz" ]; then
      gzip -dc "$(dirname "$made_by")/host-source.tar.gz"
      return
    fi
  done
  echo "The source of $1 is neither in git nor in an upgrade fixture." >&2
  return 1
}

commit="${1:-$(newest_fixture_commit)}"
commit="$(git rev-parse --verify -q "$commit^{commit}" 2>/dev/null || echo "$commit")"
cache="${GREENLIGHT_HOST_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/greenlight-hosts}"
built="$cache/$commit/src/Greenlight.Host/bin/Release/net10.0"
if [ ! -f "$cache/$commit/BUILT" ]; then
  mkdir -p "$cache"
  work="$(mktemp -d "$cache/$commit.building.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  host_source "$commit" | tar -x -C "$work"
  echo "Building the host of $commit (once, into $cache)." >&2
  dotnet build "$work/src/Greenlight.Host/Greenlight.Host.csproj" -c Release -nologo -v quiet -clp:ErrorsOnly >&2
  # Another run may have finished the same build meanwhile: keep the first.
  touch "$work/BUILT"
  mv -T "$work" "$cache/$commit" 2>/dev/null || true
fi
echo "$built"
