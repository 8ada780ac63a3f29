// Node.js detection: a handful of small questions answered from the project files, each answer
// with its source. Pure over the Project view; throws UserError for malformed manifests.
import type { DetectOptions } from '../../ecosystem.js';
import type { Project } from '../../project.js';
import { today } from '../../knowledge/clock.js';
import { analyzeNativeDependencies, packagesNeedingInstallScripts } from '../../npm/native.js';
import type { NodeFacts } from './types.js';
import { hasDependency, readPackageJson, type PackageJson } from './manifest.js';
import { NODE_STATIC_BUILDERS } from './knowledge/frameworks.js';
import { detectPackageManager } from './package-manager.js';
import { capByCode, detectNodeVersion } from './version.js';
import { importGraph } from './sources.js';
import { detectFramework } from './framework.js';
import { detectStart, nodeEntry } from './start.js';
import { detectBuild } from './build.js';
import { detectPort } from './port.js';
import { findWorkspaceRoot, lockedNames, workspaceFacts } from './workspaces.js';
import { UserError } from '../../errors.js';
import { nodeMarks } from './entry.js';

/** Root files that mark a Node.js project. */
export const nodeMarkers = nodeMarks.markers;
export const recognizesNode = nodeMarks.mayBe;

export function detectNode(project: Project, options: DetectOptions): NodeFacts {
  const pkg = readPackageJson(project);
  // An app inside a workspace: the lockfile, install config and native packages live at the root.
  const ws = findWorkspaceRoot(project);
  const root = ws ? ws.root : project;
  const rootPkg = ws ? readPackageJson(root) : pkg;
  const pm = detectPackageManager(root, rootPkg, options.packageManager);
  if (ws && pm.packageManager.value === 'bun') {
    throw new UserError(`${ws.app.dir} is a Bun workspace package; Bun monorepos are not supported yet. Generate from a folder that installs on its own, or use npm, yarn or pnpm workspaces.`);
  }
  let version = detectNodeVersion(project, pkg, today());
  if (ws && version.runtime.constraint === null) version = detectNodeVersion(root, rootPkg, today());
  const fw = detectFramework(project, pkg);
  const start = detectStart(project, pkg, fw);
  if (start.unknown && options.cmd === undefined) throw new UserError(noStartMessage(pkg));
  const build = detectBuild(project, pkg, fw, start.start.value, start.buildSteps);

  const entry = nodeEntry(start.start.value);
  const output = build.output;
  const inOutput = entry !== null && output !== null && (entry === output || entry.startsWith(`${output}/`));
  const frameworkServer =
    fw.rule !== null &&
    (!start.start.source.startsWith('package.json') || entry === null || entry.startsWith('node_modules/') || inOutput);
  // Syntax a newer Node rejects, in the files the start command runs, caps the version.
  const entrySource = entry === null ? null : sourceOf(project, entry, output);
  if (entrySource !== null) {
    const capped = capByCode(version.runtime, importGraph(project, [entrySource], 8, 200));
    version = { runtime: capped.runtime, warnings: [...version.warnings, ...capped.warnings] };
  }
  const port = detectPort(project, {
    rule: fw.rule,
    entry: entry === null ? null : sourceOf(project, entry, output),
    commandPort: start.port,
    start: { command: start.start.value, env: start.env },
    frameworkServer,
  });
  // PORT is the port rule's to set (src/detect/port.ts), from the port finally chosen.
  const { PORT: _port, ...startEnv } = start.env;

  const warnings = [...pm.warnings, ...version.warnings, ...fw.warnings, ...start.warnings, ...build.warnings, ...port.warnings];
  if (pkg.workspaces || project.isFile('pnpm-workspace.yaml')) {
    warnings.push('This is a workspace (monorepo) root; the image is generated for the root package. Run the tool in the app\'s own folder for one app.');
  }
  const native = analyzeNativeDependencies(root, { lockfile: pm.lockfile, manifest: ws ? rootPkg.raw : pkg.raw, ...(ws ? { workspace: ws.app.dir } : {}) });
  const nativeDependencies = native.dependencies;
  warnings.push(...native.warnings);
  const unapproved = packagesNeedingInstallScripts(nativeDependencies, pkg.raw);
  if (unapproved.length > 0 && pm.packageManager.value === 'npm') {
    const names = [...new Set(unapproved.map((d) => d.name))];
    // A long list helps nobody in a warning; `npm install-scripts ls` shows them all.
    const shown = names.length > 6 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
    const command = names.length > 6 ? 'npm install-scripts ls` to review them, then `npm install-scripts approve <name>...' : `npm install-scripts approve ${names.join(' ')}`;
    warnings.push(
      `${shown} ${names.length > 1 ? 'get their binaries' : 'gets its binary'} from an install script, which npm 12 and newer skip unless package.json allows it ` +
        `(allowScripts). Run \`${command}\` and commit the change, or the image may fail at run time with a missing module.`,
    );
  }

  return {
    language: 'node',
    packageManager: pm.packageManager,
    packageManagerVersion: pm.packageManagerVersion,
    yarnBerry: pm.yarnBerry,
    lockfile: pm.lockfile,
    installFiles: pm.installFiles,
    hasProductionDependencies: Object.keys(pkg.dependencies).length > 0 || Object.keys(stringMapOf(pkg.raw, 'optionalDependencies')).length > 0,
    installSecrets: pm.installSecrets,
    nestedCredentials: pm.nestedCredentials,
    framework: fw.framework,
    runtime: version.runtime,
    port: port.port,
    portSetting: port.setting,
    start: start.start,
    nativeDependencies,
    dependencies: Object.keys({ ...pkg.dependencies, ...stringMapOf(pkg.raw, 'optionalDependencies') }).sort().map((name) => ({ registry: 'npm', name, source: 'package.json' })),
    warnings,
    buildScript: build.buildScript,
    runtimeFiles: build.runtimeFiles,
    selfContained: build.selfContained,
    nextStandalone: fw.nextStandalone,
    typescript: build.typescript,
    env: sortKeys({ ...build.env, ...(port.setting.kind === 'env' ? startEnv : start.env) }),
    workspace: ws
      ? workspaceFacts(ws.layout, ws.app, project.root, {
          locked: lockedNames(root, pm.lockfile, rootPkg.raw),
          everyManifest: pm.packageManager.value === 'yarn' && !pm.yarnBerry,
        })
      : null,
  };
}

/**
 * Why nothing is generated when no file says how the app starts: a Dockerfile whose CMD is a
 * guess would build and then fail at start. A front-end build with no server is a static site.
 */
function noStartMessage(pkg: PackageJson): string {
  const builder = NODE_STATIC_BUILDERS.find((b) => hasDependency(pkg, b.package));
  if (builder !== undefined) {
    return (
      `This looks like a static single-page app: ${builder.package} builds it into ${builder.output}/ (${builder.source}), and there is no server code, ` +
      'no production start script, no "main" and no server.js/index.js/app.js. Its files need a static web server, not a Node.js process: ' +
      'pass --language static to serve them with one. If the app does have a Node.js server, pass --cmd with the command that starts it (for example --cmd "node server.js").'
    );
  }
  return (
    'Could not tell how this Node.js app starts: no production start script (scripts.start:prod, start or serve), no "main" that exists, and no ' +
    'server.js, index.js or app.js. Pass --cmd with the command that starts it, for example --cmd "node dist/server.js".'
  );
}

/**
 * The project file behind an entry: itself when it exists, the TypeScript/JavaScript source for
 * a build output path (dist/main.js -> src/main.ts), or null (node_modules, unknown).
 */
function sourceOf(project: Project, entry: string, output: string | null): string | null {
  if (entry.startsWith('node_modules/')) return null;
  if (project.isFile(entry)) return entry;
  if (output === null || !entry.startsWith(`${output}/`)) return null;
  const stem = entry.slice(output.length + 1).replace(/\.(c|m)?js$/, '');
  for (const dir of ['src/', '']) {
    for (const ext of ['.ts', '.mts', '.js', '.mjs']) {
      if (project.isFile(`${dir}${stem}${ext}`)) return `${dir}${stem}${ext}`;
    }
  }
  return null;
}

function sortKeys(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
}

function stringMapOf(raw: Record<string, unknown>, key: string): Record<string, unknown> {
  const value = raw[key];
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
