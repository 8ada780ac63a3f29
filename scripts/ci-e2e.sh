#!/usr/bin/env bash
# The e2e part of CI: real image builds of the fixture apps (npm run test:e2e).
#
# Where no registry is reachable, ../shared/offline-images (next to this repository) builds local
# stand-ins of the public base images and configures podman; this script runs it when the folder
# exists (it needs root, installs podman/buildah/runc/mmdebstrap with apt-get, and takes about a
# second when the images are already there). Elsewhere the suite pulls from the real registries.
# Without any working container engine the suite skips itself with the reason.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
offline="$(dirname "$repo")/shared/offline-images"

if [[ -d $offline ]]; then
  echo "[ci-e2e] building the offline stand-in images with $offline/build.sh"
  "$offline/build.sh"
fi

cd "$repo"
npm run test:e2e
