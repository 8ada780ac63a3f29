// Which package manager installs this project, read only from the project: its lockfile first
// (several committed: the evidence decides, see decideBetweenLockfiles),
// then the package.json "packageManager" field (corepack), then npm. Never the tools installed on
// this machine: the image is built elsewhere, so what the developer's PATH has is irrelevant.
//
// Why not the `detect-package-manager` package: its detect() is async (detectors are synchronous
// and pure), it spawns `yarn --version`/`pnpm --version` on this machine when no lockfile is found,
// and it knows neither bun.lock nor the packageManager field. The lockfile precedence below is
// the same as its getTypeofLockFile (yarn, pnpm, bun, npm; egoist/detect-package-manager src/index.ts).
import * as semver from '../../semver.js';
import type { Project } from '../../project.js';
import type { Fact } from '../../types.js';
import { UsageError, UserError } from '../../errors.js';
import { NODE_PACKAGE_MANAGERS, type InstallSecret, type NodePackageManager } from './types.js';
import type { PackageJson } from './manifest.js';
import { scanClassicYarnrc, scanNpmrc, scanYarnrc } from './registry-credentials.js';

/** Lockfiles in precedence order when several exist. bun.lock (text, Bun >= 1.2) before bun.lockb. */
const LOCKFILES: ReadonlyArray<{ file: string; manager: NodePackageManager }> = [
  { file: 'yarn.lock', manager: 'yarn' },
  { file: 'pnpm-lock.yaml', manager: 'pnpm' },
  { file: 'bun.lock', manager: 'bun' },
  { file: 'bun.lockb', manager: 'bun' },
  { file: 'package-lock.json', manager: 'npm' },
  { file: 'npm-shrinkwrap.json', manager: 'npm' },
];

/**
 * Files an install reads besides package.json and the lockfile, in the order they are copied.
 * .yarn/releases holds the yarn binary a .yarnrc.yml `yarnPath` points to; patches/ serves pnpm
 * `patchedDependencies` and patch-package; .pnpmfile.cjs runs during pnpm install.
 */
const INSTALL_CONFIG_FILES = [
  '.npmrc', '.yarnrc', '.yarnrc.yml', '.yarn/releases', '.yarn/plugins', '.yarn/patches',
  'pnpm-workspace.yaml', '.pnpmfile.cjs', 'bunfig.toml', 'patches',
] as const;

export interface PackageManagerFacts {
  packageManager: Fact<NodePackageManager>;
  packageManagerVersion: string | null;
  yarnBerry: boolean;
  lockfile: string | null;
  installFiles: string[];
  installSecrets: InstallSecret[];
  /** Nested .npmrc files holding a literal credential: kept out of the build context. */
  nestedCredentials: string[];
  warnings: string[];
}

/** A package.json "packageManager" value ("pnpm@9.12.0+sha512.…") split and checked. */
export function parsePackageManagerField(value: string): { manager: NodePackageManager; version: string } {
  const match = /^([a-z]+)@([^+]+)(\+.*)?$/.exec(value.trim());
  const name = match?.[1];
  const version = match?.[2];
  if (!name || !version || !isNodePackageManager(name) || semver.valid(version) === null) {
    throw new UserError(
      `package.json field "packageManager" is "${value}", which is not <name>@<exact version> ` +
        `with name one of ${NODE_PACKAGE_MANAGERS.join(', ')} (for example "pnpm@9.12.0"). Fix the field and run again.`,
    );
  }
  return { manager: name, version };
}

/** --package-manager: a name, optionally with an exact version ("pnpm" or "pnpm@9.12.0"). */
function parsePackageManagerOption(value: string): { manager: NodePackageManager; version: string | null } {
  const [name = '', version] = value.trim().split('@');
  if (!isNodePackageManager(name) || (version !== undefined && semver.valid(version) === null)) {
    throw new UsageError(
      `--package-manager "${value}" is not a Node.js package manager; use one of ${NODE_PACKAGE_MANAGERS.join(', ')}` +
        ` (optionally with an exact version, like pnpm@9.12.0).`,
    );
  }
  return { manager: name, version: version ?? null };
}

export function detectPackageManager(
  project: Project,
  pkg: PackageJson,
  requested: string | undefined,
): PackageManagerFacts {
  const warnings: string[] = [];
  const field = pkg.packageManager === null ? null : parsePackageManagerField(pkg.packageManager);
  const present = LOCKFILES.filter((l) => project.isFile(l.file));
  const managersPresent = [...new Set(present.map((l) => l.manager))];

  let chosen: Fact<NodePackageManager>;
  if (requested !== undefined) {
    chosen = { value: parsePackageManagerOption(requested).manager, source: '--package-manager' };
  } else if (managersPresent.length === 1) {
    const manager = managersPresent[0] as NodePackageManager;
    chosen = { value: manager, source: present.find((l) => l.manager === manager)?.file as string };
  } else if (managersPresent.length > 1) {
    // Several lockfiles: decide from what the project says it uses, else the fixed precedence.
    const decided = decideBetweenLockfiles(project, pkg, field, present);
    const manager = decided?.manager ?? (managersPresent[0] as NodePackageManager);
    const file = present.find((l) => l.manager === manager)?.file as string;
    const skipped = present.filter((l) => l.manager !== manager).map((l) => l.file);
    chosen = { value: manager, source: decided ? `${file} (${decided.why})` : file };
    warnings.push(
      `Lockfiles of several package managers found (${present.map((l) => l.file).join(', ')}); using ${file} ` +
        `${decided ? `because ${decided.why}` : 'by the usual precedence (nothing in the project says which one it uses)'}; ignoring ${skipped.join(', ')}. ` +
        'Delete the ones you do not use so every install resolves the same versions.',
    );
  } else if (field) {
    chosen = { value: field.manager, source: 'package.json packageManager' };
  } else {
    chosen = { value: 'npm', source: 'default (no lockfile and no packageManager field)' };
  }

  const manager = chosen.value;
  if (field && field.manager !== manager && requested === undefined) {
    warnings.push(
      `package.json packageManager names ${field.manager}, but the lockfile is ${manager}'s; using ${manager}. ` +
        'Make them agree (corepack refuses to run a different manager).',
    );
  }
  const optionVersion = requested === undefined ? null : parsePackageManagerOption(requested).version;
  const packageManagerVersion = optionVersion ?? (field && field.manager === manager ? field.version : null);

  const lockfile = present.find((l) => l.manager === manager)?.file ?? null;
  if (lockfile === null) {
    warnings.push(
      `No ${manager} lockfile found, so installs are not reproducible: each build may resolve different versions. ` +
        `Run \`${manager} install\` and commit the lockfile.`,
    );
  }

  const yarnBerry = manager === 'yarn' && isYarnBerry(project, field, packageManagerVersion, lockfile);
  const installFiles = ['package.json', ...(lockfile ? [lockfile] : [])];
  const installSecrets: InstallSecret[] = [];
  for (const file of INSTALL_CONFIG_FILES) {
    if (!project.exists(file)) continue;
    if (file === '.npmrc') {
      const npmrc = scanNpmrc(project.readText(file) ?? '');
      if (npmrc.literalLines.length > 0) {
        // Copying it would bake the token into a layer: the install mounts it as a build secret
        // instead, and .dockerignore keeps it out of the context.
        installSecrets.push({ id: 'npmrc', target: '/root/.npmrc', env: null });
        warnings.push(
          `.npmrc holds a registry credential (line ${npmrc.literalLines.join(', ')}), so it stays out of the image and the install reads it as a build secret: ` +
            'build with `docker build --secret id=npmrc,src=.npmrc .`.',
        );
        continue;
      }
      // ${VAR} references are resolved by npm from the environment: each becomes a secret
      // exposed as that variable for the install step only, never an ARG or ENV.
      for (const name of npmrc.variables) {
        installSecrets.push({ id: name, target: null, env: name });
        warnings.push(`.npmrc reads \${${name}}: build with \`docker build --secret id=${name},env=${name} .\` so the install can authenticate.`);
      }
    }
    if (file === '.yarnrc' && scanClassicYarnrc(project.readText(file) ?? '').literalLines.length > 0) {
      const line = scanClassicYarnrc(project.readText(file) ?? '').literalLines[0];
      throw new UserError(
        `.yarnrc line ${line} holds a registry token, and the install copies .yarnrc into the image. ` +
          'Move the token to .npmrc as //registry/:_authToken=${NPM_TOKEN} (read from the environment at install time), then run again; the build then receives it as a secret.',
      );
    }
    if (file === '.yarnrc.yml') {
      // Yarn 2+ keeps registry tokens here (npmAuthToken, npmAuthIdent, also under npmScopes and
      // npmRegistries). The file is copied for the install, so a literal token would land in a
      // layer: refuse it. ${VAR} references are read by yarn from the environment, so each
      // becomes a secret exposed as that variable.
      const yarnrc = scanYarnrc(project.readText(file) ?? '', file);
      if (yarnrc.literalLines.length > 0) {
        throw new UserError(
          `.yarnrc.yml line ${yarnrc.literalLines[0]} holds a registry token, and the install copies .yarnrc.yml into the image. ` +
            'Write it as npmAuthToken: "${NPM_AUTH_TOKEN}" (yarn reads the variable at install time), then run again; the build then receives it as a secret.',
        );
      }
      for (const name of yarnrc.variables) {
        if (installSecrets.some((s) => s.id === name)) continue;
        installSecrets.push({ id: name, target: null, env: name });
        warnings.push(`.yarnrc.yml reads \${${name}}: build with \`docker build --secret id=${name},env=${name} .\` so the install can authenticate.`);
      }
    }
    installFiles.push(file);
  }
  // npm and pnpm read only the root's .npmrc (https://docs.npmjs.com/cli/configuring-npm/npmrc#files,
  // https://pnpm.io/npmrc), so a nested one is never an install input, but `COPY . .` would copy it
  // into the build stage and, with its folder, into the final image: one holding a token is kept out.
  // An .npmrc sits beside a package.json (a workspace package: apps/web, packages/@scope/ui), so
  // the search goes down to the packages, not into their source trees: in a 200,000-file
  // monorepo, six levels listed 2,000 folders and cost more than the rest of the run.
  const nestedCredentials: string[] = [];
  for (const path of project.findNamed('.npmrc', { stopAt: 'package.json', maxDepth: 3, maxFiles: 50 })) {
    if (path === '.npmrc') continue;
    const lines = scanNpmrc(project.readText(path) ?? '').literalLines;
    if (lines.length === 0) continue;
    nestedCredentials.push(path);
    warnings.push(`${path} holds a registry credential (line ${lines.join(', ')}); npm and pnpm read only the root .npmrc, so .dockerignore keeps it out of the build.`);
  }
  return { packageManager: chosen, packageManagerVersion, yarnBerry, lockfile, installFiles, installSecrets, nestedCredentials, warnings };
}

/**
 * Evidence for one of several committed lockfiles, strongest first: package.json packageManager
 * and devEngines.packageManager (what corepack and npm enforce), then the lockfiles that still
 * satisfy every range in package.json (a stale one fails a frozen install), then the install
 * commands of the CI workflows, then package managers the scripts call.
 */
function decideBetweenLockfiles(
  project: Project,
  pkg: PackageJson,
  field: { manager: NodePackageManager } | null,
  present: ReadonlyArray<{ file: string; manager: NodePackageManager }>,
): { manager: NodePackageManager; why: string } | null {
  const managers = [...new Set(present.map((l) => l.manager))];
  if (field && managers.includes(field.manager)) return { manager: field.manager, why: `package.json packageManager names ${field.manager}` };
  const devEngine = devEnginesManager(pkg.raw);
  if (devEngine !== null && managers.includes(devEngine)) return { manager: devEngine, why: `package.json devEngines.packageManager names ${devEngine}` };

  const fits = present.map((l) => ({ ...l, missing: unsatisfiedRanges(project, l.file, pkg) }));
  const fitting = fits.filter((f) => f.missing !== null && f.missing.length === 0);
  const stale = fits.filter((f) => f.missing !== null && f.missing.length > 0);
  if (fitting.length > 0 && stale.length > 0 && new Set(fitting.map((f) => f.manager)).size === 1) {
    const s = stale[0] as { file: string; missing: string[] };
    const shown = s.missing.slice(0, 3).join(', ') + (s.missing.length > 3 ? ` and ${s.missing.length - 3} more` : '');
    return { manager: (fitting[0] as { manager: NodePackageManager }).manager, why: `it satisfies every range in package.json, while ${s.file} has no entry for ${shown}` };
  }
  const ci = ciInstallers(project).filter((m) => managers.includes(m));
  if (ci.length === 1) return { manager: ci[0] as NodePackageManager, why: `the CI workflows install with ${ci[0]}` };
  const called = scriptManagers(pkg).filter((m) => managers.includes(m) && m !== 'npm');
  if (called.length === 1) return { manager: called[0] as NodePackageManager, why: `package.json scripts call ${called[0]}` };
  return null;
}

/** devEngines.packageManager.name (npm's devEngines field), when it names one manager. */
function devEnginesManager(raw: Record<string, unknown>): NodePackageManager | null {
  const devEngines = raw.devEngines;
  if (devEngines === null || typeof devEngines !== 'object' || Array.isArray(devEngines)) return null;
  const entry = (devEngines as Record<string, unknown>).packageManager;
  const first = Array.isArray(entry) ? entry[0] : entry;
  const name = first !== null && typeof first === 'object' ? (first as Record<string, unknown>).name : undefined;
  return typeof name === 'string' && isNodePackageManager(name) ? name : null;
}

/** Package managers named by install commands in .github/workflows (`npm ci`, `yarn install`, `pnpm i`, `bun install`). */
function ciInstallers(project: Project): NodePackageManager[] {
  const found = new Set<NodePackageManager>();
  for (const file of project.find({ extensions: ['.yml', '.yaml'], under: ['.github/workflows'], maxDepth: 1, maxFiles: 40 })) {
    const text = project.readText(file) ?? '';
    if (/\bnpm\s+(ci|install|i)\b/.test(text)) found.add('npm');
    if (/\byarn(\s+install\b|\s+--frozen-lockfile|\s+--immutable|\s*$)/m.test(text)) found.add('yarn');
    if (/\bpnpm\s+(install|i)\b/.test(text)) found.add('pnpm');
    if (/\bbun\s+install\b/.test(text)) found.add('bun');
  }
  return [...found];
}

/** Package managers the scripts call (`yarn build`, `pnpm run x`). */
function scriptManagers(pkg: PackageJson): NodePackageManager[] {
  const found = new Set<NodePackageManager>();
  for (const text of Object.values(pkg.scripts)) {
    for (const match of text.matchAll(/(?:^|&&|;|\|\|)\s*(npm|yarn|pnpm|bun)\s/g)) found.add(match[1] as NodePackageManager);
  }
  return [...found];
}

/**
 * The package.json dependencies a lockfile does not satisfy (name@range), or null when the
 * format is not checked. yarn.lock keys are the very `name@range` specs it resolved; npm's lock
 * records each installed version; pnpm's records the specifier of each importer dependency.
 */
export function unsatisfiedRanges(project: Project, file: string, pkg: PackageJson): string[] | null {
  const text = project.readText(file);
  if (text === null) return null;
  const declared = { ...pkg.devDependencies, ...pkg.dependencies };
  const plain = Object.entries(declared).filter(([, range]) => semver.validRange(range) !== null);
  if (file === 'yarn.lock') {
    const specs = new Set<string>();
    for (const line of text.split(/\r?\n/)) {
      if (line === '' || line.startsWith(' ') || line.startsWith('#') || !line.endsWith(':')) continue;
      for (const spec of line.slice(0, -1).split(',')) specs.add(spec.trim().replace(/^"|"$/g, '').replace('@npm:', '@'));
    }
    return plain.filter(([name, range]) => !specs.has(`${name}@${range}`)).map(([name, range]) => `${name}@${range}`);
  }
  if (file === 'package-lock.json' || file === 'npm-shrinkwrap.json') {
    let lock: { packages?: Record<string, { version?: string }>; dependencies?: Record<string, { version?: string }> };
    try {
      lock = JSON.parse(text) as typeof lock;
    } catch {
      return null;
    }
    return plain
      .filter(([name, range]) => {
        const version = lock.packages?.[`node_modules/${name}`]?.version ?? lock.dependencies?.[name]?.version;
        return version === undefined || semver.valid(version) === null || !semver.satisfies(version, range, { includePrerelease: true });
      })
      .map(([name, range]) => `${name}@${range}`);
  }
  return null;
}

function isNodePackageManager(name: string): name is NodePackageManager {
  return (NODE_PACKAGE_MANAGERS as readonly string[]).includes(name);
}

/**
 * Yarn 2+ ("berry"): a .yarnrc.yml, a yarn@>=2 packageManager, or a lockfile in the berry format
 * (a YAML file with a __metadata block; yarn 1 writes "# yarn lockfile v1").
 */
function isYarnBerry(
  project: Project,
  field: { manager: NodePackageManager; version: string } | null,
  version: string | null,
  lockfile: string | null,
): boolean {
  if (version !== null) return semver.major(version) >= 2;
  if (field?.manager === 'yarn') return semver.major(field.version) >= 2;
  if (project.isFile('.yarnrc.yml')) return true;
  if (lockfile === 'yarn.lock') return /^__metadata:/m.test(project.readText(lockfile) ?? '');
  return false;
}
