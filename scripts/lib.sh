# Shared set-up for scripts/test and scripts/demo: a Python 3.12 virtualenv with the
# package, PostgreSQL and Redis on loopback. Safe to run again; it only adds what is missing.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${SERVICES_VENV:-$ROOT/.venv}"
export SERVICES_DATABASE_URL="${SERVICES_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/saleor_services}"
export SERVICES_REDIS_URL="${SERVICES_REDIS_URL:-redis://127.0.0.1:6379/0}"

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

_is_python312() { "$1" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 12))' >/dev/null 2>&1; }

find_python312() {
  local candidate
  for candidate in python3.12 python3 python; do
    if command -v "$candidate" >/dev/null 2>&1 && _is_python312 "$candidate"; then
      command -v "$candidate"; return 0
    fi
  done
  if command -v pyenv >/dev/null 2>&1; then
    for candidate in "$(pyenv root)"/versions/3.12*/bin/python; do
      if [ -x "$candidate" ] && _is_python312 "$candidate"; then echo "$candidate"; return 0; fi
    done
  fi
  die "no working Python 3.12 found (looked on PATH for python3.12/python3/python, then in pyenv's versions). Install Python 3.12 and run again."
}

_apt_install() {
  command -v apt-get >/dev/null 2>&1 || die "cannot install $* (no apt-get); install it and run again."
  say "Installing $* with apt"
  if [ -z "${_APT_UPDATED:-}" ]; then apt-get update -qq >/dev/null; _APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_venv() {
  local stamp="$VENV/.installed" python
  if [ ! -x "$VENV/bin/python" ] || ! _is_python312 "$VENV/bin/python"; then
    python="$(find_python312)"
    say "Creating the virtualenv $VENV with $python"
    rm -rf "$VENV"
    "$python" -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ "$ROOT/pyproject.toml" -nt "$stamp" ]; then
    say "Installing saleor-services and its test tools"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e "$ROOT[test]"
    touch "$stamp"
  fi
}

_pg_url_part() { "$VENV/bin/python" -c "from urllib.parse import urlsplit; import sys; u = urlsplit(sys.argv[1]); print({'host': u.hostname or '127.0.0.1', 'port': u.port or 5432, 'user': u.username or 'postgres', 'db': u.path.lstrip('/')}[sys.argv[2]])" "$SERVICES_DATABASE_URL" "$1"; }

ensure_postgres() {
  local host port user
  host="$(_pg_url_part host)"; port="$(_pg_url_part port)"; user="$(_pg_url_part user)"
  if ! command -v pg_ctlcluster >/dev/null 2>&1 && ! command -v pg_isready >/dev/null 2>&1; then
    _apt_install postgresql
  fi
  if ! pg_isready -q -h "$host" -p "$port"; then
    say "Starting PostgreSQL"
    local version
    version="$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)"
    [ -n "$version" ] || { _apt_install postgresql; version="$(ls /etc/postgresql | sort -V | tail -n 1)"; }
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || pg_ctlcluster "$version" main start
    for _ in $(seq 1 30); do pg_isready -q -h "$host" -p "$port" && break; sleep 1; done
    pg_isready -q -h "$host" -p "$port" || die "PostgreSQL did not start on $host:$port"
  fi
  if ! psql -h "$host" -p "$port" -U "$user" -d postgres -Atqc 'select 1' >/dev/null 2>&1; then
    # A freshly installed Debian cluster asks for passwords on TCP; trust loopback.
    say "Letting $user connect over loopback without a password"
    local hba
    hba="$(su postgres -c "psql -Atqc 'show hba_file'")"
    sed -i '1i host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust' "$hba"
    su postgres -c "psql -qc 'select pg_reload_conf()'" >/dev/null
    if [ "$user" != postgres ]; then su postgres -c "createuser -s $user" || true; fi
    psql -h "$host" -p "$port" -U "$user" -d postgres -Atqc 'select 1' >/dev/null \
      || die "cannot connect to PostgreSQL as $user on $host:$port"
  fi
}

ensure_database() {
  local host port user db
  host="$(_pg_url_part host)"; port="$(_pg_url_part port)"; user="$(_pg_url_part user)"; db="$(_pg_url_part db)"
  if [ "$(psql -h "$host" -p "$port" -U "$user" -d postgres -Atqc "select 1 from pg_database where datname = '$db'")" != 1 ]; then
    say "Creating the database $db"
    createdb -h "$host" -p "$port" -U "$user" "$db"
  fi
}

ensure_redis() {
  local host port
  host="$("$VENV/bin/python" -c "from urllib.parse import urlsplit; import sys; print(urlsplit(sys.argv[1]).hostname or '127.0.0.1')" "$SERVICES_REDIS_URL")"
  port="$("$VENV/bin/python" -c "from urllib.parse import urlsplit; import sys; print(urlsplit(sys.argv[1]).port or 6379)" "$SERVICES_REDIS_URL")"
  command -v redis-server >/dev/null 2>&1 || _apt_install redis-server
  if ! redis-cli -h "$host" -p "$port" ping >/dev/null 2>&1; then
    say "Starting Redis"
    mkdir -p /var/lib/redis /var/log/redis
    redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/saleor-services.log
    for _ in $(seq 1 20); do redis-cli -h "$host" -p "$port" ping >/dev/null 2>&1 && break; sleep 0.5; done
    redis-cli -h "$host" -p "$port" ping >/dev/null 2>&1 || die "Redis did not start on $host:$port"
  fi
}

# The lowest Node.js the Dashboard extension's tool chain supports: package.json's engines.node.
node_minimum() {
  sed -n 's/^ *"node": *">= *v\{0,1\}\([0-9][0-9.]*\)".*/\1/p' "$ROOT/dashboard-extension/package.json" | head -n 1
}

# True when version $1 (e.g. 20.20.2) is at least $2 (e.g. 20.19).
_version_at_least() { [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" = "$2" ]; }

ensure_node() {
  local minimum found
  minimum="$(node_minimum)"
  [ -n "$minimum" ] || die "dashboard-extension/package.json has no \"engines\": {\"node\": \">=X.Y\"}"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    _apt_install nodejs npm
  fi
  found="$(node --version 2>/dev/null || true)"
  found="${found#v}"
  if [ -z "$found" ] || ! _version_at_least "$found" "$minimum"; then
    die "the Dashboard extension needs Node.js >= $minimum with npm; $(command -v node) is ${found:-not working}. Install Node.js $minimum or later (e.g. from NodeSource or nvm) so that it comes first on PATH, and run again."
  fi
}

ensure_frontend() {
  local app="$ROOT/dashboard-extension" stamp="$ROOT/dashboard-extension/node_modules/.installed"
  ensure_node
  if [ ! -f "$stamp" ] || [ "$app/package-lock.json" -nt "$stamp" ]; then
    say "Installing the Dashboard extension's packages"
    (cd "$app" && npm ci --no-audit --no-fund --loglevel=error)
    touch "$stamp"
  fi
  say "Building the Dashboard extension into saleor_services/dashboard/static/"
  (cd "$app" && npm run --silent build >/dev/null)
}

ensure_chromium() {
  export SERVICES_CHROMIUM="${SERVICES_CHROMIUM:-/usr/bin/chromium}"
  [ -x "$SERVICES_CHROMIUM" ] || _apt_install chromium
  [ -x "$SERVICES_CHROMIUM" ] || die "Chromium is not at $SERVICES_CHROMIUM"
}

setup_all() {
  ensure_venv
  ensure_postgres
  ensure_database
  ensure_redis
  ensure_frontend
}
