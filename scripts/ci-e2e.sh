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

# Only the groups the e2e cases (src/ecosystems/*/test/cases.ts) and their naive --compare images
# use: building every stand-in takes well over 20 minutes on a new machine. SLIM_IMAGE_E2E_GROUPS
# widens or narrows the list. bun and deno (oven/bun debian/slim/distroless, denoland/deno
# debian/distroless/bin) took 5 min 18 s together here on a machine that had the others (2 cores, shared);
# ruby (ruby:3.3-slim and ruby:3.3 for the naive image) about 5 min.
groups=${SLIM_IMAGE_E2E_GROUPS:-debian node python golang rust java distroless nginx bun deno ruby php}

if [[ -d $offline ]]; then
  echo "[ci-e2e] building the offline stand-in images ($groups) with $offline/build.sh"
  # shellcheck disable=SC2086 # the groups are words
  if ! "$offline/build.sh" $groups; then
    # Seen here on a new machine: deno-distroless started before the distroless tag it builds FROM
    # existed. Units that were built are kept, so a second run only retries what failed.
    echo "[ci-e2e] some stand-ins failed; building the missing ones again"
    "$offline/build.sh" $groups
  fi
fi

cd "$repo"
npm run test:e2e
