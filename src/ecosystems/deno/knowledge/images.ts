// Which images run a Deno app. Sources:
// - tags: https://github.com/denoland/deno_docker/blob/main/README.md and .github/workflows/ci.yml:
//   `denoland/deno:<version>` (Debian), `debian-<version>`, `distroless-<version>`, `alpine-<version>`,
//   `bin-<version>` (only the binary); versions are full (2.9.6), there is no major-only tag.
// - distroless: https://github.com/denoland/deno_docker/blob/main/distroless.dockerfile: gcr.io/distroless/cc
//   plus /bin/deno and tini, ENTRYPOINT ["/tini", "--", "/bin/deno"] (so CMD holds only deno's
//   subcommand and arguments), DENO_DIR=/deno-dir/, no USER line (root unless the Dockerfile says so).
// - debian: https://github.com/denoland/deno_docker/blob/main/debian.dockerfile: user `deno` with uid 1993,
//   ENTRYPOINT tini + docker-entrypoint.sh, which prefixes `deno` to a known subcommand.
// - alpine: https://github.com/denoland/deno_docker/blob/main/alpine.dockerfile: a glibc layer copied
//   from a distroless cc image, so Deno itself runs; npm packages with native code must still have musl builds.

export const DENO_VERSION_ARG = 'DENO_VERSION';

export const denoImages = {
  builder: (v: string) => `denoland/deno:debian-${v}`,
  distroless: (v: string) => `denoland/deno:distroless-${v}`,
  alpine: (v: string) => `denoland/deno:alpine-${v}`,
  slim: (v: string) => `denoland/deno:debian-${v}`,
};

/** The cache the images point DENO_DIR at; the builder fills it and the final image reads it. */
export const DENO_DIR = '/deno-dir';
/** The `deno` user of the debian and alpine images. */
export const DENO_IMAGE_UID = 1993;
/** distroless :nonroot (https://github.com/GoogleContainerTools/distroless/blob/main/common/variables.bzl). */
export const DISTROLESS_NONROOT_UID = 65532;
