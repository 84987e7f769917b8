#!/usr/bin/env bash
# CoBan.Workflow test command: installs what the tests need (Debian 12), starts a private
# PostgreSQL 15 cluster on 127.0.0.1, runs `dotnet test CoBan.Workflow.sln` and prints, as the
# very last line, `N passed, N failed` (`, N skipped` when any test was skipped).
# The exit code is dotnet test's (non-zero as soon as a test failed or an assembly crashed).
#
# Without --filter it also runs the designer's smoke test (src/CoBan.Workflow.Designer/test/smoke.mjs).
#
# Environment knobs (all optional):
#   COBAN_TEST_POSTGRES    use this server instead of starting a private cluster
#   COBAN_SKIP_APT=1       never call apt-get (report missing packages only)
#   COBAN_TEST_CONFIG      build configuration (default Release)
#   COBAN_TEST_LOG         where the dotnet test output is kept (default tests/TestResults/dotnet-test.log)
#   extra arguments        passed to dotnet test, e.g. tests/run.sh --filter "FullyQualifiedName~Smtp"
set -euo pipefail

cd "$(dirname "$0")/.."
REPO_ROOT="$(pwd)"

say() { printf '[tests/run.sh] %s\n' "$*"; }

SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi
fi

# ---------------------------------------------------------------------------------------------
# 1. Debian packages (only when something is missing: no apt-get update otherwise)
# ---------------------------------------------------------------------------------------------
PG_VERSION=15
PG_BIN="/usr/lib/postgresql/${PG_VERSION}/bin"
REQUIRED_PACKAGES=(ca-certificates tzdata chromium fonts-wqy-microhei "postgresql-${PG_VERSION}" python3-aiosmtpd)

is_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

install_missing_packages() {
  if ! command -v dpkg-query >/dev/null 2>&1; then
    say "dpkg-query not found (not Debian?): not installing packages; tests needing them will fail"
    return 0
  fi
  local missing=() p
  for p in "${REQUIRED_PACKAGES[@]}"; do
    is_installed "$p" || missing+=("$p")
  done
  if [ "${#missing[@]}" -eq 0 ]; then
    say "system packages present: ${REQUIRED_PACKAGES[*]}"
    return 0
  fi
  if [ "${COBAN_SKIP_APT:-0}" = "1" ]; then
    say "missing packages (COBAN_SKIP_APT=1, not installing): ${missing[*]}"
    return 0
  fi
  if [ "$(id -u)" -ne 0 ] && [ "${#SUDO[@]}" -eq 0 ]; then
    say "missing packages and neither root nor sudo: ${missing[*]}"
    return 0
  fi
  say "installing missing packages: ${missing[*]}"
  local apt_opts=(-o DPkg::Lock::Timeout=600 -y -q)
  if ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" update \
     || ! "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get "${apt_opts[@]}" install --no-install-recommends "${missing[@]}"; then
    say "apt-get failed: tests needing ${missing[*]} will fail"
  fi
}

install_missing_packages

# ---------------------------------------------------------------------------------------------
# 2. Private PostgreSQL cluster on 127.0.0.1:<free port>, stopped on exit
# ---------------------------------------------------------------------------------------------
PG_DIR=""
PG_USER=""
PG_STARTED=0

free_port() {
  local py=/usr/bin/python3
  [ -x "$py" ] || py=python3
  "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null && return 0
  # Fallback without Python: probe a random high port with bash's /dev/tcp.
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/${port}") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

as_pg_user() {
  # Runs a command as the cluster owner, from a directory that user can read.
  if [ "$PG_USER" = "$(id -un)" ]; then
    (cd "$PG_DIR" && "$@")
  else
    (cd "$PG_DIR" && runuser -u "$PG_USER" -- "$@")
  fi
}

stop_postgres() {
  if [ "$PG_STARTED" = "1" ]; then
    as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 30 stop >/dev/null 2>&1 \
      || as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    PG_STARTED=0
  fi
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    rm -rf "$PG_DIR" || true
  fi
  PG_DIR=""
}

trap 'stop_postgres' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pg_unavailable() {
  local reason="$1"
  say "PostgreSQL NOT available: ${reason}"
  say "tests that need PostgreSQL will fail (COBAN_TEST_POSTGRES is not set)"
  export COBAN_TEST_POSTGRES_UNAVAILABLE="$reason"
  unset COBAN_TEST_POSTGRES || true
}

start_postgres() {
  if [ -n "${COBAN_TEST_POSTGRES:-}" ]; then
    say "using the given COBAN_TEST_POSTGRES (no private cluster)"
    return 0
  fi
  if [ ! -x "$PG_BIN/initdb" ] || [ ! -x "$PG_BIN/pg_ctl" ]; then
    pg_unavailable "no PostgreSQL ${PG_VERSION} binaries in ${PG_BIN}"
    return 0
  fi

  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: use the Debian package's `postgres` user, or create one.
    if id -u postgres >/dev/null 2>&1; then
      PG_USER=postgres
    else
      PG_USER=coban-pg
      id -u "$PG_USER" >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin "$PG_USER" \
        || { pg_unavailable "cannot create an unprivileged user for the cluster"; return 0; }
    fi
  else
    PG_USER="$(id -un)"
  fi

  local port
  port="$(free_port)" || { pg_unavailable "no free TCP port found"; return 0; }
  PG_DIR="$(mktemp -d /tmp/coban-test-pg.XXXXXX)"
  chmod 700 "$PG_DIR"
  if [ "$PG_USER" != "$(id -un)" ]; then chown "$PG_USER": "$PG_DIR"; fi

  local initdb_out
  if ! initdb_out="$(as_pg_user "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync 2>&1)"; then
    pg_unavailable "initdb failed: $(printf '%s' "$initdb_out" | tail -n 5)"
    return 0
  fi

  # Throw-away cluster: no durability needed; enough connections for parallel test classes.
  local opts="-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${PG_DIR}"
  opts+=" -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
  if ! as_pg_user "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -o "$opts" -w -t 60 start >/dev/null 2>&1; then
    pg_unavailable "pg_ctl start failed: $(tail -n 5 "$PG_DIR/postgres.log" 2>/dev/null | tr '\n' ' ')"
    PG_STARTED=1  # make sure a half-started server is stopped on exit
    return 0
  fi
  PG_STARTED=1

  local ready=0
  for _ in $(seq 1 60); do
    if "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$port" -U postgres -d postgres; then ready=1; break; fi
    sleep 0.5
  done
  if [ "$ready" != "1" ]; then
    pg_unavailable "server on 127.0.0.1:${port} does not accept connections: $(tail -n 5 "$PG_DIR/postgres.log" 2>/dev/null | tr '\n' ' ')"
    return 0
  fi

  export COBAN_TEST_POSTGRES="Host=127.0.0.1;Port=${port};Username=postgres;Database=postgres"
  say "PostgreSQL ${PG_VERSION} ready: ${COBAN_TEST_POSTGRES} (data in ${PG_DIR})"
}

start_postgres

# ---------------------------------------------------------------------------------------------
# 3. Browser and SMTP server used by the tests
# ---------------------------------------------------------------------------------------------
export COBAN_CHROMIUM="${COBAN_CHROMIUM:-/usr/bin/chromium}"
export COBAN_SMTPD_PYTHON="${COBAN_SMTPD_PYTHON:-/usr/bin/python3}"
[ -x "$COBAN_CHROMIUM" ] || say "warning: ${COBAN_CHROMIUM} not found: browser tests will fail"
"$COBAN_SMTPD_PYTHON" -c 'import aiosmtpd' >/dev/null 2>&1 \
  || say "warning: ${COBAN_SMTPD_PYTHON} cannot import aiosmtpd: e-mail tests will fail"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export LANG="${LANG:-C.UTF-8}"

# ---------------------------------------------------------------------------------------------
# 4. dotnet test, tee'd to the console and a log
# ---------------------------------------------------------------------------------------------
CONFIG="${COBAN_TEST_CONFIG:-Release}"
LOG="${COBAN_TEST_LOG:-$REPO_ROOT/tests/TestResults/dotnet-test.log}"
mkdir -p "$(dirname "$LOG")"

# Each run writes its trx files (one per test assembly) into a folder of its own: the closing count reads
# them, so files of an earlier run must not be counted again.
TRX_DIR="$(dirname "$LOG")/trx"
rm -rf "$TRX_DIR"; mkdir -p "$TRX_DIR"

say "dotnet test CoBan.Workflow.sln -c ${CONFIG} $* (log: ${LOG})"
set +e
# The console logger at "normal" prints one line per finished test, so a long run shows its progress.
# At that verbosity the console has no per-assembly summary line, so the count below reads the trx
# files instead (they also keep every test's duration for finding slow ones).
# The services the host tests start write their own log lines ("[10:15:00 INF] …") into the same output: the log
# file keeps them, the console shows the tests' lines only.
dotnet test CoBan.Workflow.sln -c "$CONFIG" -tl:off --results-directory "$TRX_DIR" --logger trx \
  --logger "console;verbosity=normal" "$@" 2>&1 | tee "$LOG" | grep --line-buffered -vE '^\[[0-9]{2}:[0-9]{2}:[0-9]{2} [A-Z]{3}\] '
TEST_RC=${PIPESTATUS[0]}
set -e

# ---------------------------------------------------------------------------------------------
# 4b. The designer's smoke test (node + playwright-core on the bundle the .NET build made), unless a
#     filter asked for some tests only. It prints its own "N passed, N failed" line, added below.
# ---------------------------------------------------------------------------------------------
SMOKE_PASSED=0; SMOKE_FAILED=0
if [[ " $* " != *" --filter "* ]]; then
  DESIGNER="$REPO_ROOT/src/CoBan.Workflow.Designer"
  if ! command -v node >/dev/null 2>&1 || [ ! -d "$DESIGNER/node_modules/playwright-core" ]; then
    say "designer smoke test: node or node_modules missing (the .NET build runs npm ci): counted as 1 failed"
    SMOKE_FAILED=1
  else
    say "designer smoke test: node test/smoke.mjs"
    set +e
    SMOKE_OUT="$(cd "$DESIGNER" && node test/smoke.mjs 2>&1)"
    SMOKE_RC=$?
    set -e
    printf '%s\n' "$SMOKE_OUT" | tee -a "$LOG"
    SMOKE_LINE="$(printf '%s\n' "$SMOKE_OUT" | grep -E '^[0-9]+ passed, [0-9]+ failed$' | tail -n 1 || true)"
    if [ -n "$SMOKE_LINE" ]; then
      SMOKE_PASSED=$(sed -E 's/^([0-9]+) passed.*/\1/' <<<"$SMOKE_LINE")
      SMOKE_FAILED=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$SMOKE_LINE")
    fi
    if [ "$SMOKE_RC" -ne 0 ] && [ "$SMOKE_FAILED" -eq 0 ]; then SMOKE_FAILED=1; fi
  fi
fi

stop_postgres

# ---------------------------------------------------------------------------------------------
# 5. Sum the per-assembly summary lines; an expected test assembly without one counts as failed
# ---------------------------------------------------------------------------------------------
# Test projects of the solution: *.csproj referencing Microsoft.NET.Test.Sdk or IsTestProject=true.
expected_assemblies() {
  local proj name
  grep -oE '"[^"]+\.csproj"' CoBan.Workflow.sln | tr -d '"' | tr '\\' '/' | while read -r proj; do
    [ -f "$proj" ] || continue
    if grep -qE 'Microsoft\.NET\.Test\.Sdk|<IsTestProject>[[:space:]]*true' "$proj"; then
      name="$( { grep -oE '<AssemblyName>[^<]+</AssemblyName>' "$proj" || true; } | head -n 1 | sed -E 's#</?AssemblyName>##g')"
      [ -n "$name" ] || name="$(basename "$proj" .csproj)"
      echo "$name"
    fi
  done
}

CLEAN_LOG="$(sed -E 's/\x1B\[[0-9;]*[A-Za-z]//g' "$LOG")"

# One trx per assembly that ran: its <Counters> hold the counts, its tests' storage attribute names the
# assembly (lower-cased by the trx logger). A run that aborted (test host crash) reports a non-Completed
# outcome: it counts as one failure even if no test had failed yet.
passed=0; failed=0; skipped=0; RAN_ASSEMBLIES=" "
for trx in "$TRX_DIR"/*.trx; do
  [ -f "$trx" ] || continue
  # grep -m 1, not "| head -n 1": with pipefail, head closing the pipe early kills grep (SIGPIPE) and the script.
  counters="$(grep -m 1 -oE '<Counters [^>]*>' "$trx" || true)"
  [ -n "$counters" ] || continue
  p=$(grep -oE ' passed="[0-9]+"' <<<"$counters" | grep -oE '[0-9]+')
  f=$(grep -oE ' failed="[0-9]+"' <<<"$counters" | grep -oE '[0-9]+')
  e=$(grep -oE ' error="[0-9]+"' <<<"$counters" | grep -oE '[0-9]+')
  t=$(grep -oE ' timeout="[0-9]+"' <<<"$counters" | grep -oE '[0-9]+')
  s=$(grep -oE ' notExecuted="[0-9]+"' <<<"$counters" | grep -oE '[0-9]+')
  outcome="$( { grep -m 1 -oE '<ResultSummary outcome="[A-Za-z]+"' "$trx" || true; } | sed -E 's/.*"(.*)"/\1/')"
  asm="$( { grep -m 1 -oE 'storage="[^"]+"' "$trx" || true; } | sed -n 1p | sed -E 's#.*[/\\]([^/\\]+)\.dll"$#\1#')"
  f=$((f + e + t))
  if [ "$outcome" != "Completed" ] && [ "$outcome" != "Failed" ] && [ "$f" -eq 0 ]; then
    say "${asm:-$trx}: the test run ended '${outcome}': counted as 1 failed"
    f=1
  fi
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  RAN_ASSEMBLIES+="${asm,,} "
done

passed=$((passed + SMOKE_PASSED)); failed=$((failed + SMOKE_FAILED))

crashed=()
while IFS= read -r asm; do
  [ -n "$asm" ] || continue
  if [[ "$RAN_ASSEMBLIES" == *" ${asm,,} "* ]]; then continue; fi
  if grep -qE "No test is available in .*[/\\]${asm}\.dll" <<<"$CLEAN_LOG"; then
    say "${asm}: contains no tests (counted as 0)"
    continue
  fi
  if grep -qE "No test matches the given testcase filter .* in .*[/\\]${asm}\.dll" <<<"$CLEAN_LOG"; then
    say "${asm}: no test matches the filter (counted as 0)"
    continue
  fi
  crashed+=("$asm")
done < <(expected_assemblies)

if [ "${#crashed[@]}" -gt 0 ]; then
  for asm in "${crashed[@]}"; do
    say "${asm}: no test results (build failure, crash or abort): counted as 1 failed"
  done
  failed=$((failed + ${#crashed[@]}))
  [ "$TEST_RC" -ne 0 ] || TEST_RC=1
fi
if [ "$failed" -gt 0 ] && [ "$TEST_RC" -eq 0 ]; then TEST_RC=1; fi

say "dotnet test exit code: ${TEST_RC}; full output in ${LOG}"
if [ "$skipped" -gt 0 ]; then
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
else
  echo "${passed} passed, ${failed} failed"
fi
exit "$TEST_RC"
