// Go detection: go.mod (or go.work), the main package to build, whether cgo is needed, the
// framework and the port. Pure over the project files.
import { ChoiceNeeded, UserError } from '../../errors.js';
import { GO_FRAMEWORKS, goModuleRule, type GoModuleRule } from './knowledge/modules.js';
import { goLine } from './knowledge/versions.js';
import type { DetectOptions } from '../../ecosystem.js';
import { shorten, type Project } from '../../project.js';
import type { Fact, NativeDependency, PortSetting, RuntimeRequirement } from '../../types.js';
import { parseGoMod, parseGoWork, vendoredModules, type GoMod } from './go-mod.js';
import { configPort, fileBuildsOnLinux, goConfigFiles, goFileInfo, goPort, type GoFileInfo, type PortHit } from './sources.js';
import { envSetting, lineOf } from '../../detect/port.js';
import { buildScripts, chooseProgram, listNames, serviceByListening, serviceByName, type Tier } from '../../detect/program-choice.js';
import { yaml } from '../../lazy.js';
import type { GoFacts } from './types.js';
import { missingEmbeds } from './embeds.js';


/** Folders whose main packages are samples or tooling, not the app. */
const NOT_APPS = new Set(['testdata', 'example', 'examples', '_examples', 'tools', 'hack', 'scripts', 'internal']);

interface Module {
  dir: string;
  file: string;
  mod: GoMod;
}

export function detectGo(project: Project, options: DetectOptions): GoFacts {
  const warnings: string[] = [];
  const modules = readModules(project);
  const work = project.isFile('go.work') ? parseGoWork(project.readText('go.work') ?? '', 'go.work') : null;
  const root = modules.find((m) => m.dir === '.') ?? null;

  const runtime = goRuntime(work?.toolchain ?? null, work?.go ?? null, root, work !== null);
  const manifestFiles = manifests(project, modules, work !== null);
  const vendored = project.isFile('vendor/modules.txt');
  if (vendored && work !== null) warnings.push('vendor/ is ignored in go.work workspace mode; modules are downloaded instead.');

  const files = goFiles(project, modules.map((m) => m.dir));
  const mains = mainPackages(files, modules.map((m) => m.dir));
  const graph = packageGraph(files, modules);
  const mainPackage = chooseMain(project, mains, options.main, modules, graph, warnings);
  // Only what the chosen main builds: its own packages and the module's packages it imports.
  const built = graph.closure(mainPackage.value === '.' ? '.' : mainPackage.value.slice(2));
  const builtFiles = files.filter((f) => built.includes(f.dir)).sort((a, b) => built.indexOf(a.dir) - built.indexOf(b.dir));

  // Requirements: go.mod (Go >= 1.17 lists every module the build needs), vendor/modules.txt, and
  // go.sum's code entries for older modules whose go.mod lists only direct requirements.
  const requirePaths = new Set<string>();
  for (const m of modules) for (const r of m.mod.requires) requirePaths.add(r.path);
  if (vendored && work === null) for (const p of vendoredModules(project.readText('vendor/modules.txt') ?? '')) requirePaths.add(p);
  if (root && olderThan117(root.mod.go)) for (const p of goSumModules(project.readText('go.sum') ?? '')) requirePaths.add(p);

  // A module counts when the chosen main's packages import it (or a driver that wraps it): go.mod
  // also lists what only other mains, tests or `tool` lines need, which the binary never links.
  const imports = new Set<string>();
  for (const f of builtFiles) for (const i of f.info.imports) imports.add(i);
  const imported = (path: string) => [...imports].some((i) => i === path || i.startsWith(`${path}/`));
  const rules = [...requirePaths].map((path) => ({ path, rule: goModuleRule(path) }))
    .filter((x): x is { path: string; rule: GoModuleRule } => x.rule !== null)
    .filter(({ path, rule }) => imported(rule.importPath ?? path) || (rule.via ?? []).some(imported))
    .sort((a, b) => a.path.localeCompare(b.path));
  const cgoRules = rules.filter(({ rule }) => rule.cgo);

  const cgoFiles = builtFiles.filter((f) => f.info.imports.includes('C') && !f.info.cgoOptional).map((f) => f.path);
  const cgo = [
    ...cgoFiles.slice(0, 5).map((p) => `${p} imports "C"`),
    ...(cgoFiles.length > 5 ? [`${cgoFiles.length - 5} more files import "C"`] : []),
    ...cgoRules.map(({ path, rule }) => `${path} ${rule.note}`),
  ];
  const source = vendored ? 'vendor/modules.txt' : 'go.mod';
  const nativeDependencies: NativeDependency[] = cgoRules.map(({ path, rule }) => ({
    name: path,
    version: modules.flatMap((m) => m.mod.requires).find((r) => r.path === path)?.version ?? null,
    glibcOnly: rule.glibcOnly,
    build: rule.build,
    runtime: rule.runtime,
    blocksDistroless: null,
    note: rule.note,
    source,
    reference: rule.source,
  }));
  if (cgoFiles.length > 0) {
    nativeDependencies.push({
      name: 'cgo', version: null, glibcOnly: false, build: { debian: [], alpine: [] }, runtime: { debian: [], alpine: [] },
      blocksDistroless: null, note: `the module's own C code (${cgoFiles.length} file${cgoFiles.length === 1 ? '' : 's'} with import "C") links libc`,
      source: cgoFiles[0] as string, reference: 'https://pkg.go.dev/cmd/cgo',
    });
  }

  const direct = new Set(modules.flatMap((m) => m.mod.requires.filter((r) => !r.indirect).map((r) => r.path)));
  const framework = GO_FRAMEWORKS.find((f) => f.modules.some((m) => direct.has(m))) ?? null;
  const port = goPortFact(project, builtFiles, framework, warnings);
  const assetNeeds = missingEmbeds(project, builtFiles);

  return {
    language: 'go',
    packageManager: { value: 'go', source: work ? 'go.work' : 'go.mod' },
    framework: { value: framework?.id ?? null, source: framework ? `go.mod requires ${framework.modules.find((m) => direct.has(m))}` : 'go.mod (net/http or no known framework)' },
    runtime,
    port: port.port,
    portSetting: port.setting,
    // Always named: deploy files run the program by this name (subcommands), and with several
    // programs only those naming it speak for its port.
    program: { name: programName(mainPackage.value, root?.mod.module ?? null) ?? 'app', others: mains.filter((m) => m !== mainPackage.value).map((m) => programName(m, null) ?? m) },
    start: { value: { kind: 'exec', argv: ['/app'] }, source: `the binary built from ${mainPackage.value}` },
    ...(assetNeeds.length > 0 ? { assetNeeds } : {}),
    nativeDependencies,
    // What the chosen main links: go.mod also lists modules only other mains or tests import.
    dependencies: [...requirePaths].filter(imported).sort().map((name) => ({ registry: 'golang', name, source })),
    warnings,
    module: root?.mod.module ?? null,
    manifestFiles,
    hasRequirements: requirePaths.size > 0,
    vendored: vendored && work === null,
    mainPackage,
    mainCandidates: mains,
    cgo,
    libstdcxx: cgoRules.some(({ rule }) => rule.libstdcxx),
    muslTags: [...new Set(cgoRules.flatMap(({ rule }) => rule.muslTags))].sort(),
  };
}


function readModules(project: Project): Module[] {
  const dirs = ['.'];
  if (project.isFile('go.work')) {
    for (const dir of parseGoWork(project.readText('go.work') ?? '', 'go.work').use) if (!dirs.includes(dir)) dirs.push(dir);
  }
  const modules: Module[] = [];
  for (const dir of dirs) {
    const file = dir === '.' ? 'go.mod' : `${dir}/go.mod`;
    const text = project.readText(file);
    if (text === null) {
      if (dir === '.') continue;
      throw new UserError(`go.work uses ${dir}, but ${file} does not exist. Fix go.work (\`go work use\`) and run again.`);
    }
    modules.push({ dir, file, mod: parseGoMod(text, file) });
  }
  if (modules.length === 0) throw new UserError('go.work uses no module with a go.mod. Add one with `go work use ./dir` and run again.');
  return modules;
}

/**
 * A toolchain line pins the Go line; a go line is a minimum: since Go 1.21 it is "the minimum Go
 * version required to use this module", and a newer toolchain builds the module unchanged
 * (https://go.dev/doc/toolchain, https://go.dev/ref/mod#go-mod-file-go). So `go 1.13` builds with
 * the newest released Go, and only `toolchain go1.25.3` (go.work's first) names the line.
 */
function goRuntime(workToolchain: string | null, workGo: string | null, root: Module | null, workspace: boolean): RuntimeRequirement {
  const file = workspace ? 'go.work' : 'go.mod';
  const candidates: Array<[string | null, string]> = [
    [workToolchain, 'go.work toolchain'],
    [workGo, 'go.work go'],
    [root?.mod.toolchain ?? null, 'go.mod toolchain'],
    [root?.mod.go ?? null, 'go.mod go'],
  ];
  // Every line is checked, not only the one that wins: the go command rejects a go.mod whose go
  // line is not a version even when a toolchain line follows, and other checks read the go line.
  let chosen: RuntimeRequirement | null = null;
  for (const [value, source] of candidates) {
    if (value === null || value === 'default') continue;
    const line = goLine(value);
    if (line === null) throw new UserError(`${source.split(' ')[0]} names Go version ${JSON.stringify(shorten(value, 60))} in its ${source.split(' ')[1]} line, which is not a version like 1.24 or go1.24.2. Fix ${file} and run again.`);
    const pinned = source.endsWith('toolchain');
    chosen ??= { constraint: pinned ? line : `>=${line}`, pinned, source: `${source} ${value}` };
  }
  if (chosen) return chosen;
  return { constraint: null, pinned: false, source: `${file} (no go line)` };
}

function manifests(project: Project, modules: Module[], workspace: boolean): string[] {
  const files: string[] = [];
  if (workspace) files.push('go.work', 'go.work.sum');
  for (const m of modules) {
    const prefix = m.dir === '.' ? '' : `${m.dir}/`;
    files.push(`${prefix}go.mod`, `${prefix}go.sum`);
  }
  return files.filter((f) => project.isFile(f));
}

interface SourceFile {
  path: string;
  dir: string;
  info: GoFileInfo;
  text: string;
}

function goFiles(project: Project, moduleDirs: string[]): SourceFile[] {
  const found = project.find({ extensions: ['.go'], under: moduleDirs, maxDepth: 8, maxFiles: 3000 });
  const files: SourceFile[] = [];
  for (const path of [...new Set(found)].sort()) {
    if (path.endsWith('_test.go') || path.split('/').some((part) => part === 'testdata' || part.startsWith('_')) || !fileBuildsOnLinux(path)) continue;
    const text = project.readText(path) ?? '';
    const info = goFileInfo(text);
    if (info.ignored) continue;
    const slash = path.lastIndexOf('/');
    files.push({ path, dir: slash < 0 ? '.' : path.slice(0, slash), info, text });
  }
  return files;
}

const asPackage = (dir: string): string => (dir === '.' ? '.' : `./${dir}`);

/** Main packages as `go build` arguments; root and cmd/<name> first, samples and tools only if nothing else. */
function mainPackages(files: SourceFile[], moduleDirs: string[]): string[] {
  const dirs = [...new Set(files.filter((f) => f.info.packageName === 'main' && f.info.hasMain).map((f) => f.dir))];
  // A module root, <module>/cmd/<name>, or a folder right under a module root (server/, worker/).
  const isPrimary = (dir: string) => moduleDirs.some((m) => {
    const rest = m === '.' ? dir : dir.startsWith(`${m}/`) ? dir.slice(m.length + 1) : dir === m ? '.' : null;
    return rest !== null && (rest === '.' || /^cmd\/[^/]+$/.test(rest) || !rest.includes('/'));
  });
  const primary = dirs.filter((d) => isPrimary(d) && !d.split('/').some((p) => NOT_APPS.has(p)));
  return (primary.length > 0 ? primary : dirs).sort((a, b) => (a === '.' ? -1 : b === '.' ? 1 : a.localeCompare(b))).map(asPackage);
}

function chooseMain(project: Project, mains: string[], wanted: string | undefined, modules: Module[], graph: PackageGraph, warnings: string[]): Fact<string> {
  if (mains.length === 0) {
    const where = modules.map((m) => m.dir).join(', ');
    throw new UserError(`No main package found in ${where}: no non-test .go file has "package main" with "func main()". Add one (a root main.go or cmd/<name>/main.go) and run again.`);
  }
  if (wanted !== undefined) {
    const want = wanted.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/+$/, '');
    const matches = mains.filter((m) => {
      const dir = m === '.' ? '.' : m.slice(2);
      return dir === want || (want !== '.' && (dir.endsWith(`/cmd/${want}`) || dir === `cmd/${want}` || dir.split('/').pop() === want));
    });
    const exact = matches.find((m) => m.slice(2) === want || (m === '.' && want === '.'));
    const chosen = exact ?? (matches.length === 1 ? matches[0] : undefined);
    if (chosen === undefined) {
      throw new UserError(`--main ${wanted} ${matches.length > 1 ? 'matches several' : 'matches none of the'} main packages: ${mains.join(', ')}. Pass --main with one of them.`);
    }
    return { value: chosen, source: `--main ${wanted}` };
  }
  if (mains.length === 1) return { value: mains[0] as string, source: 'the only main package' };
  const dirOf = (m: string) => (m === '.' ? '.' : m.slice(2));
  const nameOf = (m: string) => (m === '.' ? (modules[0]?.mod.module ?? '.').split('/').pop() as string : m.split('/').pop() as string);
  const names = mains.map(nameOf);
  const unique = new Set(names).size === names.length;
  const byName = (list: string[]) => (unique ? list.map((m) => nameOf(m)) : []);
  const moduleNames = modules.map((m) => m.mod.module?.split('/').pop()).filter((n): n is string => n !== undefined);
  const tiers: Tier[] = [
    { why: 'a deploy workflow or Makefile builds it', names: byName(scriptedMains(project, mains)) },
    { why: 'it is the main that serves, importing net/http or a web framework and calling a listen function, beside tools', names: serviceByListening(names, byName(mains.filter((m) => graph.listens(dirOf(m))))) },
    { why: 'its name marks the service beside clients and tools', names: serviceByName(names) },
    { why: 'it is cmd/<the module\'s name>', names: byName(mains.filter((m) => moduleNames.some((n) => dirOf(m).endsWith(`cmd/${n}`)))) },
  ];
  const choice = unique ? chooseProgram(names, tiers) : null;
  if (choice !== null) {
    const chosen = mains[names.indexOf(choice.chosen)] as string;
    warnings.push(`This module has several main packages (${listNames(mains)}); ${chosen} was chosen (${choice.why}). Pass --main with another to build it instead.`);
    return { value: chosen, source: choice.why };
  }
  throw new ChoiceNeeded(
    `This module has several main packages: ${mains.join(', ')}. Pass --main with the one to build (for example --main ${mains[1] ?? mains[0]}).`,
    'main',
    'This module has several main packages. Which one is the app?',
    mains,
  );
}

/** Main packages named by `go build|install ./cmd/x` in deploy workflows and make files. */
function scriptedMains(project: Project, mains: string[]): string[] {
  const named = new Set<string>();
  for (const { text } of buildScripts(project)) {
    for (const line of text.split(/\r?\n/)) {
      if (!/\bgo\s+(?:build|install)\b/.test(line)) continue;
      for (const m of mains) {
        if (m === '.') continue;
        const dir = m.slice(2).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (new RegExp(`(?:^|[\\s=])(?:\\./)?${dir}(?:/\\.\\.\\.)?/?(?:\\s|$)`).test(line)) named.add(m);
      }
    }
  }
  return [...named];
}

/** Which folders import which, inside the module(s): what a main package builds. */
interface PackageGraph {
  /** The folder and every in-module folder it imports, transitively, in breadth-first order. */
  closure(dir: string): string[];
  /** The folder's closure imports net/http or a web framework and calls a listen function. */
  listens(dir: string): boolean;
}

const LISTEN_CALL = /\b(?:ListenAndServe(?:TLS)?|ServeTLS|Serve|Listen|ListenTLS|Run|RunTLS|Start|StartTLS)\s*\(/;

function packageGraph(files: SourceFile[], modules: Module[]): PackageGraph {
  const byDir = new Map<string, SourceFile[]>();
  for (const f of files) byDir.set(f.dir, [...(byDir.get(f.dir) ?? []), f]);
  const dirOfImport = (path: string): string | null => {
    for (const m of modules) {
      const mod = m.mod.module;
      if (mod === null) continue;
      if (path === mod) return m.dir;
      if (path.startsWith(`${mod}/`)) {
        const rel = path.slice(mod.length + 1);
        return m.dir === '.' ? rel : `${m.dir}/${rel}`;
      }
    }
    return null;
  };
  const closure = (start: string): string[] => {
    const seen = [start];
    for (let i = 0; i < seen.length; i++) {
      for (const f of byDir.get(seen[i] as string) ?? []) {
        for (const imp of f.info.imports) {
          const dir = dirOfImport(imp);
          if (dir !== null && byDir.has(dir) && !seen.includes(dir)) seen.push(dir);
        }
      }
    }
    return seen;
  };
  const frameworks = GO_FRAMEWORKS.flatMap((f) => f.modules);
  return {
    closure,
    listens(dir) {
      const own = closure(dir).flatMap((d) => byDir.get(d) ?? []);
      const web = own.some((f) => f.info.imports.some((i) => i === 'net/http' || i === 'net' || i === 'google.golang.org/grpc' || frameworks.some((m) => i === m || i.startsWith(`${m}/`))));
      return web && own.some((f) => LISTEN_CALL.test(f.text));
    },
  };
}

function goPortFact(project: Project, files: SourceFile[], framework: { id: string; name: string; defaultPort: number | null; modules: string[]; source: string } | null, warnings: string[]): { port: Fact<number | null>; setting: PortSetting } {
  // A config file the code names (flag default or os.ReadFile) outranks defaults in the code.
  for (const f of files) {
    for (const name of goConfigFiles(f.text)) {
      if (!project.isFile(name)) continue;
      const hit = configFilePort(project, name);
      if (hit) return { port: { value: hit.port, source: `${name} ${hit.key} (named in ${f.path})` }, setting: { kind: 'fixed', where: `${name} ${hit.key}, a file the image ships` } };
    }
  }
  // Listen calls first (in the main's own folder first), then defaults named for a port or address.
  for (const kind of ['listen', 'default', 'any-default'] as const) {
    for (const f of files) {
      const found = goPort(f.text, kind, f.path);
      if (found) {
        if (found.loopback) warnings.push(`${f.path} listens on ${found.evidence}, a loopback address: the app is unreachable from outside the container. Listen on ":${found.port}" instead.`);
        return { port: { value: found.port, source: `${f.path} (${found.evidence})` }, setting: goSetting(found, lineOf(f.path, f.text, found.index)) };
      }
    }
  }
  if (framework?.defaultPort) {
    // Gin's Run() without an address listens on $PORT, else :8080.
    const setting = framework.id === 'gin' ? envSetting('PORT', framework.defaultPort, `Gin's Run() reads PORT (${framework.source})`) : { kind: 'unknown' as const };
    return { port: { value: framework.defaultPort, source: `${framework.id} default` }, setting };
  }
  return { port: { value: null, source: 'no listen address found in the packages the main builds' }, setting: { kind: 'unknown' } };
}

/** How the program is told its port, from the kind of default the port is (sources.ts). */
function goSetting(hit: PortHit, at: string): PortSetting {
  const value = hit.address ? ':{port}' : '{port}';
  switch (hit.via.kind) {
    case 'literal':
      return { kind: 'fixed', where: `${at} (${hit.evidence})` };
    case 'env':
      return envSetting(hit.via.name, hit.port, `${at} reads ${hit.via.name}, default ${hit.evidence}`, value);
    case 'flag':
      // Go's flag package and pflag both take --name=value.
      return { kind: 'argument', format: `--${hit.via.name}=${value}`, replaces: null, default: hit.port, where: `${at} has the flag -${hit.via.name}, default ${hit.evidence}` };
    case 'default':
      return { kind: 'unknown', where: `${at} names ${hit.evidence}, and nothing found says what overrides it` };
  }
}

function configFilePort(project: Project, path: string): { port: number; key: string } | null {
  let data: unknown = null;
  try {
    if (path.endsWith('.toml')) data = project.readToml(path);
    else if (path.endsWith('.json')) data = project.readJson(path);
    else data = yaml().parse(project.readText(path) ?? '');
  } catch {
    return null;
  }
  return configPort(data);
}

function olderThan117(go: string | null): boolean {
  if (go === null) return true;
  const minor = Number(/^1\.(\d+)/.exec(go)?.[1] ?? '0');
  return minor < 17;
}

/**
 * Modules whose code (not only go.mod) go.sum records: "path version h1:..." without "/go.mod".
 * Only entries count: exactly three fields with a "v" version, as the go command reads the file.
 */
export function goSumModules(text: string): string[] {
  const paths = new Set<string>();
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length !== 3) continue;
    const [path, version] = fields as [string, string, string];
    if (/^v\d/.test(version) && !version.endsWith('/go.mod')) paths.add(path);
  }
  return [...paths];
}

/**
 * The name `go build` / `go install` gives the binary: the main package's folder, or for the
 * module root the module path's last element without a /vN major suffix
 * (https://pkg.go.dev/cmd/go#hdr-Compile_and_install_packages_and_dependencies).
 */
export function programName(mainPackage: string, module: string | null): string | null {
  const parts = (mainPackage === '.' ? module ?? '' : mainPackage).split('/').filter((p) => p !== '' && p !== '.');
  if (mainPackage === '.' && parts.length > 1 && /^v\d+$/.test(parts.at(-1) as string)) parts.pop();
  return parts.at(-1) ?? null;
}
