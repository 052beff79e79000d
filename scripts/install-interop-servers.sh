#!/usr/bin/env bash
# Installs the servers that the interop suite (sdk-interop) runs the SDK against, when missing:
# - from Debian's packages: FastAPI, uvicorn and hypercorn for /usr/bin/python3, nginx,
#   openssl and tinyproxy (the suite is written against bookworm's fastapi 0.92, uvicorn 0.17,
#   hypercorn 0.13, nginx 1.22 and tinyproxy 1.11; the tests start tinyproxy themselves, with
#   configurations of their own on free ports, and never use the package's own service); apt-get runs through sudo unless this is root, and installs only the
#   packages that are not installed, so that nothing else is upgraded;
# - from npm: Stoplight's Prism, at the version that sdk-interop/pom.xml pins, into npx's cache
#   (the tests run it with npx --no-install). Needs Node.js and npm, as scripts/lint-spec.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly PACKAGES=(python3-fastapi python3-uvicorn python3-hypercorn nginx-light openssl
  tinyproxy)
readonly PRISM="@stoplight/prism-cli@$(sed -n 's:.*<prism.version>\(.*\)</prism.version>.*:\1:p' \
  sdk-interop/pom.xml)"

debian_servers_installed() {
  [[ -x /usr/bin/python3 && -x /usr/sbin/nginx && -x /usr/bin/openssl \
    && -x /usr/bin/tinyproxy ]] \
    && /usr/bin/python3 -c 'import fastapi, uvicorn, hypercorn' 2>/dev/null
}

install_debian_servers() {
  local package missing=() as_root=()
  for package in "${PACKAGES[@]}"; do
    if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]]
    then
      missing+=("$package")
    fi
  done
  if [[ "$(id -u)" != 0 ]]; then
    as_root=(sudo --non-interactive)
  fi
  echo "interop servers: installing ${missing[*]}"
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y update
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y install \
    --no-install-recommends "${missing[@]}"
}

if ! debian_servers_installed; then
  install_debian_servers
  if ! debian_servers_installed; then
    echo "interop servers: still missing after apt-get install" >&2
    exit 1
  fi
fi
echo "interop servers: ${PACKAGES[*]} installed"

export NO_UPDATE_NOTIFIER=1
if ! npx --no-install "$PRISM" --version >/dev/null 2>&1; then
  echo "interop servers: fetching $PRISM into npx's cache"
  npx --yes "$PRISM" --version >/dev/null
fi
echo "interop servers: $PRISM in npx's cache"
