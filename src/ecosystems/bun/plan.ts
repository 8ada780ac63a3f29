// Bun: which of the four bases can work, at which version, and the view the template prints.
// distroless has two forms, and the smaller one that works is taken: a `bun build --compile`
// executable on distroless base-nossl, or oven/bun's own distroless image with node_modules and
// the sources; the reason names both.
import { initPrefix } from '../../plan/init.js';
import * as semver from '../../semver.js';
import { portEnv } from '../../detect/port.js';
import type { BaseOption, Plan } from '../../types.js';
import { ruledOut } from '../../plan/choose-base.js';
import { collectPackages, osPackagesView, type Distro } from '../../plan/os-packages.js';
import { withVersionArg } from '../../plan/versions.js';
import { BUN_IMAGE_UID, BUN_VERSION_ARG, bunImages, DISTROLESS_NONROOT_UID, MEASURED_MB } from './knowledge/images.js';
import { BUN_DEFAULT_TAG, BUN_RELEASES } from './knowledge/versions.js';
import type { BunFacts } from './types.js';

/** The tag to build on: the pinned version itself, else the major tag that follows the newest release. */

/** Where oven/bun's distroless image keeps bun (its ENTRYPOINT). */
export const DISTROLESS_BUN = '/usr/local/bin/bun';
export function bunVersion(facts: Pick<BunFacts, 'runtime'>): { version: string | null; note: string } {
  const { runtime } = facts;
  if (runtime.pinned && runtime.constraint !== null) return { version: runtime.constraint, note: `Bun ${runtime.constraint} pinned by ${runtime.source}` };
  const newest = BUN_RELEASES[BUN_RELEASES.length - 1]!.version;
  if (runtime.constraint !== null) {
    const range = semver.validRange(runtime.constraint);
    if (range === null || !semver.intersects(range, `>=${newest}.0 <2.0.0-0`)) {
      return { version: null, note: `${runtime.constraint} (${runtime.source}) allows no current Bun release (newest line ${newest}); pin one with .bun-version or --runtime-version` };
    }
    return { version: BUN_DEFAULT_TAG, note: `${runtime.constraint} from ${runtime.source} allows the newest Bun (${newest}); Bun has no LTS, so the image follows tag ${BUN_DEFAULT_TAG}` };
  }
  return { version: BUN_DEFAULT_TAG, note: `no Bun version in the project: tag ${BUN_DEFAULT_TAG} follows the newest release (Bun has no LTS); add a .bun-version to pin one` };
}

export function assessBun(facts: BunFacts): BaseOption[] {
  const { version, note } = bunVersion(facts);
  const deps = facts.nativeDependencies;
  const start = facts.start.value;
  const scratch = ruledOut('scratch', 'Bun and a compiled Bun executable link glibc dynamically; scratch only fits a static binary');
  if (version === null) return [scratch, ruledOut('distroless', note), ruledOut('alpine', note), ruledOut('slim', note)];

  const runtimeMissing = deps.filter((d) => d.runtime.debian.length > 0);
  const blocking = deps.filter((d) => d.blocksDistroless !== null);
  let distroless: BaseOption;
  const sizes = `measured: a compiled Bun.serve app ${MEASURED_MB.compiledHello} MB, oven/bun distroless ${MEASURED_MB.bunDistroless} MB before the app; Elysia compiled ${MEASURED_MB.elysiaCompiled} MB against ${MEASURED_MB.elysiaWithModules} MB with node_modules`;
  // Compiling pays once there are production dependencies: the bundle keeps only what is imported.
  const compile = facts.compile.possible && facts.hasProductionDependencies;
  if (start.kind !== 'exec' || start.argv[0] !== 'bun') {
    distroless = ruledOut('distroless', start.kind === 'shell' ? `the start command "${start.command}" needs a shell, and distroless has none` : `the start command "${start.argv.join(' ')}" does not run bun, the entrypoint of oven/bun's distroless image`);
  } else if (blocking.length > 0) {
    distroless = ruledOut('distroless', blocking.map((d) => `${d.name}: ${d.blocksDistroless}`).join('; '));
  } else if (runtimeMissing.length > 0) {
    distroless = ruledOut('distroless', `${runtimeMissing.map((d) => `${d.name} needs ${d.runtime.debian.join(', ')}`).join('; ')} at run time, which distroless cannot install`);
  } else if (deps.length > 0) {
    // oven/bun distroless is base-nossl (https://github.com/oven-sh/bun/blob/main/dockerhub/distroless/Dockerfile),
    // which has glibc but not libstdc++ or libgcc_s; those come with distroless cc
    // (https://github.com/GoogleContainerTools/distroless/blob/main/cc/README.md), and addons built
    // with node-addon-api or nan are C++ and link them. A compiled executable cannot carry a .node addon either.
    distroless = ruledOut('distroless', `${deps.map((d) => d.name).join(', ')} ${deps.length > 1 ? 'are native addons' : 'is a native addon'}: oven/bun's distroless image (base-nossl) has no libstdc++ or libgcc_s, which C++ addons link, and a compiled executable does not carry node_modules' .node files`);
  } else if (compile) {
    distroless = {
      kind: 'distroless', possible: true, runtimeVersion: version, builderImage: bunImages.builder(version), runtimeImage: bunImages.compiled,
      why: `bun build --compile: ${facts.compile.why}, on ${bunImages.compiled}, which is smaller than oven/bun distroless with node_modules (${sizes}); no shell, no package manager (${note})`,
    };
  } else {
    const notCompiled = facts.compile.possible ? 'with no production dependencies, compiling would not make it smaller' : `not compiled because ${facts.compile.why}`;
    distroless = {
      kind: 'distroless', possible: true, runtimeVersion: version, builderImage: bunImages.builder(version), runtimeImage: bunImages.distroless(version),
      why: `oven/bun distroless with the sources${facts.hasProductionDependencies ? ' and production node_modules' : ''}; ${notCompiled} (${sizes}); no shell, no package manager (${note})`,
    };
  }

  const glibcOnly = deps.filter((d) => d.glibcOnly);
  const missingAlpine = deps.filter((d) => d.runtime.debian.length > 0 && d.runtime.alpine.length === 0);
  const alpine: BaseOption = glibcOnly.length > 0
    ? ruledOut('alpine', `${glibcOnly.map((d) => `${d.name} ${d.note}`).join('; ')}: alpine uses musl`)
    : missingAlpine.length > 0
      ? ruledOut('alpine', `${missingAlpine.map((d) => d.name).join(', ')} need OS packages with no known Alpine name`)
      : {
          kind: 'alpine', possible: true, runtimeVersion: version, builderImage: bunImages.alpineBuilder(version), runtimeImage: bunImages.alpine(version),
          why: `every native dependency has a musl build${deps.length === 0 ? ' (there are none)' : ''}; oven/bun alpine keeps a shell and apk (${note})`,
        };

  const slim: BaseOption = {
    kind: 'slim', possible: true, runtimeVersion: version, builderImage: bunImages.builder(version), runtimeImage: bunImages.slim(version),
    why: `Debian slim with glibc${runtimeMissing.length > 0 ? ` and ${collectPackages(deps, 'runtime', 'debian').join(', ')}` : ''} always works (${note})`,
  };
  return [scratch, distroless, alpine, slim];
}

function withArg(image: string, version: string): string {
  return withVersionArg(image, version, BUN_VERSION_ARG, ['bun:{v}']);
}

export function bunView(facts: BunFacts, plan: Plan) {
  const distro: Distro = plan.base === 'alpine' ? 'alpine' : 'debian';
  const compiled = plan.runtimeImage === bunImages.compiled;
  const distroless = plan.base === 'distroless';
  const start = facts.start.value;
  const argv = start.kind === 'exec' ? start.argv : ['/bin/sh', '-c', start.command];
  const frozen = facts.frozen ? ['--frozen-lockfile'] : [];
  const prodDeps = !compiled && facts.hasProductionDependencies;
  const needsAll = compiled || facts.buildScript !== null;
  // Outside /app, so no project folder of that name can collide with it.
  const executable = '/usr/local/bin/app';
  const cmd = compiled ? [executable] : distroless ? argv.slice(1) : argv;
  return {
    versionArg: BUN_VERSION_ARG,
    builderFrom: withArg(plan.builderImage, plan.runtimeVersion),
    runtimeFrom: withArg(plan.runtimeImage, plan.runtimeVersion),
    installFiles: facts.installFiles,
    // https://bun.com/docs/install/cache: the global cache lives in ~/.bun/install/cache (root in the builder).
    cacheMount: '--mount=type=cache,target=/root/.bun/install/cache',
    // https://bun.com/docs/cli/install: --production skips devDependencies, --frozen-lockfile refuses a lockfile that is out of date.
    installProd: ['bun', 'install', '--production', ...frozen],
    installAll: ['bun', 'install', ...frozen],
    prodDeps,
    buildStage: needsAll,
    // With nothing to install, build or compile there is no builder at all.
    needsBuilder: prodDeps || needsAll,
    buildCommand: facts.buildScript === null ? null : ['bun', 'run', facts.buildScript],
    // https://bun.com/docs/bundler/executables: --minify and --sourcemap are the production flags it recommends.
    compileCommand: compiled ? ['bun', 'build', '--compile', '--minify', '--sourcemap', facts.entry!, '--outfile', executable] : null,
    compiled,
    assets: compiled ? facts.assets.map((dir) => ({ source: `/app/${dir}`, target: `./${dir}` })) : [],
    executable,
    copySources: !compiled && facts.buildScript === null,
    copyBuild: !compiled && facts.buildScript !== null,
    buildPackages: osPackagesView(distro, collectPackages(facts.nativeDependencies, 'build', distro)),
    runtimePackages: osPackagesView(distro, distroless ? [] : collectPackages(facts.nativeDependencies, 'runtime', distro)),
    env: Object.entries({ NODE_ENV: 'production', ...portEnv(facts) }).map(([name, value]) => ({ name, value })),
    user: distroless ? `${DISTROLESS_NONROOT_UID}:${DISTROLESS_NONROOT_UID}` : `${BUN_IMAGE_UID}:${BUN_IMAGE_UID}`,
    userNote: distroless ? 'the nonroot user of distroless' : 'the bun user of the oven/bun image',
    distrolessBun: distroless && !compiled,
    // tini in front; oven/bun's distroless entrypoint is /usr/local/bin/bun, so it is named after tini.
    entrypoint: plan.init === true ? [...initPrefix(plan, facts), ...(distroless && !compiled ? [DISTROLESS_BUN] : [])] : null,
    cmd,
  };
}
