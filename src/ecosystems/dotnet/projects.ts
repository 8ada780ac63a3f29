// Which project of a repository is the app: the projects a solution (.sln, .slnx) lists, or the
// project files in the tree, each classified by its SDK, output type and packages. Test projects,
// class libraries and Aspire app hosts are never deployed; evidence (an existing Dockerfile or a
// Procfile naming the project) picks among the rest, then a single web project wins; two web
// projects with nothing between them are a question (--main), named both.
import { posix } from 'node:path';
import type { Project } from '../../project.js';
import { ChoiceNeeded, UserError } from '../../errors.js';
import { shorten } from '../../project.js';
import { xml } from '../../lazy.js';
import { checkWellFormed, isTrue, parseMsbuild, property, type MsbuildFile } from './msbuild.js';
import type { ProjectKind } from './types.js';
import { PROJECT_EXTENSIONS, SOLUTION_EXTENSIONS } from './entry.js';

/** Build output folders a bounded search skips (NEVER_WALK holds the others). */
const OUTPUT_DIRS = new Set(['bin', 'obj', 'artifacts']);

/**
 * Test frameworks: a project referencing one (or a package of its family: xunit.v3.mtp-v2,
 * NUnit.Analyzers, MSTest.TestAdapter) is a test project (https://learn.microsoft.com/en-us/dotnet/core/testing/).
 */
const TEST_PACKAGES = ['microsoft.net.test.sdk', 'microsoft.testing.platform'];
const TEST_FAMILIES = ['xunit', 'nunit', 'mstest', 'tunit'];
const isTestPackage = (id: string): boolean => TEST_PACKAGES.includes(id) || TEST_FAMILIES.some((f) => id === f || id.startsWith(`${f}.`));

export interface ProjectInfo {
  file: string;
  /** File name without extension ("Api"). */
  name: string;
  dir: string;
  kind: ProjectKind;
  /** The project with its Directory.Build.props merged in (props first, the project's own values win). */
  properties: Map<string, string>;
  msbuild: MsbuildFile;
  /** Directory.Build.props files that apply, outermost first. */
  props: string[];
}

/** A props file's PackageReference items (analyzers, shared packages), by file. */
export function propsPackages(project: Project, info: ProjectInfo): Array<[string, Map<string, string | null>]> {
  return info.props.map((p) => [p, readMsbuild(project, p).packages]);
}


/** Project files the solutions at the root list, else every project file in the tree (bounded). */
export function projectFiles(project: Project): { files: string[]; source: string } {
  // A root project file that is not a regular file (a link loop, a folder) is named, not skipped.
  for (const name of project.list('.')) if (PROJECT_EXTENSIONS.some((ext) => name.endsWith(ext)) && !project.isFile(name)) project.readText(name);
  const solutions = project.list('.').filter((n) => SOLUTION_EXTENSIONS.some((ext) => n.endsWith(ext)) && project.isFile(n));
  if (solutions.length > 0) {
    const files = new Set<string>();
    for (const solution of solutions) for (const file of solutionProjects(project, solution)) if (project.isFile(file)) files.add(file);
    if (files.size > 0) return { files: [...files].sort(), source: solutions.join(', ') };
  }
  const found = project.find({ extensions: PROJECT_EXTENSIONS, maxDepth: 5, maxFiles: 200 }).filter((f) => !f.split('/').some((p) => OUTPUT_DIRS.has(p)));
  return { files: found.sort(), source: 'the project files in the tree' };
}

/** Project paths a solution lists (.sln: `Project(...) = "Name", "path", ...` lines; .slnx: <Project Path>). */
export function solutionProjects(project: Project, solution: string): string[] {
  const text = project.readText(solution) ?? '';
  const paths: string[] = [];
  if (solution.endsWith('.slnx')) {
    checkWellFormed(solution, text);
    let doc: unknown;
    try {
      doc = new (xml().XMLParser)({ ignoreAttributes: false, attributeNamePrefix: '@' }).parse(text.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new UserError(`${shorten(solution)} is not valid XML (${shorten(String((error as Error).message ?? error), 160)}). Fix the file and run again.`);
    }
    collectSlnx(doc, paths, 0);
  } else {
    for (const line of text.split('\n')) {
      const m = /^Project\("[^"]*"\)\s*=\s*"[^"]*",\s*"([^"]+)"/.exec(line.trim());
      if (m) paths.push(m[1]!);
    }
  }
  return paths
    .map((p) => posix.normalize(p.replaceAll('\\', '/')))
    .filter((p) => PROJECT_EXTENSIONS.some((ext) => p.endsWith(ext)) && !p.startsWith('../') && !posix.isAbsolute(p));
}

function collectSlnx(node: unknown, out: string[], depth: number): void {
  if (depth > 20 || node === null || typeof node !== 'object') return;
  if (Array.isArray(node)) {
    for (const n of node) collectSlnx(n, out, depth + 1);
    return;
  }
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === 'Project') {
      for (const p of Array.isArray(value) ? value : [value]) {
        const path = p !== null && typeof p === 'object' ? (p as Record<string, unknown>)['@Path'] : undefined;
        if (typeof path === 'string') out.push(path);
      }
    } else if (!key.startsWith('@')) collectSlnx(value, out, depth + 1);
  }
}

/** The nearest file named `name` in `dir` or a folder above it, inside the project; null when none. */
export function nearest(project: Project, dir: string, name: string): string | null {
  let current = dir;
  for (let i = 0; i < 20; i++) {
    const hit = project.list(current).find((n) => n.toLowerCase() === name.toLowerCase());
    const path = hit === undefined ? null : current === '.' ? hit : `${current}/${hit}`;
    if (path !== null && project.isFile(path)) return path;
    if (current === '.') return null;
    current = posix.dirname(current);
  }
  return null;
}

/**
 * The Directory.Build.props files MSBuild imports for a project in `dir`, outermost first: the
 * nearest one, and the one above it when it imports its parent (GetPathOfFileAbove), and so on.
 * https://learn.microsoft.com/en-us/visualstudio/msbuild/customize-by-directory
 */
export function buildProps(project: Project, dir: string, name = 'Directory.Build.props'): string[] {
  const chain: string[] = [];
  let from: string | null = dir;
  while (from !== null && chain.length < 10) {
    const hit = nearest(project, from, name);
    if (hit === null) break;
    chain.unshift(hit);
    if (!(project.readText(hit) ?? '').includes('GetPathOfFileAbove')) break;
    const parent = posix.dirname(hit);
    from = parent === '.' ? null : posix.dirname(parent);
  }
  return chain;
}

const parsed = new WeakMap<Project, Map<string, MsbuildFile>>();

/** Parsed once per run: several projects share one Directory.Build.props. */
export function readMsbuild(project: Project, path: string): MsbuildFile {
  let cache = parsed.get(project);
  if (cache === undefined) parsed.set(project, (cache = new Map()));
  const hit = cache.get(path);
  if (hit !== undefined) return hit;
  const file = parseMsbuild(project, path);
  cache.set(path, file);
  return file;
}

export function projectInfo(project: Project, file: string): ProjectInfo {
  const msbuild = readMsbuild(project, file);
  const dir = posix.dirname(file);
  const props = buildProps(project, dir);
  const properties = new Map<string, string>();
  for (const p of props) for (const [k, v] of readMsbuild(project, p).properties) properties.set(k, v);
  for (const [k, v] of msbuild.properties) properties.set(k, v);
  const packages = new Set([...msbuild.packages.keys(), ...props.flatMap((p) => [...readMsbuild(project, p).packages.keys()])].map((p) => p.toLowerCase()));
  const name = posix.basename(file).replace(/\.[a-z]+$/, '');
  return { file, name, dir, kind: classify(msbuild.sdk, properties, packages), properties, msbuild, props };
}

export function classify(sdk: string | null, properties: ReadonlyMap<string, string>, packages: ReadonlySet<string>): ProjectKind {
  const s = (sdk ?? '').toLowerCase();
  if (isTrue(property(properties, 'IsTestProject')) || s === 'mstest.sdk' || [...packages].some(isTestPackage)) return 'test';
  // IsPublishable=false: the project says it is never published (https://learn.microsoft.com/en-us/dotnet/core/project-sdk/msbuild-props#ispublishable).
  if ((property(properties, 'IsPublishable') ?? '').trim().toLowerCase() === 'false') return 'unpublishable';
  if (s.startsWith('aspire.apphost.sdk') || isTrue(property(properties, 'IsAspireHost')) || packages.has('aspire.hosting.apphost')) return 'aspire-host';
  if (s === 'microsoft.net.sdk.blazorwebassembly') return 'blazor-wasm';
  // MAUI, WPF and WinForms apps run on a desktop or a phone, never in a Linux container.
  if (['UseMaui', 'UseWPF', 'UseWindowsForms'].some((p) => isTrue(property(properties, p)))) return 'gui';
  const output = (property(properties, 'OutputType') ?? '').toLowerCase();
  if (s === 'microsoft.net.sdk.web') return output === 'library' ? 'library' : 'web';
  if (s === 'microsoft.net.sdk.worker') return output === 'library' ? 'library' : 'worker';
  return output === 'exe' || output === 'winexe' ? 'console' : 'library';
}

const DEPLOYABLE: ReadonlySet<ProjectKind> = new Set(['web', 'worker', 'console']);

const KIND_NAMES: Record<ProjectKind, string> = {
  web: 'web app', worker: 'worker service', console: 'console app', test: 'test project', library: 'class library',
  'aspire-host': 'Aspire app host (development orchestration)', 'blazor-wasm': 'Blazor WebAssembly client (static files)',
  unpublishable: 'project that sets IsPublishable false', gui: 'desktop or mobile app (MAUI, WPF, WinForms)',
};

export function describeKind(kind: ProjectKind): string {
  return KIND_NAMES[kind];
}

export interface Choice {
  info: ProjectInfo;
  source: string;
  /** The deployable projects not chosen, by name. */
  others: string[];
}

/** The deployable project: --main, else evidence, else the only (web) one; several equal ones are a question. */
export function chooseProject(project: Project, infos: ProjectInfo[], listed: string, wanted: string | undefined, warnings: string[]): Choice {
  const deployable = infos.filter((i) => DEPLOYABLE.has(i.kind));
  const others = (chosen: ProjectInfo) => deployable.filter((d) => d !== chosen).map((d) => d.name);
  if (wanted !== undefined) {
    const want = wanted.replace(/^\.\//, '').replace(/\/+$/, '').toLowerCase();
    const matches = infos.filter((i) => [i.name, i.file, i.dir].some((n) => n.toLowerCase() === want));
    if (matches.length !== 1) {
      throw new UserError(`--main ${wanted} ${matches.length > 1 ? 'matches several' : 'matches none of the'} projects (${listed}): ${deployable.map((d) => d.name).join(', ') || 'none is deployable'}. Pass --main with one of them.`);
    }
    const chosen = matches[0]!;
    if (!DEPLOYABLE.has(chosen.kind)) throw new UserError(`--main ${wanted}: ${chosen.file} is a ${describeKind(chosen.kind)}, which is not deployed on its own. Pass --main with a web app, worker or console app.`);
    return { info: chosen, source: `--main ${wanted}`, others: others(chosen) };
  }
  if (deployable.length === 0) {
    const found = infos.map((i) => `${i.file} (${describeKind(i.kind)})`).join(', ');
    throw new UserError(
      infos.length === 0
        ? `No project file (.csproj, .fsproj, .vbproj) found in ${listed}. Run the tool in the folder that holds the solution or the project.`
        : `No deployable project in ${listed}: ${shorten(found, 600)}. A web app (Microsoft.NET.Sdk.Web), worker (Microsoft.NET.Sdk.Worker) or console app (OutputType Exe) is needed.`,
    );
  }
  if (deployable.length === 1) {
    const chosen = deployable[0]!;
    return { info: chosen, source: infos.length > 1 ? `the only deployable project in ${listed}` : 'the only project', others: [] };
  }
  const evidence = deployable.filter((d) => namedByDeployFile(project, d));
  if (evidence.length === 1) {
    const chosen = evidence[0]!;
    warnings.push(`Several deployable projects (${deployable.map((d) => d.name).join(', ')}); ${chosen.name} was chosen because an existing Dockerfile or Procfile builds it, or its project file names its container image. Pass --main with another to build it instead.`);
    return { info: chosen, source: 'an existing Dockerfile, Procfile or container setting names it', others: others(chosen) };
  }
  const webs = deployable.filter((d) => d.kind === 'web');
  if (webs.length === 1) {
    const chosen = webs[0]!;
    warnings.push(`Several deployable projects (${deployable.map((d) => `${d.name}: ${describeKind(d.kind)}`).join(', ')}); ${chosen.name}, the only web app, was chosen. Pass --main with another to build it instead.`);
    return { info: chosen, source: `the only web project in ${listed}`, others: others(chosen) };
  }
  const tied = webs.length > 1 ? webs : deployable;
  const names = tied.map((d) => d.name);
  throw new ChoiceNeeded(
    `${listed} holds ${tied.length} ${webs.length > 1 ? 'web projects' : 'deployable projects'} and nothing says which one is deployed: ${tied.map((d) => `${d.name} (${d.file})`).join(', ')}. ` +
      `Pass --main with the one to build (for example --main ${names[0]}), and run the tool again for the other.`,
    'main',
    'This solution has several deployable projects. Which one is the app?',
    names,
  );
}

/**
 * Deploy evidence for a project: an existing Dockerfile (at the root or in the project's folder)
 * or Procfile that names the project file or its dll, or the SDK's container settings in the
 * project (ContainerRepository, ContainerImageName: https://learn.microsoft.com/en-us/dotnet/core/containers/publish-configuration).
 */
function namedByDeployFile(project: Project, info: ProjectInfo): boolean {
  if (info.msbuild.properties.has('ContainerRepository') || info.msbuild.properties.has('ContainerImageName')) return true;
  const assembly = property(info.properties, 'AssemblyName') ?? info.name;
  const files = ['Dockerfile', 'Procfile', info.dir === '.' ? 'Dockerfile' : `${info.dir}/Dockerfile`];
  return files.some((f) => {
    const text = project.isFile(f) ? (project.readText(f) ?? '') : '';
    return text.includes(`${posix.basename(info.file)}`) || text.includes(`${assembly}.dll`);
  });
}
