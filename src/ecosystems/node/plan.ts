// Node.js: which of the four bases can work, at which version, and the view the template prints.
import { initPrefix } from '../../plan/init.js';
import * as semver from '../../semver.js';
import type { NodeFacts } from './types.js';
import { portEnv } from '../../detect/port.js';
import { today } from '../../knowledge/clock.js';
import { DISTROLESS_NODE_MAJORS, DISTROLESS_NODE_PROVIDES, DISTROLESS_NONROOT_UID, NODE_VERSION_ARG, OFFICIAL_NODE_UID, nodeImages } from './knowledge/images.js';
import { packageManagerRecipe, packageManagerSetup } from './knowledge/package-managers.js';
import { ltsMajors, maintainedMajors, NODE_RELEASES } from './knowledge/versions.js';
import type { BaseOption, Plan } from '../../types.js';
import { collectPackages, osPackagesView, type Distro } from '../../plan/os-packages.js';
import { pickVersion, withVersionArg } from '../../plan/versions.js';
import { ruledOut } from '../../plan/choose-base.js';
import { dockerignoreLiteral } from '../../render/quote.js';
import { singlePackageFields, workspaceView } from './workspace-plan.js';

interface Candidates {
  /** Majors this project may build on, newest first. */
  majors: string[];
  /** Why these (for messages): "pinned by .nvmrc", "newest LTS allowed by engines.node". */
  note: string;
}

/** The majors a project may use: its pin, else the maintained LTS lines its range allows. */
function candidateMajors(facts: NodeFacts, now: Date): Candidates {
  const { runtime } = facts;
  if (runtime.pinned && runtime.constraint !== null) {
    const major = semver.coerce(runtime.constraint)?.major;
    if (major !== undefined) return { majors: [String(major)], note: `Node ${major} pinned by ${runtime.source}` };
  }
  const lts = ltsMajors(now).map(String);
  const allowedLts = lts.filter((m) => pickVersion(runtime, [m]) !== null);
  if (allowedLts.length > 0) {
    return { majors: allowedLts, note: runtime.constraint ? `${runtime.constraint} from ${runtime.source}` : 'no version in the project: maintained LTS lines' };
  }
  // The range allows no LTS line (">=27", "^25"): take maintained Current lines, then anything known.
  const maintained = maintainedMajors(now).map(String).filter((m) => pickVersion(runtime, [m]) !== null);
  if (maintained.length > 0) return { majors: maintained, note: `${runtime.constraint} from ${runtime.source} allows no LTS line` };
  // Newest first, LTS lines before the odd ones (an end-of-life LTS got fixes longest).
  const byPreference = [...NODE_RELEASES].reverse().sort((a, b) => Number(b.lts !== null) - Number(a.lts !== null));
  const known = byPreference.map((r) => String(r.major)).filter((m) => pickVersion(runtime, [m]) !== null);
  return { majors: known, note: `${runtime.constraint} from ${runtime.source} allows only unmaintained lines` };
}

export function assessNode(facts: NodeFacts, now: Date = today()): BaseOption[] {
  const { majors, note } = candidateMajors(facts, now);
  const newest = majors[0] ?? null;
  const deps = facts.nativeDependencies;
  const needsRuntimePackages = deps.filter((d) => d.runtime.debian.length > 0);
  // Only libraries distroless lacks rule it out (prisma's libssl is there already).
  const missingFromDistroless = deps.filter((d) => d.runtime.debian.some((p) => !DISTROLESS_NODE_PROVIDES.has(p)));
  const blocking = deps.filter((d) => d.blocksDistroless !== null);
  const glibcOnly = deps.filter((d) => d.glibcOnly);
  const start = facts.start.value;

  const scratch = ruledOut('scratch', 'a Node.js app needs the node runtime and its libraries; scratch only fits one static binary');

  const distrolessMajor = majors.find((m) => DISTROLESS_NODE_MAJORS.includes(Number(m))) ?? null;
  let distrolessWhy: string | null = null;
  if (newest === null) distrolessWhy = `no known Node line satisfies ${facts.runtime.constraint} (${facts.runtime.source})`;
  else if (distrolessMajor === null) distrolessWhy = `${note}, and distroless publishes only nodejs${DISTROLESS_NODE_MAJORS.join('/')}-debian13`;
  else if (start.kind !== 'exec' || start.argv[0] !== 'node') {
    distrolessWhy = `the start command ${start.kind === 'shell' ? `"${start.command}" needs a shell` : `"${start.argv.join(' ')}" does not start with node`}, and distroless has no shell`;
  } else if (blocking.length > 0) distrolessWhy = blocking.map((d) => `${d.name}: ${d.blocksDistroless}`).join('; ');
  else if (missingFromDistroless.length > 0) {
    distrolessWhy = `${missingFromDistroless.map((d) => `${d.name} needs ${d.runtime.debian.filter((p) => !DISTROLESS_NODE_PROVIDES.has(p)).join(', ')}`).join('; ')} at run time, which distroless does not carry and cannot install`;
  }
  const distroless: BaseOption = distrolessWhy === null && distrolessMajor !== null
    ? {
        kind: 'distroless', possible: true, runtimeVersion: distrolessMajor,
        builderImage: nodeImages.debianBuilder(distrolessMajor), runtimeImage: nodeImages.distroless(distrolessMajor),
        why: `${nodeImages.distroless(distrolessMajor)} carries Node ${distrolessMajor} (${note}), the start command runs without a shell and no dependency needs OS packages it lacks; no shell or package manager in the final image`,
      }
    : ruledOut('distroless', distrolessWhy ?? 'no distroless image fits');

  const missingAlpine = deps.filter((d) => d.runtime.debian.length > 0 && d.runtime.alpine.length === 0);
  let alpineWhy: string | null = null;
  if (newest === null) alpineWhy = `no known Node line satisfies ${facts.runtime.constraint}`;
  else if (glibcOnly.length > 0) alpineWhy = `${glibcOnly.map((d) => `${d.name} ${d.note}`).join('; ')}: alpine uses musl`;
  else if (missingAlpine.length > 0) alpineWhy = `${missingAlpine.map((d) => d.name).join(', ')} need OS packages with no known Alpine name`;
  const alpine: BaseOption = alpineWhy === null && newest !== null
    ? {
        kind: 'alpine', possible: true, runtimeVersion: newest, builderImage: nodeImages.alpine(newest), runtimeImage: nodeImages.alpine(newest),
        why: `every native dependency has a musl build${deps.length === 0 ? ' (there are none)' : ''}; node:${newest}-alpine keeps a shell and apk`,
      }
    : ruledOut('alpine', alpineWhy ?? 'no alpine image fits');

  const slim: BaseOption = newest !== null
    ? {
        kind: 'slim', possible: true, runtimeVersion: newest, builderImage: nodeImages.debianBuilder(newest), runtimeImage: nodeImages.slim(newest),
        why: `Debian slim with glibc${needsRuntimePackages.length > 0 ? ` and the OS libraries ${collectPackages(deps, 'runtime', 'debian').join(', ')}` : ''} always works (Node ${newest}, ${note})`,
      }
    : ruledOut('slim', `no known Node line satisfies ${facts.runtime.constraint} (${facts.runtime.source}); pass --runtime-version`);

  return [scratch, distroless, alpine, slim];
}

/** Replace the literal version in an image name with the Dockerfile ARG, so one line pins it. */
function withArg(image: string, version: string): string {
  return withVersionArg(image, version, NODE_VERSION_ARG, ['node:{v}-', 'nodejs{v}-']);
}

/** Where distroless/nodejs keeps node (its ENTRYPOINT). */
export const DISTROLESS_NODE = '/nodejs/bin/node';

export function nodeView(facts: NodeFacts, plan: Plan) {
  const distro: Distro = plan.base === 'alpine' ? 'alpine' : 'debian';
  const distroless = plan.base === 'distroless';
  const pm = facts.packageManager.value;
  const recipe = packageManagerRecipe(pm, { lockfile: facts.lockfile !== null, yarnBerry: facts.yarnBerry });
  const setup = packageManagerSetup(pm, { version: facts.packageManagerVersion, yarnBerry: facts.yarnBerry, nodeMajor: Number(plan.runtimeVersion) });
  const start = facts.start.value;
  const argv = start.kind === 'exec' ? start.argv : ['/bin/sh', '-c', start.command];
  const runtimeFiles = facts.runtimeFiles;
  const prodDeps = !facts.selfContained && facts.hasProductionDependencies;
  const copies = runtimeFiles === null
    ? []
    : runtimeFiles.map((path) => ({
        from: 'build',
        source: `/app/${path}`,
        // Next.js standalone output is the app root; everything else keeps its path.
        target: path === '.next/standalone' ? './' : `./${path}`,
      }));
  const depEnv = Object.assign({}, ...facts.nativeDependencies.map((d) => d.env ?? {})) as Record<string, string>;
  const env = Object.entries({ NODE_ENV: 'production', ...depEnv, ...sorted({ ...facts.env, ...portEnv(facts) }) }).map(([name, value]) => ({ name, value }));
  // Yarn 2+ defaults to Plug'n'Play (no node_modules); the stages below copy node_modules, so
  // the builder asks Yarn for that layout whatever .yarnrc.yml says (https://yarnpkg.com/configuration/yarnrc#nodeLinker).
  const builderEnv = [
    ...(pm === 'yarn' && facts.yarnBerry ? [{ name: 'YARN_NODE_LINKER', value: 'node-modules' }] : []),
    ...Object.entries(depEnv).map(([name, value]) => ({ name, value })),
  ];
  const view = {
    versionArg: NODE_VERSION_ARG,
    builderFrom: withArg(plan.builderImage, plan.runtimeVersion),
    runtimeFrom: withArg(plan.runtimeImage, plan.runtimeVersion),
    lockfile: facts.lockfile,
    installFiles: facts.installFiles,
    pmSetup: setup,
    cacheDir: recipe.cacheDir,
    // Cache and secret mounts for the install steps, finished text (ids and paths are validated).
    installMounts: installMounts(recipe.cacheDir, facts.installSecrets),
    // Files that must stay out of the build context beyond the usual list (an .npmrc with a token).
    extraIgnores: [...facts.installSecrets.filter((s) => s.target !== null).map(() => '.npmrc'), ...(facts.nestedCredentials ?? []).map(dockerignoreLiteral)],
    installAll: recipe.installAll,
    installProd: recipe.installProd,
    buildCommand: facts.buildScript === null ? null : [...recipe.run, facts.buildScript],
    // A self-contained build (Next standalone, Nuxt) needs no separate production node_modules.
    prodDeps,
    // With nothing to install or build (no dependencies, no build script) there is no builder at all.
    needsBuilder: prodDeps || facts.buildScript !== null,
    copySources: runtimeFiles === null,
    copies,
    // Next.js writes its image cache under .next at run time, so the app user owns that copy.
    chownCopies: facts.nextStandalone,
    buildPackages: osPackagesView(distro, collectPackages(facts.nativeDependencies, 'build', distro)),
    runtimePackages: osPackagesView(distro, distroless ? [] : collectPackages(facts.nativeDependencies, 'runtime', distro)),
    env,
    builderEnv,
    // A shell start command runs package binaries by name, as `npm start` would.
    binOnPath: start.kind === 'shell',
    user: distroless ? `${DISTROLESS_NONROOT_UID}:${DISTROLESS_NONROOT_UID}` : `${OFFICIAL_NODE_UID}:${OFFICIAL_NODE_UID}`,
    userNote: distroless ? 'the nonroot user of distroless' : 'the node user of the official image',
    // distroless/nodejs's entrypoint is /nodejs/bin/node, so CMD holds only node's arguments; with
    // tini in front, the entrypoint names node itself (https://github.com/GoogleContainerTools/distroless/blob/main/nodejs/README.md).
    entrypoint: plan.init === true ? [...initPrefix(plan, facts), ...(distroless ? [DISTROLESS_NODE] : [])] : null,
    cmd: distroless ? argv.slice(1) : argv,
    distroless,
    ...singlePackageFields(),
  };
  // An app inside a monorepo: same stages, scoped to the app, with the repository root as context.
  return facts.workspace ? { ...view, ...workspaceView(facts, facts.workspace, recipe) } : view;
}

const SECRET_ID = /^[A-Za-z_][A-Za-z0-9_]*$/;

function installMounts(cacheDir: string, secrets: NodeFacts['installSecrets']): string {
  const mounts = [`--mount=type=cache,target=${cacheDir}`];
  for (const secret of secrets) {
    if (!SECRET_ID.test(secret.id)) throw new Error(`invalid secret id ${secret.id}`);
    mounts.push(secret.target !== null
      ? `--mount=type=secret,id=${secret.id},target=${secret.target}`
      : `--mount=type=secret,id=${secret.id},env=${secret.env}`);
  }
  return mounts.join(' ');
}

/** Variables in name order, as detection lists them (PORT among the framework's). */
function sorted(env: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(env).sort(([a], [b]) => a.localeCompare(b)));
}
