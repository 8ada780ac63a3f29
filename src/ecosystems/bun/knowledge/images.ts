// Which images run a Bun app. Sources:
// - oven/bun tags: https://github.com/oven-sh/bun/blob/main/.github/workflows/release.yml (per
//   release: `<v>`, `<minor>`, `<major>` for debian, and the same with `-slim`, `-alpine`,
//   `-distroless`); the Dockerfiles under https://github.com/oven-sh/bun/tree/main/dockerhub.
// - oven/bun:*-distroless is gcr.io/distroless/base-nossl plus /usr/local/bin/bun, ENTRYPOINT
//   ["/usr/local/bin/bun"], no USER line (so root unless the Dockerfile says otherwise):
//   https://github.com/oven-sh/bun/blob/main/dockerhub/distroless/Dockerfile.
// - the debian, slim and alpine images create user `bun` with uid and gid 1000:
//   https://github.com/oven-sh/bun/blob/main/dockerhub/debian-slim/Dockerfile,
//   https://github.com/oven-sh/bun/blob/main/dockerhub/alpine/Dockerfile.
// - `bun build --compile` writes one executable holding the Bun runtime and the bundled app
//   (https://bun.com/docs/bundler/executables); built by the glibc bun, it needs what bun itself
//   needs, which is what oven/bun's distroless image gives it: base-nossl (glibc, CA certificates,
//   tzdata, the nonroot user), https://github.com/GoogleContainerTools/distroless/blob/main/base/README.md.

/** The version in every oven/bun tag is the Dockerfile's ARG, so a bump is a one-line change. */
export const BUN_VERSION_ARG = 'BUN_VERSION';

export const bunImages = {
  /** Debian builder (glibc): installs, builds and compiles. */
  builder: (v: string) => `oven/bun:${v}`,
  /** Alpine builder: native addons must be built for musl when the final image is alpine. */
  alpineBuilder: (v: string) => `oven/bun:${v}-alpine`,
  distroless: (v: string) => `oven/bun:${v}-distroless`,
  alpine: (v: string) => `oven/bun:${v}-alpine`,
  slim: (v: string) => `oven/bun:${v}-slim`,
  /** The final image of a `bun build --compile` executable: glibc without libssl (Bun has BoringSSL built in). */
  compiled: 'gcr.io/distroless/base-nossl-debian13:nonroot',
};

/** The `bun` user of oven/bun's debian, slim and alpine images. */
export const BUN_IMAGE_UID = 1000;
/** distroless :nonroot (https://github.com/GoogleContainerTools/distroless/blob/main/common/variables.bzl, NONROOT). */
export const DISTROLESS_NONROOT_UID = 65532;

/**
 * Sizes measured here with `podman images` (uncompressed, offline stand-ins of bun 1.4.5): oven/bun
 * distroless 123 MB; gcr.io/distroless/base-nossl-debian13 16 MB; a compiled Bun.serve hello on it
 * 125 MB (so the runtime inside a compiled executable is about 109 MB); the bun-elysia fixture compiled
 * 126 MB against 138 MB as oven/bun distroless with its production node_modules. Compiling wins
 * once there are production dependencies (the bundle keeps only what is imported; node_modules keeps
 * every file of every package); without any, oven/bun distroless is about 2 MB smaller.
 */
export const MEASURED_MB = { bunDistroless: 123, baseNossl: 16, compiledHello: 125, elysiaCompiled: 126, elysiaWithModules: 138 };
