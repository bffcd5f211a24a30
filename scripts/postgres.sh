# Sourced by test.sh: starts a throwaway PostgreSQL on loopback for the tests and stops it on exit.
# Installs PostgreSQL with apt-get when this machine has none. Exports GREENLIGHT_TEST_POSTGRES.

pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

start_throwaway_postgres() {
  if [ -z "$(pg_bin)" ]; then
    echo "PostgreSQL is not installed; installing it with apt-get." >&2
    local sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq postgresql >&2
  fi
  local bin; bin="$(pg_bin)"
  PG_DIR="$(mktemp -d /tmp/greenlight-pg.XXXXXX)"
  # PostgreSQL refuses to run as root: as root, run it as the postgres user the package created.
  local as=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$PG_DIR"; as=(runuser -u postgres --); fi
  "${as[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 >/dev/null
  # Another server (another checkout's tests) may take a port between the check and the start: try the next.
  local port="${GREENLIGHT_TEST_PG_PORT:-55432}" started=""
  for _ in $(seq 1 20); do
    if ! (echo > "/dev/tcp/127.0.0.1/$port") 2>/dev/null && "${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w start \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $PG_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=400" >/dev/null; then
      started=yes; break
    fi
    port=$((port + 1))
  done
  if [ -z "$started" ]; then echo "Could not start PostgreSQL; see $PG_DIR/log" >&2; return 1; fi
  PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate stop)
  trap stop_throwaway_postgres EXIT
  export GREENLIGHT_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Maximum Pool Size=40"
  echo "Throwaway PostgreSQL on 127.0.0.1:$port" >&2
}

stop_throwaway_postgres() {
  "${PG_STOP[@]}" >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
