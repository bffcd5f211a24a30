# Sourced by test.sh: the console's browser tests drive Debian's chromium (Playwright's own browser download cannot
# work here). Installs it with apt-get when this machine has none; GREENLIGHT_CHROMIUM names another binary.

ensure_chromium() {
  if [ -n "${GREENLIGHT_CHROMIUM:-}" ] || command -v chromium >/dev/null 2>&1; then return 0; fi
  echo "chromium is not installed; installing it with apt-get." >&2
  local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >&2
}
