// Monorepos: npm, yarn and pnpm workspaces (with or without turbo/nx on top). The root names its
// workspace folders (package.json "workspaces", or pnpm-workspace.yaml "packages"); each folder
// with a package.json is a workspace package. An app inside one is built with the repository
// root as the Docker build context, copying the root lockfile and only the manifests of the
// workspace packages the app depends on before the install, which installs for that app alone.
// Globs are resolved by listing folders at most three levels deep; node_modules and dot folders
// are never entered (Project.list, NEVER_WALK).
import { basename, dirname, relative, sep } from 'node:path';
import { yaml } from '../../lazy.js';
import { UserError } from '../../errors.js';
import type { AppChoice } from '../../ecosystem.js';
import type { Interaction } from '../../interaction.js';
import { NEVER_WALK, Project, shorten } from '../../project.js';
import { globFolders, GlobLimitError, parseGlob, type Glob } from '../../detect/glob.js';
import { readLockfile } from '../../npm/lockfiles.js';

export interface WorkspacePackage {
  /** Folder relative to the root, forward slashes ("apps/api"). */
  dir: string;
  /** package.json "name", or null for an unnamed package. */
  name: string | null;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
}

/**
 * A repository's workspaces: the folders its globs name that hold a package.json. A package's
 * manifest is read when something asks for it: an app built from a 200-package monorepo needs its
 * own and its dependencies', and reading all 200 cost more than the rest of a run.
 */
export class WorkspaceLayout {
  private readonly read = new Map<string, WorkspacePackage>();
  private withManifest: string[] | undefined;

  constructor(
    /** The repository root, the project the manifests are read from. */
    readonly project: Project,
    /** Where the workspace globs come from. */
    readonly source: 'pnpm-workspace.yaml' | 'package.json workspaces',
    /** Folders the workspace globs name, relative to the root, sorted, forward slashes ("apps/api"); those with a package.json are packages. */
    readonly folders: string[],
    /** Task runner at the root that knows the build graph: turbo.json or nx.json. */
    readonly orchestrator: 'turbo' | 'nx' | null,
  ) {}

  /** Absolute path of the repository root. */
  get root(): string {
    return this.project.root;
  }

  /** The folders that hold a package.json: the workspace packages. */
  get dirs(): string[] {
    this.withManifest ??= this.folders.filter((dir) => this.project.isFile(`${dir}/package.json`));
    return this.withManifest;
  }

  /** Whether a folder is a workspace package: one of the globs' folders, with a package.json. */
  has(dir: string): boolean {
    return this.folders.includes(dir) && this.project.isFile(`${dir}/package.json`);
  }

  /** The package in one of the workspace folders (dirs), its manifest read once. */
  package(dir: string): WorkspacePackage {
    let pkg = this.read.get(dir);
    if (pkg === undefined) {
      pkg = readWorkspacePackage(this.project, dir);
      this.read.set(dir, pkg);
    }
    return pkg;
  }

  /** Every workspace package: each manifest read. */
  packages(): WorkspacePackage[] {
    return this.dirs.map((dir) => this.package(dir));
  }
}

function readWorkspacePackage(project: Project, dir: string): WorkspacePackage {
  const raw = project.readJson(`${dir}/package.json`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new UserError(`${dir}/package.json must contain a JSON object. Fix the file and run again.`);
  }
  const pkg = raw as Record<string, unknown>;
  return {
    dir,
    name: typeof pkg.name === 'string' && pkg.name !== '' ? pkg.name : null,
    scripts: stringRecord(pkg.scripts),
    dependencies: { ...stringRecord(pkg.optionalDependencies), ...stringRecord(pkg.dependencies) },
    devDependencies: stringRecord(pkg.devDependencies),
  };
}

/** What the Node detector records for an app inside a workspace. */
export interface WorkspaceFacts {
  /** Repository root relative to the app folder ("../.."): the Docker build context. */
  context: string;
  /** The app folder relative to the repository root ("apps/api"). */
  appDir: string;
  /** The app's package name (its folder when unnamed): what --filter / focus select. */
  appName: string;
  source: WorkspaceLayout['source'];
  /** Workspace package.json files copied before the install, root-relative: the app and every workspace package it depends on (dev included, transitively). */
  manifests: string[];
  /** Workspace packages the app needs at run time (dependencies, transitively), root-relative folders. */
  runtimePackages: string[];
  /** Workspace packages with a build script among the app's dependencies, dependencies first (the app last when it has one). */
  buildOrder: Array<{ dir: string; name: string }>;
  orchestrator: WorkspaceLayout['orchestrator'];
  /** Every workspace package.json, root-relative, for yarn 1, which has no per-workspace install; null for the others. */
  allManifests: string[] | null;
}

const MAX_GLOB_DEPTH = 3;

/** The workspace layout of a repository root, or null when the folder declares no workspaces. */
/** Layouts already read, by project (the app choice and the app's detection both need the root's). */
const layouts = new WeakMap<Project, WorkspaceLayout | null>();

export function readWorkspaceLayout(project: Project): WorkspaceLayout | null {
  if (layouts.has(project)) return layouts.get(project) ?? null;
  const layout = readLayout(project);
  layouts.set(project, layout);
  return layout;
}

function readLayout(project: Project): WorkspaceLayout | null {
  const globs = workspaceGlobs(project);
  if (globs === null) return null;
  const include = globs.patterns.filter((g) => !g.startsWith('!'));
  const exclude = globs.patterns.filter((g) => g.startsWith('!')).map((g) => g.slice(1));
  const dirs = new Set<string>();
  for (const pattern of include) for (const dir of expand(project, insideGlob(pattern, globs.source), globs.source)) dirs.add(dir);
  for (const pattern of exclude) for (const dir of expand(project, insideGlob(pattern, globs.source), globs.source)) dirs.delete(dir);
  // Which folders hold a package.json is asked when needed: an app built from a 200-package
  // monorepo needs to know it for its own folder and its dependencies' only.
  const folders = [...dirs].sort().filter((dir) => dir !== '.');
  const orchestrator = project.isFile('turbo.json') ? 'turbo' : project.isFile('nx.json') ? 'nx' : null;
  return new WorkspaceLayout(project, globs.source, folders, orchestrator);
}

function workspaceGlobs(project: Project): { source: WorkspaceLayout['source']; patterns: string[] } | null {
  const yamlText = project.readText('pnpm-workspace.yaml');
  if (yamlText !== null) {
    let data: unknown;
    try {
      data = yaml().parse(yamlText);
    } catch (error) {
      throw new UserError(`pnpm-workspace.yaml is not valid YAML: ${String((error as Error).message).split('\n')[0]}. Fix the file and run again.`);
    }
    const packages = (data as { packages?: unknown } | null)?.packages;
    if (packages === undefined || packages === null) return { source: 'pnpm-workspace.yaml', patterns: [] };
    if (!Array.isArray(packages) || packages.some((p) => typeof p !== 'string')) {
      throw new UserError('pnpm-workspace.yaml "packages" must be a list of folder globs (https://pnpm.io/pnpm-workspace_yaml). Fix the file and run again.');
    }
    return { source: 'pnpm-workspace.yaml', patterns: packages as string[] };
  }
  if (!project.isFile('package.json')) return null;
  const pkg = project.readJson('package.json') as Record<string, unknown> | null;
  const field = pkg?.workspaces;
  if (field === undefined) return null;
  // npm and yarn: an array of globs; yarn classic also accepts { packages: [...] }.
  const list = Array.isArray(field) ? field : (field as { packages?: unknown } | null)?.packages;
  if (!Array.isArray(list) || list.some((p) => typeof p !== 'string')) {
    throw new UserError('package.json "workspaces" must be a list of folder globs such as ["apps/*", "packages/*"]. Fix the field and run again.');
  }
  return { source: 'package.json workspaces', patterns: list as string[] };
}

/** A glob's segments without `./`, empty segments or a trailing slash (a split, not a regex: globs can be long). */
function normalizeGlob(pattern: string): string[] {
  return pattern.split('/').filter((s) => s !== '' && s !== '.');
}

/**
 * A workspace folder must be inside the repository: an entry such as `../elsewhere` or
 * `/srv/app` would make a folder outside it the app, and the files would be written there.
 */
function insideGlob(pattern: string, source: WorkspaceLayout['source']): string {
  const segments = normalizeGlob(pattern.replace(/^!/, ''));
  if (pattern.replace(/^!/, '').startsWith('/') || /^[A-Za-z]:[\\/]/.test(pattern) || segments.includes('..')) {
    throw new UserError(
      `${source === 'pnpm-workspace.yaml' ? 'pnpm-workspace.yaml "packages"' : 'package.json "workspaces"'} names ${JSON.stringify(shorten(pattern, 80))}, a folder outside the repository; ` +
        'workspace folders must be inside it. Remove the entry (or move that package into the repository), then run again.',
    );
  }
  return pattern.replace(/^!/, '');
}

/**
 * Folders matching one workspace glob (src/detect/glob.ts: no RegExp is built from it): `*`
 * within a segment, `**` for any number of levels, at most MAX_GLOB_DEPTH + 1 levels deep.
 */
function expand(project: Project, pattern: string, source: WorkspaceLayout['source']): string[] {
  let glob: Glob;
  try {
    glob = parseGlob(pattern);
  } catch (error) {
    if (!(error instanceof GlobLimitError)) throw error;
    throw new UserError(`${source === 'pnpm-workspace.yaml' ? 'pnpm-workspace.yaml "packages"' : 'package.json "workspaces"'} has a glob that ${error.message}: ${JSON.stringify(shorten(pattern, 60))}. Workspace globs name folders, such as "apps/*" or "packages/**"; shorten it and run again.`);
  }
  return globFolders(glob, { children: (dir) => children(project, dir), isDir: (dir) => project.isDir(dir) }, MAX_GLOB_DEPTH + 1);
}

function children(project: Project, dir: string): string[] {
  return project.subfolders(dir).filter((name) => !NEVER_WALK.has(name) && !name.startsWith('.'));
}

function stringRecord(value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * The workspace root above an app folder, or null: walks up at most four levels, stopping at
 * the first folder with a package.json (or pnpm-workspace.yaml) or a .git folder. The root is
 * read as a project of its own (its own boundary: the repository), with the app's warnings.
 */
export function findWorkspaceRoot(app: Project | string): { layout: WorkspaceLayout; app: WorkspacePackage; root: Project } | null {
  const appProject = typeof app === 'string' ? new Project(app) : app;
  const appRoot = appProject.root;
  let dir = appRoot;
  for (let level = 0; level < 4; level++) {
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
    const candidate = appProject.around(dir);
    if (candidate.exists('package.json') || candidate.exists('pnpm-workspace.yaml')) {
      const layout = readWorkspaceLayout(candidate);
      const rel = relative(dir, appRoot).split(sep).join('/');
      const found = layout?.has(rel) ? layout.package(rel) : undefined;
      return layout && found ? { layout, app: found, root: candidate } : null;
    }
    if (candidate.isDir('.git')) return null;
  }
  return null;
}

/** Packages that look like deployable apps: a start script, or a folder under apps/. */
function appCandidates(layout: WorkspaceLayout): WorkspacePackage[] {
  return layout.packages().filter((p) => p.scripts.start !== undefined || p.dir.startsWith('apps/'));
}

/**
 * The pipeline's monorepo step: with --app (or one obvious app, or an answer at the prompt) the
 * project becomes the app's folder; detection then finds the workspace root above it. Several
 * apps and no --app in a non-interactive run is an error naming them. Null when the folder is
 * no workspace root (or one without apps): the project stays as it is.
 */
export async function chooseWorkspaceApp(project: Project, app: string | undefined, interaction?: Interaction): Promise<AppChoice | null> {
  const layout = project.isFile('package.json') || project.isFile('pnpm-workspace.yaml') ? readWorkspaceLayout(project) : null;
  if (app !== undefined) {
    const wanted = normalizeGlob(app).join('/');
    if (layout === null) {
      throw new UserError(`--app ${app} needs the repository root of an npm, yarn or pnpm workspace, but ${project.root} declares no workspaces (package.json "workspaces" or pnpm-workspace.yaml). Pass the root folder, or drop --app and pass the app's folder.`);
    }
    const found = layout.has(wanted) ? layout.package(wanted) : layout.packages().find((p) => p.name === app);
    if (!found) {
      throw new UserError(`--app ${app} is not a workspace package of ${basename(project.root)}; the workspaces are: ${layout.dirs.join(', ') || 'none'}.`);
    }
    return { project: project.sub(found.dir), note: null };
  }
  if (layout === null) return insideRepository(project);
  const rootStarts = Boolean((project.readJson('package.json') as { scripts?: { start?: unknown } } | null)?.scripts?.start);
  const apps = appCandidates(layout);
  if (apps.length === 0) return null;
  if (apps.length === 1 && !rootStarts) {
    const only = apps[0]!;
    return { project: project.sub(only.dir), note: `${basename(project.root)} is a workspace root with one app, ${only.dir}; generated for it (pass --app to choose another workspace).` };
  }
  const choices = apps.map((p) => ({ value: p.dir, name: p.dir, description: p.name ?? undefined }));
  if (!interaction) {
    throw new UserError(
      `${basename(project.root)} is a monorepo with several apps: ${apps.map((p) => p.dir).join(', ')}${rootStarts ? ' (and the root package has a start script)' : ''}. ` +
        `Pass --app with one of them (e.g. --app ${apps[0]!.dir}), or run in the app's folder.`,
    );
  }
  const picked = await interaction.select({ message: 'This is a monorepo. Which app?', choices: choices.map((c) => ({ value: c.value, name: c.name, ...(c.description ? { description: c.description } : {}) })) });
  return { project: project.sub(picked), note: null };
}

/**
 * A folder passed directly that is an app of a workspace above it: the same folder, with the
 * repository root as its boundary, so a link from the app to a shared file of the repository
 * (apps/api/.nvmrc -> ../../.nvmrc) is inside. Null when it is no such app.
 */
function insideRepository(project: Project): AppChoice | null {
  const ws = findWorkspaceRoot(project);
  if (ws === null) return null;
  return { project: ws.root.sub(ws.app.dir), note: null };
}

/** What a lockfile says about the workspaces, for finding an app's workspace dependencies without reading every manifest. */
export interface LockedNames {
  /** Workspace packages by name, with their folders relative to the root, as the lockfile links them. */
  workspaces: ReadonlyMap<string, string>;
  /** Every package name the lockfile installs from elsewhere (a registry, git, a tarball). */
  installed: ReadonlySet<string>;
}

/** The lockfile's workspace names, or null when there is no lockfile or its format records none (yarn classic, npm v1). */
export function lockedNames(root: Project, lockfile: string | null, manifest: Record<string, unknown>): LockedNames | null {
  const contents = lockfile === null ? null : readLockfile(root, lockfile, manifest);
  if (contents?.workspaces === undefined) return null;
  return { workspaces: contents.workspaces, installed: new Set(contents.packages.map((p) => p.name)) };
}

/**
 * Which workspace package, if any, a dependency name is. The lockfile answers for the names it
 * knows (a name it links to a workspace folder is checked against that folder's manifest); a name
 * it does not know, or a link the manifest contradicts, means the lockfile is stale, and then every
 * manifest is read, as without a lockfile. A stale lockfile fails the image's frozen install
 * anyway; this keeps the manifests we copy right for the moment it is regenerated.
 */
export function workspaceLookup(layout: WorkspaceLayout, locked: LockedNames | null): (name: string) => WorkspacePackage | undefined {
  let byName: Map<string, WorkspacePackage> | null = null;
  const fromManifests = (name: string) => {
    byName ??= new Map(layout.packages().filter((p) => p.name !== null).map((p) => [p.name!, p]));
    return byName.get(name);
  };
  if (locked === null) return fromManifests;
  return (name) => {
    if (byName !== null) return byName.get(name);
    const dir = locked.workspaces.get(name);
    if (dir === undefined && locked.installed.has(name)) return undefined;
    if (dir !== undefined && layout.has(dir) && layout.package(dir).name === name) return layout.package(dir);
    return fromManifests(name);
  };
}

/** The facts the plan needs about an app inside a workspace. */
export function workspaceFacts(
  layout: WorkspaceLayout,
  app: WorkspacePackage,
  appRoot: string,
  { locked = null, everyManifest = false }: { locked?: LockedNames | null; everyManifest?: boolean } = {},
): WorkspaceFacts {
  const lookup = workspaceLookup(layout, locked);
  const internal = (pkg: WorkspacePackage, withDev: boolean) =>
    Object.keys({ ...pkg.dependencies, ...(withDev ? pkg.devDependencies : {}) }).map(lookup).filter((p): p is WorkspacePackage => p !== undefined && p !== app);
  // Depth-first, dependencies before dependents, so the build order is topological.
  const closure = (withDev: boolean, transitiveDev: boolean): WorkspacePackage[] => {
    const seen = new Set<WorkspacePackage>();
    const order: WorkspacePackage[] = [];
    const visit = (pkg: WorkspacePackage, dev: boolean) => {
      for (const dep of internal(pkg, dev)) {
        if (seen.has(dep)) continue;
        seen.add(dep);
        visit(dep, transitiveDev);
        order.push(dep);
      }
    };
    visit(app, withDev);
    return order;
  };
  const forBuild = closure(true, true);
  const forRuntime = closure(false, false);
  const buildOrder = [...forBuild, app].filter((p) => p.scripts.build !== undefined).map((p) => ({ dir: p.dir, name: p.name ?? p.dir }));
  return {
    context: relative(appRoot, layout.root).split(sep).join('/') || '.',
    appDir: app.dir,
    appName: app.name ?? app.dir,
    source: layout.source,
    manifests: [app, ...forBuild].map((p) => `${p.dir}/package.json`).sort(),
    runtimePackages: forRuntime.map((p) => p.dir).sort(),
    buildOrder,
    orchestrator: layout.orchestrator,
    allManifests: everyManifest ? layout.dirs.map((dir) => `${dir}/package.json`).sort() : null,
  };
}
