// Rust: which of the four bases can work, at which Rust line, and the view templates/rust/ prints.
// With no crate linking a system C library the binary is built for musl on rust:<v>-alpine and is
// fully static (scratch or distroless static). A system library (libssl, libpq, ...) needs a
// glibc build and that library in the final image: distroless cc when it carries it, else slim.
import { initPrefix } from '../../plan/init.js';
import type { RustFacts } from './types.js';
import { portEnv } from '../../detect/port.js';
import { today } from '../../knowledge/clock.js';
import { BINARY_FINALS, NONROOT_UID, RUST_VERSION_ARG, rustImages } from './knowledge/images.js';
import { releasedRustLines } from './knowledge/versions.js';
import type { BaseOption, Plan } from '../../types.js';
import { collectPackages, osPackagesView, type Distro } from '../../plan/os-packages.js';
import { pickVersion } from '../../plan/versions.js';
import { ruledOut } from '../../plan/choose-base.js';

function versionNote(facts: RustFacts, version: string, stable: string | undefined): string {
  const { runtime } = facts;
  if (runtime.constraint === null) return `Rust ${version}, the current stable (${runtime.source})`;
  if (runtime.pinned) return `Rust ${version} (${runtime.source}${stable && stable !== version ? `; the current stable is ${stable}` : ''})`;
  return `Rust ${version}, the newest stable allowed by ${runtime.source}`;
}

function tlsNote(facts: RustFacts): string {
  if (facts.tls === 'rustls') return '; TLS is rustls, which needs only CA certificates';
  if (facts.tls === 'openssl-vendored') return '; OpenSSL is vendored (compiled in)';
  return '';
}

export function assessRust(facts: RustFacts, now: Date = today()): BaseOption[] {
  const lines = releasedRustLines(now);
  const version = pickVersion(facts.runtime, lines);
  if (version === null) {
    const why = `no Rust line in the catalog (1.${lines.length > 0 ? lines[lines.length - 1]?.slice(2) : '?'}-${lines[0]}) matches ${facts.runtime.constraint} (${facts.runtime.source}); pass --runtime-version`;
    return (['scratch', 'distroless', 'alpine', 'slim'] as const).map((kind) => ruledOut(kind, why));
  }
  const note = versionNote(facts, version, lines[0]);
  const start = facts.start.value;
  const shell = start.kind === 'shell' ? `the start command "${start.command}" needs a shell` : null;
  const system = facts.systemLinked;
  const systemWhy = system.length > 0
    ? `${system.map((s) => s.name).join(', ')} link${system.length === 1 ? 's' : ''} a system C library, so no static musl build`
    : null;
  const musl = rustImages.alpineBuilder(version);
  const glibc = rustImages.debianBuilder(version);

  const scratch: BaseOption = systemWhy
    ? ruledOut('scratch', `${systemWhy} (use the \`vendored\`/\`bundled\` feature, or rustls, for a static binary)`)
    : shell
      ? ruledOut('scratch', `${shell}, and scratch has none`)
      : {
          kind: 'scratch', possible: true, runtimeVersion: version, builderImage: musl, runtimeImage: BINARY_FINALS.scratch,
          why: `no crate links a system C library, so a musl build on rust:${version}-alpine is one static binary${tlsNote(facts)}; scratch gets CA certificates, zoneinfo and user ${NONROOT_UID} from the builder; ${note}`,
        };

  const missing = system.filter((s) => !s.inDistroless);
  let distroless: BaseOption;
  if (shell) distroless = ruledOut('distroless', `${shell}, and distroless has none`);
  else if (!systemWhy) {
    distroless = {
      kind: 'distroless', possible: true, runtimeVersion: version, builderImage: musl, runtimeImage: BINARY_FINALS.distrolessStatic,
      why: `a static musl binary on distroless static (CA certificates, tzdata, nonroot user)${tlsNote(facts)}; ${note}`,
    };
  } else if (missing.length > 0) {
    const deps = facts.nativeDependencies.filter((d) => missing.some((m) => m.name === d.name));
    distroless = ruledOut('distroless', `${deps.map((d) => `${d.name} needs ${d.runtime.debian.join(', ')}`).join('; ')} at run time, and distroless cannot install OS packages`);
  } else {
    distroless = {
      kind: 'distroless', possible: true, runtimeVersion: version, builderImage: glibc, runtimeImage: BINARY_FINALS.distrolessCc,
      why: `${systemWhy}; a glibc build on bookworm (glibc 2.36, no newer than Debian 13's) runs on distroless cc, which has libgcc_s for Rust's unwinder and libssl; ${note}`,
    };
  }

  const alpine: BaseOption = systemWhy
    ? ruledOut('alpine', `${systemWhy}; the musl toolchain links statically`)
    : {
        kind: 'alpine', possible: true, runtimeVersion: version, builderImage: musl, runtimeImage: BINARY_FINALS.alpine,
        why: `a static musl binary on Alpine keeps a shell and apk; ${note}`,
      };

  const runtimePackages = collectPackages(facts.nativeDependencies, 'runtime', 'debian');
  const slim: BaseOption = {
    kind: 'slim', possible: true, runtimeVersion: version, builderImage: glibc, runtimeImage: BINARY_FINALS.slim,
    why: `Debian slim with glibc${runtimePackages.length > 0 ? ` and ${runtimePackages.join(', ')}` : ''} always works; ${note}`,
  };
  return [scratch, distroless, alpine, slim];
}

function builderFrom(image: string, version: string): string {
  return image.replace(`rust:${version}-`, `rust:\${${RUST_VERSION_ARG}}-`);
}

export function rustView(facts: RustFacts, plan: Plan) {
  const distro: Distro = plan.builderImage.includes('-alpine') ? 'alpine' : 'debian';
  const scratch = plan.base === 'scratch';
  const slim = plan.base === 'slim';
  const start = facts.start.value;
  const argv = start.kind === 'exec' ? start.argv : ['/bin/sh', '-c', start.command];
  const buildPackages = [
    // The musl C toolchain for crates that compile C (ring, aws-lc-sys, bundled libraries).
    ...(distro === 'alpine' ? ['musl-dev'] : []),
    ...(scratch ? ['ca-certificates', 'tzdata'] : []),
    ...collectPackages(facts.nativeDependencies, 'build', distro),
  ];
  const runtimePackages = plan.base === 'alpine' || slim
    ? ['ca-certificates', 'tzdata', ...collectPackages(facts.nativeDependencies, 'runtime', plan.base === 'alpine' ? 'alpine' : 'debian')]
    : [];
  const build = ['cargo', 'build', '--release', ...(facts.lockfile ? ['--locked'] : []), '--package', facts.package, '--bin', facts.bin.value];
  return {
    versionArg: RUST_VERSION_ARG,
    builderFrom: builderFrom(plan.builderImage, plan.runtimeVersion),
    runtimeFrom: plan.runtimeImage,
    buildPackages: osPackagesView(distro, [...new Set(buildPackages)].sort()),
    runtimePackages: osPackagesView(plan.base === 'alpine' ? 'alpine' : 'debian', [...new Set(runtimePackages)].sort()),
    buildCommand: build,
    binaryPath: `target/release/${facts.bin.value}`,
    musl: distro === 'alpine',
    scratch,
    createUser: slim,
    runtimeFiles: facts.runtimeFiles.map((file) => ({ source: `/app/${file}`, target: `/${file}` })),
    env: Object.entries({ ...facts.env, ...portEnv(facts) }).map(([name, value]) => ({ name, value })),
    user: `${NONROOT_UID}:${NONROOT_UID}`,
    uid: NONROOT_UID,
    entrypoint: [...initPrefix(plan, facts), ...argv],
  };
}
