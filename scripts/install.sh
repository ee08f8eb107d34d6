#!/usr/bin/env bash
# Install reportgen and what it needs on a fresh Debian machine with Python 3.11.
#   scripts/install.sh          the tool itself (to build reports)
#   scripts/install.sh --test   also what the test suite needs (LibreOffice, Chromium, Poppler,
#                               and the test extra: Playwright drives Debian's chromium, since
#                               it cannot download browsers of its own here)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)
extra=""
if [ "${1:-}" = "--test" ]; then
  packages+=(poppler-utils libreoffice-writer-nogui fonts-crosextra-carlito chromium)
  extra="[test]"
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  echo "Installerar Debian-paket: ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

python3 -m pip install --quiet --disable-pip-version-check -c constraints.txt -e ".${extra}"
command -v pyenv >/dev/null 2>&1 && pyenv rehash || true
