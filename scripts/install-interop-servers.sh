#!/usr/bin/env bash
# Installs the servers that the interop suite (sdk-interop) runs the SDK against, from Debian's
# packages, when any is missing: FastAPI, uvicorn and hypercorn for /usr/bin/python3, nginx and
# openssl. Needs apt-get (Debian or a derivative; the suite is written against bookworm's
# versions: fastapi 0.92, uvicorn 0.17, hypercorn 0.13, nginx 1.22). Runs apt-get through sudo
# unless it is root. Does nothing when everything is there.
set -euo pipefail

readonly PACKAGES=(python3-fastapi python3-uvicorn python3-hypercorn nginx-light openssl)

installed() {
  [[ -x /usr/bin/python3 && -x /usr/sbin/nginx && -x /usr/bin/openssl ]] \
    && /usr/bin/python3 -c 'import fastapi, uvicorn, hypercorn' 2>/dev/null
}

if installed; then
  echo "interop servers: installed"
  exit 0
fi

as_root=()
if [[ "$(id -u)" != 0 ]]; then
  as_root=(sudo --non-interactive)
fi
apt_get() {
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -y "$@"
}

# Only the packages that are not installed, so that nothing installed is upgraded on the way.
missing=()
for package in "${PACKAGES[@]}"; do
  if [[ "$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null)" != "install ok installed" ]]
  then
    missing+=("$package")
  fi
done

echo "interop servers: installing ${missing[*]}"
apt_get update
apt_get install --no-install-recommends "${missing[@]}"

if ! installed; then
  echo "interop servers: still missing after apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "interop servers: installed"
