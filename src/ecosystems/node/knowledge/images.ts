// Which images exist for which Node major. Sources:
// - distroless: GoogleContainerTools/distroless README.md @cd080764 (2026-08-21,
//   https://github.com/GoogleContainerTools/distroless/blob/main/README.md): nodejs22/24/26-debian13;
//   the debian12 node images were removed 2026-02-27 and get no fixes (commit "Remove nodejs
//   debian12 builds", https://github.com/GoogleContainerTools/distroless/commit/5cd38c1e).
// - official node images: nodejs/docker-node versions.json @f27d936f (2026-08-19,
//   https://github.com/nodejs/docker-node/blob/main/versions.json): every maintained major has
//   -bookworm-slim and -alpine variants.

/** Majors with a maintained gcr.io/distroless/nodejs<major>-debian13 image. */
export const DISTROLESS_NODE_MAJORS: readonly number[] = [22, 24, 26];

/** The version in every tag is the Dockerfile's ARG, so a bump is a one-line change. */
export const NODE_VERSION_ARG = 'NODE_VERSION';

export const nodeImages = {
  /**
   * Builder for glibc finals: Debian 12 (glibc 2.36) so that native addons compiled here also load
   * on distroless Debian 13 (glibc 2.41): build on the same or an older glibc. A program built
   * against an old glibc keeps working with newer ones, not the reverse
   * (https://developers.redhat.com/blog/2019/08/01/how-the-gnu-c-library-handles-backward-compatibility);
   * glibc versions: https://packages.debian.org/bookworm/libc6, https://packages.debian.org/trixie/libc6.
   */
  debianBuilder: (v: string) => `node:${v}-bookworm-slim`,
  /** Slim final: the same Debian as the builder, so runtime package names match the table. */
  slim: (v: string) => `node:${v}-bookworm-slim`,
  alpine: (v: string) => `node:${v}-alpine`,
  distroless: (v: string) => `gcr.io/distroless/nodejs${v}-debian13:nonroot`,
};

/** The official images' `node` user (docker-node Dockerfiles: `useradd --uid 1000 node`). */
export const OFFICIAL_NODE_UID = 1000;
/** distroless :nonroot (common/variables.bzl NONROOT = 65532). */
export const DISTROLESS_NONROOT_UID = 65532;

/**
 * Debian packages already inside gcr.io/distroless/nodejs*-debian13: it is built on cc, which
 * adds libstdc++/libgcc/libgomp to base (glibc, libssl, zlib)
 * (https://github.com/GoogleContainerTools/distroless/blob/main/cc/config.bzl,
 * https://github.com/GoogleContainerTools/distroless/blob/main/base/config.bzl,
 * https://github.com/GoogleContainerTools/distroless/blob/main/nodejs/nodejs.bzl).
 * A dependency needing only these still runs on distroless.
 * Names are the Debian 12 ones our tables use, mapped to what distroless carries.
 */
export const DISTROLESS_NODE_PROVIDES: ReadonlySet<string> = new Set([
  'ca-certificates', 'libc6', 'libgcc-s1', 'libgomp1', 'libssl3', 'libstdc++6', 'openssl', 'tzdata', 'zlib1g',
]);
