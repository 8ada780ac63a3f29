// Ruby: which of the four bases can work, at which version, and the view the template prints. Gems
// are installed in a builder stage (BUNDLE_DEPLOYMENT, without development and test) into
// BUNDLE_PATH, which the final stage copies with the app; compilers and headers never ship.
import type { BaseOption, NativeDependency, Plan, StartCommand } from '../../types.js';
import { UserError } from '../../errors.js';
import { today } from '../../knowledge/clock.js';
import { portEnv } from '../../detect/port.js';
import { ruledOut } from '../../plan/choose-base.js';
import { collectPackages, osPackagesView, type Distro } from '../../plan/os-packages.js';
import { pickVersion, withVersionArg } from '../../plan/versions.js';
import { APP_UID, BUNDLE_PATH, RUBY_VERSION_ARG, rubyAbi, rubyImages, slimSuite } from './knowledge/images.js';
import { JEMALLOC } from './knowledge/frameworks.js';
import { COMPILER, rubyNativeRow } from './knowledge/native-gems.js';
import { maintainedRubies, releasedRubies } from './knowledge/versions.js';
import type { RubyFacts } from './types.js';

/** The version to build on and why: an exact Gemfile pin, a pinned line, or the newest maintained line the requirement allows. */
export function rubyVersion(facts: RubyFacts, now: Date): { version: string; note: string } | null {
  const { runtime } = facts;
  if (facts.exactRuby !== null) {
    return { version: facts.exactRuby, note: `Ruby ${facts.exactRuby} exactly, since the Gemfile's ruby line makes bundler refuse any other patch release (loosen it to "~> ${facts.exactRuby}" to get security patches with the ${facts.exactRuby.split('.').slice(0, 2).join('.')} image)` };
  }
  const cap = runtime.pinned ? null : facts.rubyCaps.reduce<{ ruby: string; why: string } | null>((low, c) => (low === null || Number(c.ruby) < Number(low.ruby) ? c : low), null);
  const all = runtime.pinned ? releasedRubies(now) : maintainedRubies(now);
  const candidates = cap === null ? all : all.filter((v) => compareMinor(v, cap.ruby) <= 0);
  const version = pickVersion(runtime, candidates);
  if (version === null) return null;
  const capNote = cap !== null && pickVersion(runtime, all) !== version ? `; ${cap.why}` : '';
  const note = runtime.constraint === null
    ? `the project names no Ruby version: the newest maintained, ${version}`
    : runtime.pinned ? `Ruby ${version} (${runtime.constraint} pinned by ${runtime.source}; the image carries the newest ${version} patch)` : `the newest maintained Ruby that "${runtime.constraint}" (${runtime.source}) allows, ${version}`;
  return { version, note: note + capNote };
}

function compareMinor(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split('.').map(Number);
  const [b1 = 0, b2 = 0] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

export function assessRuby(facts: RubyFacts, now: Date = today()): BaseOption[] {
  const start = facts.start.value;
  if (start.kind === 'exec' && start.argv.length === 0) {
    throw new UserError('Could not tell how this Ruby app starts. Pass the start command with --cmd, e.g. --cmd "bundle exec puma".');
  }
  const scratch = ruledOut('scratch', 'a Ruby app needs the interpreter, its standard library and the gems at run time; scratch only fits one static binary');
  const distroless = ruledOut('distroless', 'there is no maintained distroless Ruby image (GoogleContainerTools/distroless publishes none), and the Ruby images\' libraries would have to be copied by hand');
  const chosen = rubyVersion(facts, now);
  if (chosen === null) {
    const cap = facts.runtime.pinned ? undefined : [...facts.rubyCaps].sort((a, b) => compareMinor(a.ruby, b.ruby))[0];
    const why = cap !== undefined
      ? `${cap.why}; every maintained Ruby (${maintainedRubies(now).join(', ')}) is newer, so upgrade the gem first`
      : `no maintained Ruby (${maintainedRubies(now).join(', ')}) satisfies "${facts.runtime.constraint}" from ${facts.runtime.source}; pass --runtime-version`;
    return [scratch, distroless, ruledOut('alpine', why), ruledOut('slim', why)];
  }
  const { version, note } = chosen;
  const deps = forSuite(facts.nativeDependencies, version);
  const noAlpineName = deps.filter((d) => d.runtime.debian.length > 0 && d.runtime.alpine.length === 0);
  let alpineWhy: string | null = facts.muslBlocked;
  if (alpineWhy === null && noAlpineName.length > 0) alpineWhy = `${noAlpineName.map((d) => d.name).join(', ')} need OS libraries with no known Alpine package`;
  const alpine: BaseOption = alpineWhy === null
    ? {
        kind: 'alpine', possible: true, runtimeVersion: version, builderImage: rubyImages.alpine(version), runtimeImage: rubyImages.alpine(version),
        why: `no gem needs glibc${facts.lockfile !== null ? ` (${facts.lockfile} PLATFORMS: ${platformsNote(facts)})` : ''}; ${note}; ruby:${version}-alpine keeps a shell and apk`,
      }
    : ruledOut('alpine', alpineWhy);
  const libraries = collectPackages(deps, 'runtime', 'debian');
  const slim: BaseOption = {
    kind: 'slim', possible: true, runtimeVersion: version, builderImage: rubyImages.slim(version), runtimeImage: rubyImages.slim(version),
    why: `Debian slim with glibc${libraries.length > 0 ? ` and the OS libraries ${libraries.join(', ')}` : ''} always works (${note})`,
  };
  return [scratch, distroless, alpine, slim];
}

/** Runtime packages named for the Debian release of the slim image this version uses. */
function forSuite(deps: NativeDependency[], version: string): NativeDependency[] {
  if (slimSuite(version) === 'trixie') return deps;
  return deps.map((d) => {
    const bookworm = rubyNativeRow(d.name)?.debian.bookworm;
    return bookworm === undefined || d.runtime.debian.length === 0 ? d : { ...d, runtime: { ...d.runtime, debian: bookworm } };
  });
}

function platformsNote(facts: RubyFacts): string {
  return facts.muslGems.length > 0 ? `musl builds locked for ${facts.muslGems.join(', ')}` : 'no precompiled glibc-only gem';
}

function withArg(image: string, version: string): string {
  return withVersionArg(image, version, RUBY_VERSION_ARG, ['ruby:{v}-']);
}

function argvOf(start: StartCommand): string[] {
  return start.kind === 'exec' ? start.argv : ['/bin/sh', '-c', start.command];
}

function withCompiler(deps: NativeDependency[], hasGems: boolean, git: boolean): NativeDependency[] {
  if (!hasGems) return deps;
  const tools: NativeDependency = {
    name: 'c-compiler', version: null, glibcOnly: false, blocksDistroless: null, note: '', source: '', reference: COMPILER.source,
    build: { debian: [...COMPILER.debian, ...(git ? ['git'] : [])], alpine: [...COMPILER.alpine, ...(git ? ['git'] : [])] },
    runtime: { debian: [], alpine: [] },
  };
  return [...deps, tools];
}

export function rubyView(facts: RubyFacts, plan: Plan) {
  const distro: Distro = plan.base === 'alpine' ? 'alpine' : 'debian';
  const deps = withCompiler(forSuite(facts.nativeDependencies, plan.runtimeVersion), facts.hasGems, facts.gitGems);
  const rails = facts.rails;
  const railsCommand = facts.railsCommand ?? ['bundle', 'exec', 'rails'];
  const modern = rails?.version == null || !/^[0-6]\.|^7\.0\./.test(rails.version);
  // SECRET_KEY_BASE_DUMMY (Rails 7.1+) gives assets:precompile a throwaway secret; older Rails reads
  // SECRET_KEY_BASE itself. jsbundling/cssbundling skip their own build when the assets stage made it.
  const precompileEnv = [
    modern ? 'SECRET_KEY_BASE_DUMMY=1' : 'SECRET_KEY_BASE=precompile-placeholder',
    ...(rails?.bundling.includes('jsbundling-rails') && (facts.assetStages?.length ?? 0) > 0 ? ['SKIP_JS_BUILD=1'] : []),
    ...(rails?.bundling.includes('cssbundling-rails') && (facts.assetStages?.length ?? 0) > 0 ? ['SKIP_CSS_BUILD=1'] : []),
  ];
  const jemalloc = facts.jemalloc && distro === 'debian';
  const runtimePackages = [...collectPackages(deps, 'runtime', distro), ...(jemalloc ? [JEMALLOC.debian] : [])].sort();
  const env = Object.entries(facts.env).map(([name, value]) => ({ name, value }));
  const runtimeEnv = Object.entries({ ...facts.env, ...portEnv(facts) }).map(([name, value]) => ({ name, value }));
  const bundleEnv = [
    { name: 'BUNDLE_DEPLOYMENT', value: facts.lockfile !== null ? '1' : '0' },
    { name: 'BUNDLE_PATH', value: BUNDLE_PATH },
    { name: 'BUNDLE_WITHOUT', value: 'development:test' },
  ];
  return {
    versionArg: RUBY_VERSION_ARG,
    builderFrom: withArg(plan.builderImage, plan.runtimeVersion),
    runtimeFrom: withArg(plan.runtimeImage, plan.runtimeVersion),
    bundleEnv,
    bundlePath: BUNDLE_PATH,
    gemCache: `${BUNDLE_PATH}/ruby/${rubyAbi(plan.runtimeVersion)}/cache`,
    buildPackages: osPackagesView(distro, collectPackages(deps, 'build', distro)),
    runtimePackages: osPackagesView(distro, runtimePackages),
    installFiles: facts.installFiles,
    // A gemspec or path: gems make the install read the project's own files: install after them.
    installFirst: facts.installNeedsSources === null,
    frozen: facts.lockfile !== null,
    bootsnapGems: facts.bootsnap,
    bootsnapApp: facts.bootsnap ? ['app/', 'lib/'] : null,
    precompile: rails !== null && rails.assets !== null ? `${precompileEnv.join(' ')} ${railsCommand.join(' ')} assets:precompile` : null,
    env,
    runtimeEnv,
    jemalloc: jemalloc ? { link: JEMALLOC.link } : null,
    createUser: { debian: distro === 'debian', alpine: distro === 'alpine', uid: APP_UID },
    writableDirs: facts.writableDirs,
    user: `${APP_UID}:${APP_UID}`,
    cmd: argvOf(facts.start.value),
  };
}
