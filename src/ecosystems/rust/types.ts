// Facts about a Cargo project (a package or a workspace), beyond the common ones.
import type { CommonFacts, Fact } from '../../types.js';

export interface RustFacts extends CommonFacts {
  language: 'rust';
  packageManager: Fact<'cargo'>;
  /** Cargo package that owns the binary (`cargo build --package`). */
  package: string;
  /** The binary target to build (`cargo build --bin`). */
  bin: Fact<string>;
  /** Every binary target found, as "bin" or "package/bin" when names repeat. */
  binCandidates: string[];
  workspace: boolean;
  /** Cargo.lock exists: builds run with --locked. */
  lockfile: boolean;
  /** Crates that link a system C library (no static musl build); empty means a static build works. */
  systemLinked: Array<{ name: string; inDistroless: boolean }>;
  /** How the binary does TLS, for the reasons: rustls (CA certificates only), openssl (libssl), or none found. */
  tls: 'rustls' | 'openssl' | 'openssl-vendored' | null;
  /** Production environment the framework needs in a container (Rocket's address). */
  env: Record<string, string>;
  /** Files the binary reads at run time from its working folder, copied into the final image (Rocket.toml). */
  runtimeFiles: string[];
}
