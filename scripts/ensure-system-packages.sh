#!/usr/bin/env bash
# Installs the Debian packages the test suite needs, only when they are missing, so a
# second run needs no network. CI runs as root; elsewhere sudo is used when present.
set -euo pipefail

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
# The shared cache of the Redis test pass (scripts/with-redis.sh).
command -v redis-server >/dev/null 2>&1 || need+=(redis-server)
command -v xgettext >/dev/null 2>&1 || need+=(gettext)
# WeasyPrint (PDFs: the self-scan result, the team kit, the impact report, business cases)
# needs Pango.
ldconfig -p 2>/dev/null | grep -q "libpango-1.0.so.0" || need+=(libpango-1.0-0)
ldconfig -p 2>/dev/null | grep -q "libpangoft2-1.0.so.0" || need+=(libpangoft2-1.0-0)
[ ${#need[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "Missing ${need[*]}; install them as root." >&2; exit 1; }
  sudo="sudo"
fi
echo "Installing Debian packages: ${need[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
