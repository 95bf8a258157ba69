#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine that has the .NET SDK and Node.js.
# Installs what the suite needs from the system's package manager when it is missing (as root), builds,
# runs every test project on SQLite and again on PostgreSQL, and ends with one line: "N passed, N failed[, N skipped]", counted from the results.
set -uo pipefail
cd "$(dirname "$0")/.."

need_packages=()
command -v chromium >/dev/null 2>&1 || need_packages+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need_packages+=(postgresql)
# Liberation 2 (not Debian's fonts-liberation 1.x) carries the Vietnamese letters the official documents print.
ls /usr/share/fonts/truetype/liberation2/LiberationSerif-Regular.ttf >/dev/null 2>&1 || need_packages+=(fonts-liberation fonts-liberation2 fontconfig)
command -v soffice >/dev/null 2>&1 || need_packages+=(libreoffice-writer-nogui)   # the DOCX is checked by converting it
command -v pdftoppm >/dev/null 2>&1 || need_packages+=(poppler-utils)              # pictures of the PDFs for the test results
[ -x /usr/bin/aiosmtpd ] || need_packages+=(python3-aiosmtpd)   # the real SMTP server the mail tests talk to
if [ ${#need_packages[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system packages: ${need_packages[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
  else
    echo "warning: missing ${need_packages[*]} and not root with apt-get; the tests that need them will fail" >&2
  fi
fi

results="TestResults"
rm -rf "$results"

# Once per database provider (tests/ApprovalFlow.Tests/Infrastructure/TestDatabase.cs): every test on SQLite, then
# again on PostgreSQL those that use the configured database; the classes marked Database=None (unit tests, and
# tests that choose their provider themselves) run once.
APPROVALFLOW_TEST_DATABASE=Sqlite dotnet test ApprovalFlow.sln --logger "trx" --results-directory "$results/sqlite" "$@"
sqlite_status=$?
APPROVALFLOW_TEST_DATABASE=PostgreSql dotnet test ApprovalFlow.sln --no-build --filter "Database!=None" --logger "trx" --results-directory "$results/postgresql" "$@"
postgresql_status=$?
status=$(( sqlite_status != 0 ? sqlite_status : postgresql_status ))

# Sum the counters of every results file, so that a run that executed nothing cannot pass unnoticed.
read -r total passed failed < <(
  cat "$results"/*/*.trx 2>/dev/null | grep -o '<Counters [^>]*' | awk '
    { for (i = 1; i <= NF; i++) { split($i, kv, "="); gsub(/"/, "", kv[2]); c[kv[1]] += kv[2] } }
    END { printf "%d %d %d\n", c["total"], c["passed"], c["failed"] }')
skipped=$(( total - passed - failed ))
if [ "$total" -eq 0 ]; then
  echo "no test was executed" >&2
  status=1
fi
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
exit $status
