// Rust detection: the Cargo package or workspace, the binary to build, the toolchain line, the
// -sys crates that decide static vs glibc, the framework and the port. Pure over project files.
import { ChoiceNeeded, UserError } from '../../errors.js';
import { RUST_CRATES, RUST_FRAMEWORKS, RUSTLS_CRATES, type RustCrateRule, type Toggle } from './knowledge/crates.js';
import { EDITION_MINIMUM, rustLine } from './knowledge/versions.js';
import type { DetectOptions } from '../../ecosystem.js';
import type { Project } from '../../project.js';
import type { Fact, NativeDependency, RuntimeRequirement } from '../../types.js';
import { readCargoProject, readLock, readToolchain, reachableCrates, type CargoPackage } from './cargo.js';
import { rustPort } from './port.js';
import type { RustFacts } from './types.js';

export const rustMarkers = ['Cargo.toml'];

export function recognizesRust(project: Project): boolean {
  return project.isFile('Cargo.toml');
}

export function detectRust(project: Project, options: DetectOptions): RustFacts {
  const warnings: string[] = [];
  const cargo = readCargoProject(project);
  const { pkg, bin } = chooseBin(cargo.packages, options.main, cargo.workspace);
  const lock = readLock(project);
  if (lock === null) warnings.push('There is no Cargo.lock: the build resolves dependencies afresh (no --locked), and native dependencies are read from Cargo.toml only. Commit Cargo.lock for reproducible images.');

  // Crates the binary's package pulls in: the lockfile graph from it, else its direct dependencies.
  const crates = lock ? reachableCrates(lock, pkg.name) : new Map([...pkg.deps.keys()].map((name) => [name, '']));
  const features = allFeatures(cargo.packages);
  const lockNames = new Set(lock?.map((p) => p.name) ?? []);
  const toggled = (t: Toggle) => ('lockCrate' in t ? lockNames.has(t.lockCrate) : features.get(t.crate)?.has(t.feature) ?? false);

  const found: Array<{ rule: RustCrateRule; version: string; linkage: 'bundled' | 'system' }> = [];
  for (const rule of RUST_CRATES) {
    if (!crates.has(rule.name)) continue;
    const flipped = rule.toggles.some(toggled);
    const linkage = flipped ? (rule.defaultLinkage === 'bundled' ? 'system' : 'bundled') : rule.defaultLinkage;
    found.push({ rule, version: crates.get(rule.name) ?? '', linkage });
  }
  const source = lock ? 'Cargo.lock' : 'Cargo.toml';
  const nativeDependencies: NativeDependency[] = found.map(({ rule, version, linkage }) => ({
    name: rule.name,
    version: version || null,
    glibcOnly: false,
    build: linkage === 'bundled' ? rule.bundledBuild : rule.systemBuild,
    runtime: linkage === 'bundled' ? { debian: [], alpine: [] } : rule.systemRuntime,
    blocksDistroless: null,
    note: `${linkage === 'bundled' ? 'compiled in (static)' : 'links the system library'}: ${rule.note}`,
    source,
    reference: rule.source,
  }));
  const systemLinked = found.filter((f) => f.linkage === 'system').map((f) => ({ name: f.rule.name, inDistroless: f.rule.inDistroless }));
  const openssl = found.find((f) => f.rule.name === 'openssl-sys');
  const tls = openssl ? (openssl.linkage === 'bundled' ? 'openssl-vendored' : 'openssl') : RUSTLS_CRATES.some((c) => crates.has(c)) ? 'rustls' : null;

  const framework = RUST_FRAMEWORKS.find((f) => f.crates.some((c) => pkg.deps.has(c))) ?? null;
  const runtimeFiles = framework?.id === 'rocket' && project.isFile('Rocket.toml') ? ['Rocket.toml'] : [];
  const port = portFact(project, pkg, framework, warnings);
  const binLabel = cargo.packages.length > 1 ? `${pkg.name}/${bin.value}` : bin.value;

  return {
    language: 'rust',
    packageManager: { value: 'cargo', source: 'Cargo.toml' },
    framework: { value: framework?.id ?? null, source: framework ? `${pkg.dir === '.' ? '' : `${pkg.dir}/`}Cargo.toml depends on ${framework.crates.find((c) => pkg.deps.has(c))}` : 'Cargo.toml (no known web framework)' },
    runtime: rustRuntime(project, pkg, warnings),
    port,
    start: { value: { kind: 'exec', argv: ['/app'] }, source: `the ${binLabel} binary` },
    nativeDependencies,
    warnings,
    package: pkg.name,
    bin,
    binCandidates: candidates(cargo.packages),
    workspace: cargo.workspace,
    lockfile: lock !== null,
    systemLinked,
    tls,
    env: framework?.env ?? {},
    runtimeFiles,
  };
}

function candidates(packages: CargoPackage[]): string[] {
  const all = packages.flatMap((p) => p.bins.map((b) => ({ pkg: p.name, bin: b })));
  const repeated = new Set(all.filter((x, i) => all.findIndex((y) => y.bin === x.bin) !== i).map((x) => x.bin));
  return all.map((x) => (repeated.has(x.bin) ? `${x.pkg}/${x.bin}` : x.bin));
}

function chooseBin(packages: CargoPackage[], wanted: string | undefined, workspace: boolean): { pkg: CargoPackage; bin: Fact<string> } {
  const all = packages.flatMap((pkg) => pkg.bins.map((bin) => ({ pkg, bin })));
  const names = candidates(packages);
  if (all.length === 0) {
    throw new UserError(`No binary target found${workspace ? ' in the workspace' : ''}: no src/main.rs, src/bin/*.rs or [[bin]] in ${packages.map((p) => (p.dir === '.' ? 'Cargo.toml' : `${p.dir}/Cargo.toml`)).join(', ')}. A library has nothing to run; add a binary and run again.`);
  }
  if (wanted !== undefined) {
    const [pkgName, binName] = wanted.includes('/') ? (wanted.split('/', 2) as [string, string]) : [null, wanted];
    let matches = all.filter((x) => x.bin === binName && (pkgName === null || x.pkg.name === pkgName));
    // A package name picks its only binary.
    if (matches.length === 0 && pkgName === null) matches = all.filter((x) => x.pkg.name === wanted && x.pkg.bins.length === 1);
    if (matches.length !== 1) {
      throw new UserError(`--main ${wanted} ${matches.length > 1 ? 'matches several' : 'matches none of the'} binaries: ${names.join(', ')}. Pass --main with one of them (a binary name, or package/binary).`);
    }
    const [match] = matches as [{ pkg: CargoPackage; bin: string }];
    return { pkg: match.pkg, bin: { value: match.bin, source: `--main ${wanted}` } };
  }
  if (all.length === 1) {
    const [only] = all as [{ pkg: CargoPackage; bin: string }];
    return { pkg: only.pkg, bin: { value: only.bin, source: 'the only binary target' } };
  }
  if (packages.length === 1) {
    const [pkg] = packages as [CargoPackage];
    if (pkg.defaultRun !== null && pkg.bins.includes(pkg.defaultRun)) {
      return { pkg, bin: { value: pkg.defaultRun, source: 'Cargo.toml package.default-run' } };
    }
  }
  throw new ChoiceNeeded(
    `This ${workspace ? 'workspace' : 'package'} has several binaries: ${names.join(', ')}. Pass --main with the one to build (for example --main ${names[0]}).`,
    'main',
    `This ${workspace ? 'workspace' : 'package'} has several binaries. Which one is the app?`,
    names,
  );
}

/** Features asked for anywhere in the workspace, per crate (Cargo unifies them across the build). */
function allFeatures(packages: CargoPackage[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const p of packages) {
    for (const [crate, features] of p.deps) {
      const set = out.get(crate) ?? new Set<string>();
      for (const f of features) set.add(f);
      out.set(crate, set);
    }
  }
  return out;
}

/**
 * rust-toolchain(.toml) with a version pins the compiler; `stable` and no file leave it free;
 * rust-version (or the edition) is a minimum, so the newest stable line that meets it is used.
 */
function rustRuntime(project: Project, pkg: CargoPackage, warnings: string[]): RuntimeRequirement {
  const toolchain = readToolchain(project);
  if (toolchain !== null) {
    const line = rustLine(toolchain.channel);
    if (line !== null) return { constraint: line, pinned: true, source: `${toolchain.file} channel ${toolchain.channel}` };
    if (/^(nightly|beta)/.test(toolchain.channel)) {
      warnings.push(`${toolchain.file} asks for the ${toolchain.channel} channel; the official rust images carry stable releases only, so the image builds with stable.`);
    }
  }
  const manifest = pkg.dir === '.' ? 'Cargo.toml' : `${pkg.dir}/Cargo.toml`;
  if (pkg.rustVersion !== null) {
    const line = rustLine(pkg.rustVersion);
    if (line === null) throw new UserError(`${manifest} has rust-version "${pkg.rustVersion}", which is not a version like 1.85. Fix it and run again.`);
    return { constraint: `>=${pkg.rustVersion.split('.').length === 2 ? `${pkg.rustVersion}.0` : pkg.rustVersion}`, pinned: false, source: `${manifest} rust-version ${pkg.rustVersion}` };
  }
  const minimum = pkg.edition !== null ? EDITION_MINIMUM[pkg.edition] : undefined;
  if (minimum !== undefined) return { constraint: `>=${minimum}.0`, pinned: false, source: `${manifest} edition ${pkg.edition} (needs Rust ${minimum}+)` };
  return { constraint: null, pinned: false, source: toolchain ? `${toolchain.file} channel ${toolchain.channel}` : 'no toolchain file or rust-version' };
}

function portFact(project: Project, pkg: CargoPackage, framework: { id: string; defaultPort: number | null } | null, warnings: string[]): Fact<number | null> {
  const src = pkg.dir === '.' ? 'src' : `${pkg.dir}/src`;
  const files = project.find({ extensions: ['.rs'], under: [src], maxDepth: 6, maxFiles: 300 }).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  for (const file of files) {
    const hit = rustPort(project.readText(file) ?? '');
    if (hit) {
      if (hit.loopback) warnings.push(`${file} binds ${hit.evidence}, a loopback address: the app is unreachable from outside the container. Bind 0.0.0.0 instead.`);
      return { value: hit.port, source: `${file} (${hit.evidence})` };
    }
  }
  if (framework?.id === 'rocket') {
    const config = project.readToml('Rocket.toml');
    for (const profile of ['release', 'global', 'default']) {
      const table = config?.[profile] as Record<string, unknown> | undefined;
      if (typeof table?.port === 'number') return { value: table.port, source: `Rocket.toml [${profile}] port` };
    }
  }
  if (framework?.defaultPort) return { value: framework.defaultPort, source: `${framework.id} default` };
  return { value: null, source: 'no listen address found in the sources' };
}

/** main.rs first, then the rest of the sources. */
const rank = (path: string): number => (path.endsWith('/main.rs') ? 0 : 1);
