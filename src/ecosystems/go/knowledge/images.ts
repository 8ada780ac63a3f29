// Builder images for Go (the finals for one binary are shared with Rust). Sources:
// - golang images: docker-library/golang versions.json: every line since 1.20 has -bookworm and
//   -alpine variants (https://github.com/docker-library/golang/blob/master/versions.json).
// - distroless: GoogleContainerTools/distroless README @cd080764 (2026-08-21)
//   (https://github.com/GoogleContainerTools/distroless/blob/main/README.md): static has CA certs,
//   tzdata and the nonroot user 65532 (https://github.com/GoogleContainerTools/distroless/blob/main/static/static.bzl,
//   .../static/config.bzl); base adds glibc and libssl (.../base/config.bzl); cc adds libgcc_s
//   and libstdc++ (.../cc/config.bzl).
// - alpine: https://alpinelinux.org/releases/ (3.22, released 2025-05-30, supported to 2027-05-01).

/** The version in every builder tag is this Dockerfile ARG, so a bump is a one-line change. */
export const GO_VERSION_ARG = 'GO_VERSION';

export const goImages = {
  /**
   * Builder for glibc and static finals: Debian 12 (glibc 2.36), no newer than the glibc of any
   * final here (distroless Debian 13 has 2.41), so cgo binaries built here load there too: a
   * program built against an old glibc keeps working with newer ones
   * (https://developers.redhat.com/blog/2019/08/01/how-the-gnu-c-library-handles-backward-compatibility).
   */
  debianBuilder: (v: string) => `golang:${v}-bookworm`,
  /** Builder for an alpine final: cgo then links musl, as the final image needs. */
  alpineBuilder: (v: string) => `golang:${v}-alpine`,
};

/** The finals (scratch, distroless static/base/cc, alpine, slim) are shared: src/knowledge/binary-finals.ts. */
export { BINARY_FINALS, NONROOT_UID } from '../../../knowledge/binary-finals.js';
