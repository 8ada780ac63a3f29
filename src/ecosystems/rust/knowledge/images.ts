// Builder images for Rust (docker-library's rust images, https://github.com/rust-lang/docker-rust:
// every stable line is tagged <1.N>-alpine and <1.N>-slim-bookworm). Finals are shared with Go.
//
// Static builds use rust:<v>-alpine: there the host target is x86_64/aarch64-unknown-linux-musl,
// which links statically by default (crt-static,
// https://doc.rust-lang.org/reference/linkage.html#static-and-dynamic-c-runtimes), so
// `cargo build --release` gives a binary scratch can run on any architecture without naming a
// target triple. The alternative (a Debian builder plus `rustup target add <arch>-unknown-linux-musl`
// and musl-tools) downloads the musl standard library at build time and needs the triple per
// architecture (https://rust-lang.github.io/rustup/cross-compilation.html).
export { BINARY_FINALS, NONROOT_UID } from '../../../knowledge/binary-finals.js';

export const RUST_VERSION_ARG = 'RUST_VERSION';

export const rustImages = {
  /** musl host toolchain: static binaries for scratch, distroless static and alpine. */
  alpineBuilder: (v: string) => `rust:${v}-alpine`,
  /**
   * glibc builder for binaries that link system libraries: Debian 12 (glibc 2.36), no newer than
   * distroless Debian 13's 2.41, and the same Debian as the slim final so package names match.
   */
  debianBuilder: (v: string) => `rust:${v}-slim-bookworm`,
};
