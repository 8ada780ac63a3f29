// Rust detection: the Cargo package or workspace, the binary to build, the toolchain line, the
// -sys crates that decide static vs glibc, the framework and the port. Pure over project files.
import { ChoiceNeeded, UserError } from '../../errors.js';
import { RUST_CRATES, RUST_FRAMEWORKS, RUST_OPTIONAL_EDGES, RUSTLS_CRATES, type RustCrateRule, type Toggle } from './knowledge/crates.js';
import { EDITION_MINIMUM, rustLine } from './knowledge/versions.js';
import type { DetectOptions } from '../../ecosystem.js';
import type { Project } from '../../project.js';
import type { Fact, NativeDependency, PortSetting, RuntimeRequirement } from '../../types.js';
import { envSetting, lineOf } from '../../detect/port.js';
import { readCargoProject, readLock, readToolchain, reachableCrates, type CargoPackage, type CargoProject } from './cargo.js';
import { buildScripts, chooseProgram, listNames, serviceByListening, serviceByName, type Tier } from '../../detect/program-choice.js';
import { configFileNames, configPort, rustDefaultPort, rustPort } from './port.js';
import { yaml } from '../../lazy.js';
import type { RustFacts } from './types.js';


export function detectRust(project: Project, options: DetectOptions): RustFacts {
  const warnings: string[] = [];
  const cargo = readCargoProject(project);
  const { pkg, bin } = chooseBin(project, cargo, options.main, warnings);
  const lock = readLock(project);
  if (lock === null) warnings.push('There is no Cargo.lock: the build resolves dependencies afresh (no --locked), and native dependencies are read from Cargo.toml only. Commit Cargo.lock for reproducible images.');

  // Crates the binary's package pulls in: the lockfile graph from it, else its direct dependencies.
  const features = allFeatures(cargo.packages);
  const on = (t: { crate: string; feature: string }) => features.get(t.crate)?.has(t.feature) ?? false;
  // Cargo.lock lists optional dependencies whatever the features; follow those edges only when enabled.
  const follow = (parent: string, child: string) => !RUST_OPTIONAL_EDGES.some((e) => e.child === child && e.parents.includes(parent) && !e.enabledBy.some(on));
  const crates = lock ? reachableCrates(lock, pkg.name, follow) : new Map([...pkg.deps.keys()].map((name) => [name, '']));
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
  const programs = candidates(cargo.packages);

  return {
    language: 'rust',
    packageManager: { value: 'cargo', source: 'Cargo.toml' },
    framework: { value: framework?.id ?? null, source: framework ? `${pkg.dir === '.' ? '' : `${pkg.dir}/`}Cargo.toml depends on ${framework.crates.find((c) => pkg.deps.has(c))}` : 'Cargo.toml (no known web framework)' },
    runtime: rustRuntime(project, pkg, warnings),
    port: port.port,
    portSetting: port.setting,
    program: { name: bin.value, others: programs.filter((b) => b !== bin.value && b !== binLabel) },
    start: { value: { kind: 'exec', argv: ['/app'] }, source: `the ${binLabel} binary` },
    nativeDependencies,
    // Crates the binary pulls in, and the features enabled on its own dependencies in Cargo's
    // `crate/feature` notation (sqlx/postgres says which database sqlx talks to).
    dependencies: [...new Set([...crates.keys(), ...[...pkg.deps].flatMap(([crate, features]) => [...features].map((f) => `${crate}/${f}`))])]
      .sort()
      .map((name) => ({ registry: 'cargo', name, source })),
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

function chooseBin(project: Project, cargo: CargoProject, wanted: string | undefined, warnings: string[]): { pkg: CargoPackage; bin: Fact<string> } {
  const { packages, workspace } = cargo;
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
  const label = (i: number) => names[i] as string;
  const byPackage = (test: (p: CargoPackage, bin: string) => boolean) => all.flatMap((x, i) => (test(x.pkg, x.bin) ? [label(i)] : []));
  const tiers: Tier[] = [
    // What `cargo run` builds: the workspace's default-members, then a package's default-run.
    { why: 'Cargo.toml [workspace] default-members', names: cargo.defaultMembers ? byPackage((p) => cargo.defaultMembers!.includes(p.dir)) : [] },
    { why: 'Cargo.toml package.default-run', names: byPackage((p, bin) => p.defaultRun === null || !p.bins.includes(p.defaultRun) || p.defaultRun === bin) },
    { why: 'a deploy workflow or Makefile builds it', names: scriptedBins(project, all, label) },
  ];
  const listening = byPackage((p) => listens(project, p));
  tiers.push({ why: 'it is the binary that serves, with a web framework or a socket bind, beside tools', names: serviceByListening(names, listening) });
  tiers.push({ why: 'its name marks the service beside clients and tools', names: serviceByName(names) });
  const choice = chooseProgram(names, tiers);
  if (choice !== null) {
    const index = names.indexOf(choice.chosen);
    const { pkg, bin } = all[index] as { pkg: CargoPackage; bin: string };
    warnings.push(`This ${workspace ? 'workspace' : 'package'} has several binaries (${listNames(names)}); ${choice.chosen} was chosen (${choice.why}). Pass --main with another to build it instead.`);
    return { pkg, bin: { value: bin, source: choice.why } };
  }
  throw new ChoiceNeeded(
    `This ${workspace ? 'workspace' : 'package'} has several binaries: ${names.join(', ')}. Pass --main with the one to build (for example --main ${names[0]}).`,
    'main',
    `This ${workspace ? 'workspace' : 'package'} has several binaries. Which one is the app?`,
    names,
  );
}

/** Binaries named by `cargo build|install|run --bin X` or `-p X` in CI workflows and make files. */
function scriptedBins(project: Project, all: Array<{ pkg: CargoPackage; bin: string }>, label: (i: number) => string): string[] {
  const named = new Set<string>();
  for (const { text } of buildScripts(project)) {
    for (const line of text.split(/\r?\n/)) {
      if (!/\bcargo\s+(?:\+\S+\s+)?(?:build|install|run|zigbuild)\b/.test(line)) continue;
      for (const m of line.matchAll(/(?:--bin|--package|-p)(?:\s+|=)([A-Za-z0-9_-]+)/g)) {
        const name = m[1] as string;
        all.forEach((x, i) => {
          if (x.bin === name || (x.pkg.name === name && (x.pkg.defaultRun === null || x.pkg.defaultRun === x.bin || x.pkg.bins.length === 1))) named.add(label(i));
        });
      }
    }
  }
  return [...named];
}

/** A package serves when it depends on a web framework or its sources bind a socket. */
function listens(project: Project, pkg: CargoPackage): boolean {
  if (RUST_FRAMEWORKS.some((f) => f.crates.some((c) => pkg.deps.has(c)))) return true;
  const src = pkg.dir === '.' ? 'src' : `${pkg.dir}/src`;
  return project.find({ extensions: ['.rs'], under: [src], maxDepth: 6, maxFiles: 300 })
    .some((file) => /\b(?:TcpListener|UdpSocket)::bind\s*\(|\.bind\s*\(\s*\(|\bHttpServer::new\b|\baxum::serve\b|\bServer::bind\b/.test(project.readText(file) ?? ''));
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

function portFact(project: Project, pkg: CargoPackage, framework: { id: string; defaultPort: number | null } | null, warnings: string[]): { port: Fact<number | null>; setting: PortSetting } {
  const src = pkg.dir === '.' ? 'src' : `${pkg.dir}/src`;
  const files = project.find({ extensions: ['.rs'], under: [src], maxDepth: 6, maxFiles: 300 }).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const texts = files.map((file) => ({ file, text: project.readText(file) ?? '' }));
  // A config file the code reads at start (explicit configuration outranks code defaults).
  for (const { file, text } of texts) {
    for (const name of configFileNames(text)) {
      for (const path of resolveConfig(project, pkg.dir, file, name)) {
        const hit = configPort(readConfig(project, path));
        if (hit) {
          if (hit.loopback) warnings.push(`${path} sets ${hit.key} to a loopback address: the app is unreachable from outside the container. Listen on 0.0.0.0 instead.`);
          return { port: { value: hit.port, source: `${path} ${hit.key} (read by ${file})` }, setting: { kind: 'fixed', where: `${path} ${hit.key}, a file the image ships` } };
        }
      }
    }
  }
  for (const { file, text } of texts) {
    const hit = rustPort(text);
    if (hit) {
      if (hit.loopback) warnings.push(`${file} binds ${hit.evidence}, a loopback address: the app is unreachable from outside the container. Bind 0.0.0.0 instead.`);
      const at = lineOf(file, text, hit.index);
      const setting: PortSetting = hit.variable !== null
        ? envSetting(hit.variable, hit.port, `${at} reads ${hit.variable}, default ${hit.port}`)
        : /\bvar(?:_os)?\(\s*"\w*(?:PORT|ADDR)\w*"\s*\)/.test(text)
          ? { kind: 'unknown', where: `${at} binds ${hit.port}, and ${file} also reads a port variable` }
          : { kind: 'fixed', where: `${at} (${hit.evidence})` };
      return { port: { value: hit.port, source: `${file} (${hit.evidence})` }, setting };
    }
  }
  for (const { file, text } of texts) {
    const hit = rustDefaultPort(text);
    if (hit) return { port: { value: hit.port, source: `${file} (${hit.evidence})` }, setting: { kind: 'unknown', where: `${lineOf(file, text, hit.index)}: ${hit.evidence}, a setting this tool cannot follow` } };
  }
  if (framework?.id === 'rocket') {
    // Rocket reads ROCKET_PORT over Rocket.toml (https://rocket.rs/guide/v0.5/configuration/#environment-variables).
    const config = project.readToml('Rocket.toml');
    for (const profile of ['release', 'global', 'default']) {
      const table = config?.[profile] as Record<string, unknown> | undefined;
      if (typeof table?.port === 'number') return { port: { value: table.port, source: `Rocket.toml [${profile}] port` }, setting: envSetting('ROCKET_PORT', table.port, 'Rocket reads ROCKET_PORT over Rocket.toml') };
    }
  }
  if (framework?.defaultPort) {
    const setting = framework.id === 'rocket' ? envSetting('ROCKET_PORT', framework.defaultPort, 'Rocket reads ROCKET_PORT') : { kind: 'unknown' as const };
    return { port: { value: framework.defaultPort, source: `${framework.id} default` }, setting };
  }
  return { port: { value: null, source: 'no listen address found in the sources' }, setting: { kind: 'unknown' } };
}

/** Where a config file named in the sources lives: beside the source, in the package, at the root, or one folder down. */
function resolveConfig(project: Project, pkgDir: string, sourceFile: string, name: string): string[] {
  const join = (dir: string, rel: string) => {
    const parts: string[] = [];
    for (const part of `${dir === '.' ? '' : `${dir}/`}${rel}`.split('/')) {
      if (part === '' || part === '.') continue;
      if (part === '..') parts.pop();
      else parts.push(part);
    }
    return parts.join('/');
  };
  const sourceDir = sourceFile.includes('/') ? sourceFile.slice(0, sourceFile.lastIndexOf('/')) : '.';
  const direct = [join(sourceDir, name), join(pkgDir, name), join('.', name)];
  const base = name.split('/').pop() as string;
  const nearby = project.find({ extensions: [base.slice(base.lastIndexOf('.'))], under: [pkgDir], maxDepth: 2, maxFiles: 200 })
    .filter((f) => f.split('/').pop() === base);
  return [...new Set([...direct, ...nearby])].filter((f) => f !== '' && project.isFile(f));
}

function readConfig(project: Project, path: string): unknown {
  try {
    if (path.endsWith('.toml')) return project.readToml(path);
    if (path.endsWith('.json')) return project.readJson(path);
    return yaml().parse(project.readText(path) ?? '');
  } catch {
    return null;
  }
}

/** main.rs first, then the rest of the sources. */
const rank = (path: string): number => (path.endsWith('/main.rs') ? 0 : 1);
