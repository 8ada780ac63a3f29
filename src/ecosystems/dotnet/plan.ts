// .NET: which of the four bases can work, at which version, and the view templates/dotnet/
// prints. "distroless" is Ubuntu chiseled (no shell, no package manager, non-root), with its
// -extra variant when the app needs ICU or time zones; "alpine" the musl images; "slim" the full
// Debian (8.0, 9.0) or Ubuntu (10.0) images. The publish mode (framework-dependent, self-contained,
// trimmed, native AOT) is the project's own: trimming and AOT break reflection-heavy code, so they
// are used only when the project file asks for them, and the reasons say what they would save.
import * as semver from '../../semver.js';
import { portEnv } from '../../detect/port.js';
import { ruledOut } from '../../plan/choose-base.js';
import { collectPackages, osPackagesView, type Distro } from '../../plan/os-packages.js';
import { withVersionArg } from '../../plan/versions.js';
import type { BaseOption, Plan } from '../../types.js';
import { AOT_BUILD_PACKAGES, APP_UID, DOTNET_SDK_VERSION_ARG, DOTNET_VERSION_ARG, dotnetImages, MCR, MINIMAL_API_SIZES, type RuntimeRepo } from './knowledge/images.js';
import { DOTNET_RELEASES, findRelease } from './knowledge/versions.js';
import type { DotnetFacts } from './types.js';

/** "8.0" from the requirement ("8.0", "8", "--runtime-version 9.0.1"). */
export function dotnetVersion(facts: Pick<DotnetFacts, 'runtime'>): string {
  const coerced = semver.coerce(facts.runtime.constraint ?? '');
  if (coerced === null) return DOTNET_RELEASES[DOTNET_RELEASES.length - 1]!.version;
  return `${coerced.major}.${coerced.minor}`;
}

/** The line the target framework names ("net8.0" -> "8.0"). */
function targetVersion(facts: Pick<DotnetFacts, 'targetFramework'>): string {
  const m = /(\d{1,2})\.(\d)$/.exec(facts.targetFramework.value);
  return m === null ? '' : `${m[1]}.${m[2]}`;
}

/**
 * A newer runtime than the target framework (--runtime-version): a framework-dependent app runs
 * on it only when told to roll forward across majors
 * (https://learn.microsoft.com/en-us/dotnet/core/versions/selection#framework-dependent-apps-roll-forward).
 */
function rollForward(facts: DotnetFacts, runtimeVersion: string): Record<string, string> {
  const target = targetVersion(facts);
  return facts.mode.value === 'framework-dependent' && target !== '' && Number.parseFloat(runtimeVersion) > Number.parseFloat(target) ? { DOTNET_ROLL_FORWARD: 'Major' } : {};
}

function repoFor(facts: DotnetFacts): RuntimeRepo {
  return facts.mode.value === 'framework-dependent' ? facts.runtimeRepo : 'runtime-deps';
}

/** A reason without its trailing "(https://...)" source, for a sentence that lists several. */
const withoutSource = (why: string): string => {
  const at = why.lastIndexOf(' (https:');
  return at >= 0 && why.endsWith(')') ? why.slice(0, at) : why;
};

/** The publish mode in one sentence, with what the smaller modes would save and why they are not used. */
export function modeReason(facts: DotnetFacts): string {
  const s = MINIMAL_API_SIZES;
  switch (facts.mode.value) {
    case 'aot':
      return `native AOT, one executable on runtime-deps, as ${facts.mode.source} asks (a minimal API: ${s.aotChiseled} MB on chiseled)`;
    case 'trimmed':
      return `self-contained and trimmed on runtime-deps, as ${facts.mode.source} asks (a minimal API: ${s.trimmedChiseled} MB on chiseled)`;
    case 'self-contained':
      return `self-contained on runtime-deps, as ${facts.mode.source} asks; PublishTrimmed would drop unused code`;
    case 'framework-dependent': {
      const names = [...new Set(facts.aotBlockers.map((b) => b.split(/[: ]/)[0]!.replace(/,$/, '')))];
      const blockers = names.length > 0 ? `, and here ${names.join(', ')} would break under them` : '';
      return `framework-dependent on ${facts.runtimeRepo} (a minimal API: ${s.aspnetChiseled} MB on chiseled, ${s.aspnet} MB on the full image): the project turns on neither PublishTrimmed (${s.trimmedChiseled} MB) nor PublishAot (${s.aotChiseled} MB), which break reflection-heavy code${blockers}`;
    }
  }
}

export function assessDotnet(facts: DotnetFacts): BaseOption[] {
  const version = dotnetVersion(facts);
  const release = findRelease(version);
  const repo = repoFor(facts);
  const rolled = Object.keys(rollForward(facts, version)).length > 0
    ? `; the ${facts.targetFramework.value} app runs on .NET ${version} (${facts.runtime.source}) with DOTNET_ROLL_FORWARD=Major`
    : '';
  const mode = `${modeReason(facts)}${rolled}`;
  const start = facts.start.value;
  const deps = facts.nativeDependencies;
  const needsGlobalization = !facts.invariantGlobalization && facts.globalization.length > 0;
  const builder = (alpine: boolean) => {
    const tag = facts.sdkTag?.value ?? version;
    return alpine && facts.mode.value === 'aot' ? dotnetImages.sdk(`${tag}-alpine`) : dotnetImages.sdk(tag);
  };

  const scratch = ruledOut('scratch', 'even a native AOT .NET executable links glibc (or musl) and libstdc++ dynamically; scratch only fits one static binary');
  const target = targetVersion(facts);
  const older = Number.parseFloat(version) < Number.parseFloat(target);
  if (release === undefined || (older && facts.mode.value === 'framework-dependent')) {
    const why = release === undefined
      ? `.NET ${version} has no images this tool knows (${DOTNET_RELEASES.map((r) => r.version).join(', ')})`
      : `${facts.targetFramework.source} cannot run on the .NET ${version} runtime (${facts.runtime.source}); pass --runtime-version ${target} or newer`;
    return [scratch, ruledOut('distroless', why), ruledOut('alpine', why), ruledOut('slim', why)];
  }

  const runtimeMissing = deps.filter((d) => d.runtime.debian.length > 0);
  const blocking = deps.filter((d) => d.blocksDistroless !== null);
  let distroless: BaseOption;
  if (start.kind === 'shell') {
    distroless = ruledOut('distroless', `the start command "${start.command}" needs a shell, and chiseled images have none`);
  } else if (blocking.length > 0 || runtimeMissing.length > 0) {
    const why = [...blocking.map((d) => `${d.name}: ${d.blocksDistroless}`), ...runtimeMissing.map((d) => `${d.name} needs ${d.runtime.debian.join(', ')}`)];
    distroless = ruledOut('distroless', `${why.join('; ')}, and a chiseled image cannot install OS packages`);
  } else {
    const image = dotnetImages.chiseled(repo, version, needsGlobalization);
    const icu = needsGlobalization
      ? `the -extra variant, with ICU and tzdata, because ${facts.globalization.map(withoutSource).join('; ')}`
      : facts.invariantGlobalization
        ? 'no ICU needed: the project sets InvariantGlobalization'
        : 'globalization-invariant (no ICU, no tzdata), as nothing found needs cultures or time zones (the -extra variant adds them)';
    distroless = {
      kind: 'distroless', possible: true, runtimeVersion: version, builderImage: builder(false), runtimeImage: image,
      why: `${image}: Ubuntu chiseled, no shell or package manager, non-root ${APP_UID}; ${icu}; ${mode}`,
    };
  }

  const glibcOnly = deps.filter((d) => d.glibcOnly);
  let alpine: BaseOption;
  if (glibcOnly.length > 0) {
    alpine = ruledOut('alpine', `${glibcOnly.map((d) => `${d.name}: ${d.note}`).join('; ')}; alpine uses musl`);
  } else if (needsGlobalization) {
    alpine = ruledOut('alpine', `the Alpine images run globalization-invariant without ICU, and ${facts.globalization.map(withoutSource).join('; ')}`);
  } else {
    const image = dotnetImages.alpine(repo, version);
    alpine = {
      kind: 'alpine', possible: true, runtimeVersion: version, builderImage: builder(true), runtimeImage: image,
      why: `${image}: musl, with a shell and apk; every native package has musl assets; ${mode}${facts.mode.value === 'aot' ? ` (${MINIMAL_API_SIZES.aotAlpine} MB on Alpine, which keeps a shell and a package manager)` : ''}`,
    };
  }

  const slimImage = dotnetImages.fullOs(repo, version, release.fullOs);
  const slim: BaseOption = {
    kind: 'slim', possible: true, runtimeVersion: version, builderImage: builder(false), runtimeImage: slimImage,
    why: `${slimImage} (${release.fullOs === 'noble' ? 'Ubuntu 24.04' : 'Debian 12'}, glibc, ICU and tzdata${runtimeMissing.length > 0 ? `, plus ${collectPackages(deps, 'runtime', 'debian').join(', ')}` : ''}) always works; ${mode}`,
  };
  return [scratch, distroless, alpine, slim];
}

/** The runtime version ARG in the image names; the SDK gets its own ARG when global.json pins another. */
function withArgs(image: string, version: string, sdk: { arg: string; value: string } | null): string {
  if (image.startsWith(`${MCR}/sdk:`) && sdk !== null) return image.replace(`sdk:${sdk.value}`, `sdk:\${${sdk.arg}}`);
  return withVersionArg(image, version, DOTNET_VERSION_ARG, [':{v}-', ':{v}']);
}

/** COPY lines for the restore inputs: one per folder, each file to the same path in the image. */
function restoreCopies(files: string[]): Array<{ sources: string[]; target: string }> {
  const byDir = new Map<string, string[]>();
  for (const f of files) {
    const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/') + 1) : './';
    byDir.set(dir, [...(byDir.get(dir) ?? []), f]);
  }
  return [...byDir.entries()].map(([target, sources]) => ({ sources, target }));
}

/**
 * The view templates/dotnet/Dockerfile.hbs prints (a stable contract, README "The template view"):
 * - `versionArg`, `runtimeVersion`: the ARG holding the .NET line (`DOTNET_VERSION`) and its value;
 * - `sdkArg`: `{name, value}` of the SDK ARG when global.json pins an exact SDK, else null;
 * - `builderFrom`, `runtimeFrom`: the images with the ARGs in place of the versions;
 * - `buildPackages`, `runtimePackages`: `{apt, apk, packages}` for the os-packages partial;
 * - `restoreCopies`: `{sources, target}[]`, the restore inputs, one COPY per folder;
 * - `nugetCache`: the NuGet folder the cache mount targets; `restoreSecrets`: finished
 *   `--mount=type=secret,...` options for the restore (NuGet.config credential variables);
 * - `restore`, `publish`: argv of `dotnet restore` and `dotnet publish`;
 * - `arch`: the build is for one architecture (`-a "$TARGETARCH"` is appended, `ARG TARGETARCH` declared);
 * - `aot`: native AOT (debug symbols removed); `mode`: the publish mode's name;
 * - `env`: `{name, value}[]` for the final stage (the port variable when it moves);
 * - `user`: numeric `uid:gid`; `chiseled`: the final image is chiseled;
 * - `entrypoint`: exec-form ENTRYPOINT argv.
 */
export function dotnetView(facts: DotnetFacts, plan: Plan) {
  const distro: Distro = plan.base === 'alpine' ? 'alpine' : 'debian';
  const mode = facts.mode.value;
  const ridSpecific = facts.ridSpecific;
  const aot = mode === 'aot';
  const builderAlpine = plan.builderImage.endsWith('-alpine');
  const sdkValue = plan.builderImage.slice(`${MCR}/sdk:`.length).replace(/-alpine$/, '');
  const sdk = sdkValue === plan.runtimeVersion ? null : { arg: DOTNET_SDK_VERSION_ARG, value: sdkValue };
  // Self-contained and AOT output is for one runtime identifier: linux-musl on Alpine, linux
  // elsewhere, for the architecture BuildKit builds for (https://learn.microsoft.com/en-us/dotnet/core/rid-catalog).
  const os = ridSpecific && plan.base === 'alpine' ? ['--os', 'linux-musl'] : [];
  const restore = ['dotnet', 'restore', facts.projectFile, ...os, ...(facts.lockedRestore ? ['--locked-mode'] : [])];
  const publish = [
    'dotnet', 'publish', facts.projectFile, '-c', 'Release', '-o', '/app', '--no-restore',
    ...(facts.multiTarget ? ['-f', facts.targetFramework.value] : []),
    ...os,
    ...(mode === 'self-contained' || mode === 'trimmed' ? ['--self-contained'] : []),
  ];
  const builderDistro: Distro = builderAlpine ? 'alpine' : 'debian';
  const buildPackages = [...(aot ? AOT_BUILD_PACKAGES[builderDistro] : []), ...facts.builderPackages].sort();
  const start = facts.start.value;
  return {
    versionArg: DOTNET_VERSION_ARG,
    sdkArg: sdk === null ? null : { name: sdk.arg, value: sdk.value },
    builderFrom: withArgs(plan.builderImage, plan.runtimeVersion, sdk),
    runtimeFrom: withArgs(plan.runtimeImage, plan.runtimeVersion, null),
    buildPackages: osPackagesView(builderDistro, buildPackages),
    runtimePackages: osPackagesView(distro, plan.base === 'distroless' ? [] : collectPackages(facts.nativeDependencies, 'runtime', distro)),
    restoreCopies: restoreCopies(facts.restoreFiles),
    nugetCache: '/root/.nuget/packages',
    // NuGet.config credentials read these variables: the restore alone sees them, as secrets.
    restoreSecrets: facts.restoreSecrets.map((name) => `--mount=type=secret,id=${name},env=${name} `).join(''),
    restore,
    publish,
    arch: ridSpecific,
    aot,
    mode,
    env: Object.entries({ ...rollForward(facts, plan.runtimeVersion), ...portEnv(facts) }).map(([name, value]) => ({ name, value })),
    user: `${APP_UID}:${APP_UID}`,
    chiseled: plan.base === 'distroless',
    entrypoint: start.kind === 'exec' ? start.argv : ['/bin/sh', '-c', start.command],
  };
}
