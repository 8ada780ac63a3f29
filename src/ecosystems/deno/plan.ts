// Deno: which of the four bases can work, at which version, and the view the template prints.
// `deno compile` (one executable on distroless cc) is not offered yet: the reasons say so.
import * as semver from '../../semver.js';
import type { BaseOption, Plan } from '../../types.js';
import { ruledOut } from '../../plan/choose-base.js';
import { collectPackages, osPackagesView, type Distro } from '../../plan/os-packages.js';
import { withVersionArg } from '../../plan/versions.js';
import { DENO_DIR, DENO_IMAGE_UID, DENO_VERSION_ARG, denoImages, DISTROLESS_NONROOT_UID } from './knowledge/images.js';
import { DENO_RELEASES } from './knowledge/versions.js';
import type { DenoFacts } from './types.js';

/** The version to build on: the pin, else the newest release of the newest line this tool knows (tags name full versions). */
export function denoVersion(facts: Pick<DenoFacts, 'runtime'>): { version: string; note: string } {
  const { runtime } = facts;
  if (runtime.pinned && runtime.constraint !== null) return { version: runtime.constraint, note: `Deno ${runtime.constraint} pinned by ${runtime.source}` };
  const newest = DENO_RELEASES[DENO_RELEASES.length - 1]!.newest;
  return { version: newest, note: `no Deno version in the project (.dvmrc, .tool-versions): the newest release this tool knows, ${newest}, since deno_docker tags name full versions` };
}

export function assessDeno(facts: DenoFacts): BaseOption[] {
  const { version, note } = denoVersion(facts);
  const deps = facts.nativeDependencies;
  const start = facts.start.value;
  const scratch = ruledOut('scratch', 'Deno links glibc and libgcc dynamically; scratch only fits a static binary');
  const runtimeMissing = deps.filter((d) => d.runtime.debian.length > 0);
  let distroless: BaseOption;
  if (start.kind !== 'exec' || start.argv[0] !== 'deno') {
    distroless = ruledOut('distroless', start.kind === 'shell' ? `the start task "${start.command}" needs a shell, and distroless has none` : `the start command "${start.argv.join(' ')}" does not run deno, the entrypoint of denoland/deno's distroless image`);
  } else if (runtimeMissing.length > 0) {
    distroless = ruledOut('distroless', `${runtimeMissing.map((d) => `${d.name} needs ${d.runtime.debian.join(', ')}`).join('; ')} at run time, which distroless cannot install`);
  } else {
    distroless = {
      kind: 'distroless', possible: true, runtimeVersion: version, builderImage: denoImages.builder(version), runtimeImage: denoImages.distroless(version),
      why: `denoland/deno distroless (distroless cc, deno and tini) with the dependency cache filled in the builder; no shell, no package manager; deno compile on distroless cc is not offered yet (${note})`,
    };
  }
  const glibcOnly = deps.filter((d) => d.glibcOnly);
  const alpine: BaseOption = glibcOnly.length > 0
    ? ruledOut('alpine', `${glibcOnly.map((d) => `${d.name} ${d.note}`).join('; ')}: alpine uses musl`)
    : {
        kind: 'alpine', possible: true, runtimeVersion: version, builderImage: denoImages.builder(version), runtimeImage: denoImages.alpine(version),
        why: `no npm package with glibc-only native code; denoland/deno alpine carries a glibc layer for deno itself and keeps a shell (${note})`,
      };
  const slim: BaseOption = {
    kind: 'slim', possible: true, runtimeVersion: version, builderImage: denoImages.builder(version), runtimeImage: denoImages.slim(version),
    why: `Debian with glibc${runtimeMissing.length > 0 ? ` and ${collectPackages(deps, 'runtime', 'debian').join(', ')}` : ''} always works (${note})`,
  };
  return [scratch, distroless, alpine, slim];
}

function withArg(image: string, version: string): string {
  return withVersionArg(image, version, DENO_VERSION_ARG, ['deno:debian-{v}', 'deno:distroless-{v}', 'deno:alpine-{v}']);
}

export function denoView(facts: DenoFacts, plan: Plan) {
  const distro: Distro = plan.base === 'alpine' ? 'alpine' : 'debian';
  const distroless = plan.base === 'distroless';
  const start = facts.start.value;
  const argv = start.kind === 'exec' ? start.argv : ['/bin/sh', '-c', start.command];
  const major = semver.coerce(plan.runtimeVersion)?.major ?? 2;
  // Deno 2: `deno install` caches the config's imports and `--entrypoint` a module graph; --frozen
  // fails when deno.lock is out of date (https://docs.deno.com/runtime/reference/cli/install/).
  // Deno 1 has `deno cache` and checks the lockfile with --lock (https://docs.deno.com/runtime/manual/basics/modules/integrity_checking).
  const frozen = facts.lockfile === null ? [] : major >= 2 ? ['--frozen'] : ['--lock=deno.lock'];
  const install = major >= 2 ? ['deno', 'install', ...frozen] : null;
  const cacheEntry = facts.entry === null ? null : major >= 2 ? ['deno', 'install', ...frozen, '--entrypoint', facts.entry] : ['deno', 'cache', ...frozen, facts.entry];
  const uid = distroless ? DISTROLESS_NONROOT_UID : DENO_IMAGE_UID;
  return {
    versionArg: DENO_VERSION_ARG,
    builderFrom: withArg(plan.builderImage, plan.runtimeVersion),
    runtimeFrom: withArg(plan.runtimeImage, plan.runtimeVersion),
    denoDir: DENO_DIR,
    installFiles: facts.installFiles,
    install,
    cacheEntry,
    buildCommand: facts.buildTask === null ? null : ['deno', 'task', facts.buildTask],
    buildPackages: osPackagesView(distro, collectPackages(facts.nativeDependencies, 'build', distro)),
    runtimePackages: osPackagesView(distro, distroless ? [] : collectPackages(facts.nativeDependencies, 'runtime', distro)),
    user: `${uid}:${uid}`,
    userNote: distroless ? 'the nonroot user of distroless' : 'the deno user of the denoland/deno image',
    distroless,
    // The images' entrypoint is tini then deno (distroless) or an entry script that runs deno for a
    // known subcommand (debian, alpine), so CMD holds deno's subcommand and arguments.
    cmd: start.kind === 'exec' ? argv.slice(1) : argv,
  };
}
