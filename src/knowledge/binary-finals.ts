// Final images for one compiled binary, shared by every ecosystem that builds one (Go, Rust).
// Sources:
// - distroless: https://github.com/GoogleContainerTools/distroless/blob/main/README.md and
//   base/README.md: static has CA certificates, tzdata and the nonroot user 65532; base adds glibc
//   and libssl; cc adds libgcc_s and libstdc++.
// - alpine: https://alpinelinux.org/releases/ (3.22, released 2025-05-30, supported to 2027-05-01).

export const BINARY_FINALS = {
  scratch: 'scratch',
  /** No libc: for static binaries (CGO_ENABLED=0 Go, musl Rust). */
  distrolessStatic: 'gcr.io/distroless/static-debian13:nonroot',
  /** glibc and libssl. */
  distrolessBase: 'gcr.io/distroless/base-debian13:nonroot',
  /** base + libgcc_s, libstdc++, libgomp. */
  distrolessCc: 'gcr.io/distroless/cc-debian13:nonroot',
  alpine: 'alpine:3.22',
  /** Same Debian as the builders, so runtime package names match the tables (Debian 12 names). */
  slim: 'debian:bookworm-slim',
} as const;

/**
 * distroless :nonroot and the user written into scratch images
 * (https://github.com/GoogleContainerTools/distroless/blob/main/common/variables.bzl, NONROOT).
 */
export const NONROOT_UID = 65532;
