#!/usr/bin/env bash
# Runs every test of CyberAccord. Installs the system packages the tests need when they are missing
# (Debian/Ubuntu: libsodium23 for Ed25519, postgresql for the PostgreSQL backend, chromium for the dashboard), so it works on a fresh machine with the .NET 10 SDK.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

missing=()
if ! ldconfig -p 2>/dev/null | grep -q 'libsodium\.so\.2[36]'; then
  missing+=(libsodium23)
fi

# The STIX schema cross-check runs the OASIS schemas with Python's jsonschema, an independent implementation.
if ! python3 -c 'import jsonschema' 2>/dev/null && ! /usr/bin/python3 -c 'import jsonschema' 2>/dev/null; then
  missing+=(python3-jsonschema)
fi

# The PostgreSQL backend's tests run on a real server: the one in $ACCORD_TEST_POSTGRES, or a private one started below.
if [ -z "${ACCORD_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi

# The dashboard's end-to-end tests drive Debian's Chromium (Playwright uses it; it downloads no browser).
if [ ! -x /usr/bin/chromium ]; then
  missing+=(chromium)
fi

if [ "${#missing[@]}" -gt 0 ]; then
  echo "test: installing missing system packages: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

log="$(mktemp)"
pgdata=""
cleanup() {
  rm -f "$log"
  if [ -n "$pgdata" ]; then ./eng/postgres.sh stop "$pgdata"; fi
}
trap cleanup EXIT

if [ -z "${ACCORD_TEST_POSTGRES:-}" ]; then
  echo "test: starting a private PostgreSQL server"
  eval "$(./eng/postgres.sh start)"
  pgdata="$ACCORD_TEST_PGDATA"
fi
status=0
dotnet test CyberAccord.slnx -c Release --nologo 2>&1 | tee "$log" || status=$?

# Style is part of the build: code that 'dotnet format' would change fails the run (the tests above restored the packages).
if ! dotnet format CyberAccord.slnx --verify-no-changes --no-restore; then
  echo "test: 'dotnet format CyberAccord.slnx' would change the files above"
  status=1
fi

# Lines within 140 columns (.editorconfig's max_line_length), which no analyzer checks: each longer line is named.
cs_files() { git ls-files '*.cs' 2>/dev/null || find src test bench -name '*.cs' -not -path '*/obj/*' -not -path '*/bin/*'; }
long_lines="$(cs_files | xargs awk 'length($0) > 140 { printf "%s:%d: %d columns\n", FILENAME, FNR, length($0) }')"
if [ -n "$long_lines" ]; then
  echo "$long_lines"
  echo "test: the lines above are longer than 140 columns"
  status=1
fi

# One closing line over all test assemblies: "N passed, N failed, N skipped".
awk '
  /(Passed|Failed)! +- Failed: / {
    for (i = 1; i <= NF; i++) {
      gsub(",", "", $(i+1))
      if ($i == "Failed:") f += $(i+1)
      if ($i == "Passed:") p += $(i+1)
      if ($i == "Skipped:") s += $(i+1)
    }
  }
  END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s; if (p == 0) exit 1 }
' "$log" || status=1
exit "$status"
