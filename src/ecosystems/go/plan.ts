// Go: which of the four bases can work, at which Go line, and the view templates/go/ prints.
// Without cgo the binary is static (CGO_ENABLED=0), so scratch works; with cgo it links the
// builder's libc, so the final image needs the same libc family (glibc distroless/slim, or musl
// alpine when built on Alpine) and any OS library the cgo modules link.
import { portEnv } from '../../detect/port.js';
import type { GoFacts } from './types.js';
import { today } from '../../knowledge/clock.js';
import { BINARY_FINALS, GO_VERSION_ARG, goImages, NONROOT_UID } from './knowledge/images.js';
import { goEndOfSupport, releasedGoLines } from './knowledge/versions.js';
import type { BaseOption, Plan } from '../../types.js';
import { collectPackages, osPackagesView, type Distro } from '../../plan/os-packages.js';
import { pickVersion } from '../../plan/versions.js';
import { ruledOut } from '../../plan/choose-base.js';

/** "Go 1.24 (go.mod go 1.24)", with a note when the line is past end of support. */
function versionNote(facts: GoFacts, version: string, now: Date): string {
  const eol = goEndOfSupport(version, now);
  const from = facts.runtime.constraint === null
    ? 'the newest Go line; the module names none'
    : facts.runtime.pinned ? facts.runtime.source : `the newest Go line; ${facts.runtime.source} is a minimum`;
  return `Go ${version} (${from}${eol ? `; no longer supported upstream since ${eol}, consider a newer go line` : ''})`;
}

export function assessGo(facts: GoFacts, now: Date = today()): BaseOption[] {
  const version = pickVersion(facts.runtime, releasedGoLines(now));
  if (version === null) {
    const why = `no Go line in the catalog (${releasedGoLines(now).slice(-1)[0]}-${releasedGoLines(now)[0]}) matches ${facts.runtime.constraint} (${facts.runtime.source}); pass --runtime-version`;
    return (['scratch', 'distroless', 'alpine', 'slim'] as const).map((kind) => ruledOut(kind, why));
  }
  const note = versionNote(facts, version, now);
  const deps = facts.nativeDependencies;
  const cgo = facts.cgo.length > 0;
  const start = facts.start.value;
  const shell = start.kind === 'shell' ? `the start command "${start.command}" needs a shell` : null;
  const runtimeDeps = deps.filter((d) => d.runtime.debian.length > 0);
  const cgoWhy = facts.cgo.slice(0, 3).join('; ');
  const glibc = goImages.debianBuilder(version);

  const scratch: BaseOption = cgo
    ? ruledOut('scratch', `cgo is needed (${cgoWhy}), so the binary links libc`)
    : shell
      ? ruledOut('scratch', `${shell}, and scratch has none`)
      : {
          kind: 'scratch', possible: true, runtimeVersion: version, builderImage: glibc, runtimeImage: BINARY_FINALS.scratch,
          why: `no cgo, so CGO_ENABLED=0 gives one static binary; scratch gets CA certificates, zoneinfo and user ${NONROOT_UID} from the builder; ${note}`,
        };

  let distroless: BaseOption;
  if (shell) distroless = ruledOut('distroless', `${shell}, and distroless has none`);
  else if (!cgo) {
    distroless = {
      kind: 'distroless', possible: true, runtimeVersion: version, builderImage: glibc, runtimeImage: BINARY_FINALS.distrolessStatic,
      why: `a static CGO_ENABLED=0 binary on distroless static (CA certificates, tzdata, nonroot user); ${note}`,
    };
  } else if (runtimeDeps.length > 0) {
    distroless = ruledOut('distroless', `${runtimeDeps.map((d) => `${d.name} needs ${d.runtime.debian.join(', ')}`).join('; ')} at run time, and distroless cannot install OS packages`);
  } else {
    const image = facts.libstdcxx ? BINARY_FINALS.distrolessCc : BINARY_FINALS.distrolessBase;
    distroless = {
      kind: 'distroless', possible: true, runtimeVersion: version, builderImage: glibc, runtimeImage: image,
      why: `cgo links glibc (${cgoWhy}); ${facts.libstdcxx ? 'distroless cc adds libstdc++ for the C++ code' : 'distroless base has glibc and libssl'}, and the bookworm builder's glibc (2.36) is no newer than Debian 13's; ${note}`,
    };
  }

  const glibcOnly = deps.filter((d) => d.glibcOnly);
  const noAlpineName = runtimeDeps.filter((d) => d.runtime.alpine.length === 0);
  const alpine: BaseOption = glibcOnly.length > 0
    ? ruledOut('alpine', `${glibcOnly.map((d) => `${d.name} ${d.note}`).join('; ')}: alpine uses musl`)
    : noAlpineName.length > 0
      ? ruledOut('alpine', `${noAlpineName.map((d) => d.name).join(', ')} need OS libraries with no known Alpine package`)
      : {
          kind: 'alpine', possible: true, runtimeVersion: version,
          builderImage: cgo ? goImages.alpineBuilder(version) : glibc, runtimeImage: BINARY_FINALS.alpine,
          why: cgo
            ? `built on golang:${version}-alpine so cgo links musl${facts.muslTags.length > 0 ? ` (build tags: ${facts.muslTags.join(', ')})` : ''}; keeps a shell and apk; ${note}`
            : `a static binary on Alpine keeps a shell and apk; ${note}`,
        };

  const slim: BaseOption = {
    kind: 'slim', possible: true, runtimeVersion: version, builderImage: glibc, runtimeImage: BINARY_FINALS.slim,
    why: `Debian slim with glibc${runtimeDeps.length > 0 ? ` and ${collectPackages(deps, 'runtime', 'debian').join(', ')}` : ''} always works; ${note}`,
  };
  return [scratch, distroless, alpine, slim];
}

function manifestCopies(files: string[]): string[][] {
  const byDir = new Map<string, string[]>();
  for (const file of files) {
    const slash = file.lastIndexOf('/');
    const dir = slash < 0 ? '' : file.slice(0, slash + 1);
    byDir.set(dir, [...(byDir.get(dir) ?? []), file]);
  }
  return [...byDir].map(([dir, list]) => [...list, `./${dir}`]);
}

/** The builder image with its Go line replaced by the ARG, so the version is pinned in one place. */
function builderFrom(image: string, version: string): string {
  return image.replace(`golang:${version}-`, `golang:\${${GO_VERSION_ARG}}-`);
}

export function goView(facts: GoFacts, plan: Plan) {
  const distro: Distro = plan.builderImage.includes('-alpine') ? 'alpine' : 'debian';
  const cgo = facts.cgo.length > 0;
  const start = facts.start.value;
  const argv = start.kind === 'exec' ? start.argv : ['/bin/sh', '-c', start.command];
  const scratch = plan.base === 'scratch';
  const slim = plan.base === 'slim';
  const tags = distro === 'alpine' ? facts.muslTags : [];
  const build = [
    'go', 'build', '-trimpath', ...(facts.vendored ? ['-mod=vendor'] : []), ...(tags.length > 0 ? ['-tags', tags.join(',')] : []),
    '-ldflags=-s -w', '-o', '/out/app', facts.mainPackage.value,
  ];
  // The C compiler cgo needs: Debian's golang images carry gcc; Alpine's do not.
  const buildPackages = [
    ...(cgo && distro === 'alpine' ? ['gcc', 'musl-dev'] : []),
    ...(scratch ? ['ca-certificates', 'tzdata'] : []),
    ...(cgo ? collectPackages(facts.nativeDependencies, 'build', distro) : []),
  ];
  const runtimePackages = plan.base === 'alpine' || slim
    ? ['ca-certificates', 'tzdata', ...collectPackages(facts.nativeDependencies, 'runtime', distro)]
    : [];
  return {
    versionArg: GO_VERSION_ARG,
    builderFrom: builderFrom(plan.builderImage, plan.runtimeVersion),
    runtimeFrom: plan.runtimeImage,
    buildPackages: osPackagesView(distro, [...new Set(buildPackages)].sort()),
    runtimePackages: osPackagesView(plan.base === 'alpine' ? 'alpine' : 'debian', [...new Set(runtimePackages)].sort()),
    // One COPY per folder (exec form, the last entry the destination), so workspace manifests keep their paths.
    manifestCopies: manifestCopies(facts.manifestFiles),
    vendored: facts.vendored,
    download: facts.hasRequirements && !facts.vendored,
    cgoEnabled: cgo ? '1' : '0',
    cgoReasons: facts.cgo,
    mainPackage: facts.mainPackage.value,
    buildCommand: build,
    scratch,
    // Debian slim has no user 65532; create it so tools that look the user up find one.
    createUser: slim,
    user: `${NONROOT_UID}:${NONROOT_UID}`,
    uid: NONROOT_UID,
    entrypoint: argv,
    // The variables that tell the program its port (src/detect/port.ts), when it reads one.
    env: Object.entries(portEnv(facts)).map(([name, value]) => ({ name, value })),
  };
}
