// Ruby detection: Bundler's Gemfile and Gemfile.lock, the version files, the framework, how the app
// starts and on which port, and the gems with native code. Pure over the Project view.
import type { DetectOptions } from '../../ecosystem.js';
import type { Project } from '../../project.js';
import { UserError } from '../../errors.js';
import { parseCommand } from '../../detect/command.js';
import { GENERATED, finalStage, inDeployDirs, instructions, readOrNull } from '../../evidence/deploy-files.js';
import type { Fact, RuntimeRequirement, StartCommand } from '../../types.js';
import { parseGemfile, parseLockfile, productionSpecs, toSemverRange, type Gemfile, type LockedSpec, type Lockfile } from './gemfile.js';
import { classifyGems, muslDecision } from './native.js';
import { detectRubyPort } from './port.js';
import { PUMA, RUBY_FRAMEWORKS, THRUSTER } from './knowledge/frameworks.js';
import { RUBY_CAPS } from './knowledge/ruby-support.js';
import type { RailsFacts, RubyFacts } from './types.js';


/** Files that hold a classic Sinatra app (`require "sinatra"` and routes, run by `ruby <file>`), first found wins. */
const SINATRA_ENTRIES = ['app.rb', 'application.rb', 'main.rb', 'server.rb', 'web.rb'];

export function detectRuby(project: Project, options: DetectOptions): RubyFacts {
  const gemfileName = project.isFile('Gemfile') ? 'Gemfile' : project.isFile('gems.rb') ? 'gems.rb' : null;
  if (gemfileName === null) {
    throw new UserError('There is no Gemfile here: the tool installs a Ruby app\'s gems with Bundler. Add a Gemfile (`bundle init`), run `bundle lock`, and run again.');
  }
  if (options.packageManager !== undefined && options.packageManager !== 'bundler') {
    throw new UserError(`--package-manager ${options.packageManager}: a Ruby app installs its gems with bundler.`);
  }
  const warnings: string[] = [];
  const gemfile = parseGemfile(project.readText(gemfileName) ?? '');
  const lockName = gemfileName === 'gems.rb' ? 'gems.locked' : 'Gemfile.lock';
  const lockfile = project.isFile(lockName) ? lockName : null;
  const lock = lockfile === null ? null : parseLockfile(project.readText(lockfile) ?? '', lockfile);
  if (lock === null) {
    warnings.push(`There is no ${lockName}, so the install cannot be frozen (BUNDLE_DEPLOYMENT) and every build resolves gem versions anew. Run \`bundle lock --add-platform x86_64-linux aarch64-linux\` and commit ${lockName}.`);
  }
  const specs = lock === null ? gemfile.gems.filter((g) => !g.devOnly).map((g): LockedSpec => ({ name: g.name, version: '', platform: null, dependencies: [] })) : productionSpecs(lock, gemfile);
  const names = new Set(specs.map((s) => s.name));
  const has = (gem: string) => names.has(gem);
  const specSource = lockfile ?? gemfileName;

  const runtime = detectVersion(project, gemfile, lock, gemfileName, lockfile);
  const other = /^(jruby|truffleruby|mruby|rbx)-/.exec(project.readText('.ruby-version')?.trim() ?? '');
  if (other) warnings.push(`.ruby-version names ${other[1]}, but the images this tool writes run CRuby (the ruby images); use a ${other[1]} image by hand, or pin a CRuby version.`);
  const exactRuby = exactVersion(project, gemfile, gemfileName);
  if (lock !== null) warnings.push(...platformWarnings(lock, lockfile!));

  const railsSpec = specs.find((s) => s.name === 'railties' || s.name === 'rails');
  const frameworkRow = RUBY_FRAMEWORKS.find((f) => has(f.gem) || (f.id === 'rails' && railsSpec !== undefined));
  const rails: RailsFacts | null = frameworkRow?.id === 'rails'
    ? {
        version: specs.find((s) => s.name === 'railties')?.version || specs.find((s) => s.name === 'rails')?.version || null,
        assets: has('propshaft') ? 'propshaft' : has('sprockets-rails') || has('sprockets') ? 'sprockets' : null,
        bundling: ['jsbundling-rails', 'cssbundling-rails'].filter(has),
      }
    : null;
  const rack = project.isFile('config.ru');
  const framework: Fact<string | null> = frameworkRow
    ? { value: frameworkRow.id, source: `${specSource} (${frameworkRow.id === 'rails' ? 'rails' : frameworkRow.gem})` }
    : rack ? { value: 'rack', source: 'config.ru' } : { value: null, source: `${specSource} names no web framework` };

  const railsCommand = rails === null ? null : project.isFile('bin/rails') ? ['./bin/rails'] : ['bundle', 'exec', 'rails'];
  const start = detectStart(project, { framework: framework.value, has, rack, railsCommand, cmd: options.cmd !== undefined, warnings });
  const port = detectRubyPort(project, start.value, framework.value, has);
  if (port.warning !== undefined) warnings.push(port.warning);

  const env: Record<string, string> = { ...(frameworkRow?.env ?? (rack || framework.value === null ? { RACK_ENV: 'production' } : {})) };
  if (rails !== null && rails.version !== null && versionBelow(rails.version, 7, 1)) {
    // Rails 7.0 and older log to files and serve no static files unless told
    // (config/environments/production.rb: RAILS_LOG_TO_STDOUT, RAILS_SERVE_STATIC_FILES).
    env.RAILS_LOG_TO_STDOUT = '1';
    env.RAILS_SERVE_STATIC_FILES = '1';
  }
  if (rails !== null) {
    warnings.push('Rails needs its secret at run time: pass RAILS_MASTER_KEY (or SECRET_KEY_BASE) to the container; the build uses only a throwaway one for assets.');
  }
  if (rails !== null && rails.bundling.length > 0 && !project.isFile('package.json')) {
    warnings.push(`${rails.bundling.join(' and ')} build app/assets/builds from package.json, but there is none here; assets:precompile would fail. Commit package.json and its lockfile.`);
  }

  // jsbundling-rails and cssbundling-rails write app/assets/builds with package.json's `build` and
  // `build:css` scripts (https://github.com/rails/jsbundling-rails/blob/main/lib/tasks/jsbundling/build.rake,
  // https://github.com/rails/cssbundling-rails/blob/main/lib/tasks/cssbundling/build.rake): a Node
  // stage builds it, and assets:precompile then skips its own build (SKIP_JS_BUILD, SKIP_CSS_BUILD).
  const bundlingScripts = (rails?.bundling ?? []).map((gem) => (gem === 'jsbundling-rails' ? 'build' : 'build:css'));
  const assetNeeds = bundlingScripts.length > 0 && project.isFile('package.json')
    ? [{ path: 'app/assets/builds', source: `${rails!.bundling.join(' and ')} in ${specSource}`, scripts: bundlingScripts }]
    : [];

  const direct = new Set(gemfile.gems.filter((g) => !g.devOnly).map((g) => g.name));
  const native = classifyGems(specs, lock, specSource, direct);
  const musl = muslDecision(lock, lockfile, native);

  const installFiles = [gemfileName, ...(lockfile ? [lockfile] : [])];
  // `ruby file: ".ruby-version"` makes bundler read that file during the install.
  if (gemfile.ruby !== null && 'file' in gemfile.ruby && project.isFile(gemfile.ruby.file)) installFiles.push(gemfile.ruby.file);

  return {
    language: 'ruby',
    packageManager: { value: 'bundler', source: lockfile ?? gemfileName },
    framework,
    runtime,
    port: port.port,
    portSetting: port.setting,
    start,
    nativeDependencies: native,
    warnings,
    ...(assetNeeds.length > 0 ? { assetNeeds } : {}),
    gemfile: gemfileName,
    lockfile,
    installFiles,
    installNeedsSources: gemfile.readsSources !== null ? `the ${gemfileName} has ${gemfile.readsSources}, which reads files of the project` : lock?.path === true ? `${lockfile} has PATH gems, which live in the project` : null,
    hasGems: specs.length > 0,
    gitGems: (lock?.git ?? false) || gemfile.git,
    exactRuby,
    muslBlocked: musl,
    rubyCaps: lock === null ? [] : RUBY_CAPS.flatMap((cap) => {
      const spec = lock.specs.find((s) => s.name === cap.name);
      if (spec === undefined || !versionBelow(spec.version, ...(cap.below.split('.').map(Number) as [number, number])) || lock.specs.some((s) => s.name === cap.unlessLocked)) return [];
      return [{ ruby: cap.ruby, why: `${cap.name} ${spec.version} in ${lockfile} runs on Ruby ${cap.ruby} at most: ${cap.note}` }];
    }),
    muslGems: [...new Set(specs.filter((s) => s.platform?.includes('linux-musl') === true).map((s) => s.name))].sort(),
    rails,
    bootsnap: has('bootsnap') && rails !== null,
    env,
    writableDirs: rails !== null ? ['db', 'log', 'storage', 'tmp'] : pumaWritable(project),
    railsCommand,
    jemalloc: rails !== null,
  };
}

/** Folders a non-Rails app's Puma config writes (a pidfile or state file under tmp/, a log under log/). */
function pumaWritable(project: Project): string[] {
  const config = project.readText(PUMA.config) ?? '';
  return ['log', 'tmp'].filter((dir) => config.includes(`"${dir}/`) || config.includes(`'${dir}/`));
}

function versionBelow(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split('.').map(Number);
  return a < major || (a === major && b < minor);
}

/** "ruby-3.3.5", "3.3.5", "3.3" -> "3.3.5" / "3.3"; null for anything else (jruby-, truffleruby-). */
function versionFileValue(text: string | null): string | null {
  const value = text?.trim().split(/\s+/)[0]?.replace(/^ruby-/, '') ?? '';
  return /^\d+\.\d+(\.\d+)?$/.test(value) ? value : null;
}

/** .ruby-version, .tool-versions, the Gemfile's ruby line, the lockfile's RUBY VERSION; first found wins. */
export function detectVersion(project: Project, gemfile: Gemfile, lock: Lockfile | null, gemfileName: string, lockfile: string | null): RuntimeRequirement {
  const rubyVersion = versionFileValue(project.readText('.ruby-version'));
  if (rubyVersion !== null) return { constraint: rubyVersion, pinned: true, source: '.ruby-version' };
  const tools = /^ruby\s+(\d+\.\d+(?:\.\d+)?)\s*$/m.exec(project.readText('.tool-versions') ?? '');
  if (tools) return { constraint: tools[1]!, pinned: true, source: '.tool-versions' };
  if (gemfile.ruby !== null && 'requirement' in gemfile.ruby) {
    const range = toSemverRange(gemfile.ruby.requirement);
    if (range === null) throw new UserError(`${gemfileName} has a ruby line "${gemfile.ruby.requirement.slice(0, 60)}" that is not a version requirement this tool reads (like "3.3.5" or "~> 3.3"). Fix it, or pass --runtime-version.`);
    const exact = /^\d+\.\d+\.\d+$/.test(gemfile.ruby.requirement.trim());
    return { constraint: exact ? gemfile.ruby.requirement.trim() : range, pinned: exact, source: `${gemfileName} ruby "${gemfile.ruby.requirement}"` };
  }
  if (lock?.rubyVersion) return { constraint: lock.rubyVersion, pinned: true, source: `${lockfile} RUBY VERSION` };
  return { constraint: null, pinned: false, source: 'default' };
}

/** The exact version bundler enforces: the Gemfile's `ruby "3.3.5"`, or the file its `ruby file:` names when that holds a full version. */
function exactVersion(project: Project, gemfile: Gemfile, gemfileName: string): string | null {
  if (gemfile.ruby === null) return null;
  if ('requirement' in gemfile.ruby) return /^\d+\.\d+\.\d+$/.test(gemfile.ruby.requirement.trim()) ? gemfile.ruby.requirement.trim() : null;
  const value = versionFileValue(project.readText(gemfile.ruby.file));
  if (value === null && !project.isFile(gemfile.ruby.file)) throw new UserError(`${gemfileName} reads the Ruby version from ${gemfile.ruby.file}, which does not exist. Add it or change the ruby line.`);
  return value !== null && value.split('.').length === 3 ? value : null;
}

/** A lockfile without a Linux platform cannot install in deployment mode on Linux. */
function platformWarnings(lock: Lockfile, file: string): string[] {
  if (lock.platforms.length === 0) return [];
  const linux = lock.platforms.some((p) => p === 'ruby' || p.includes('linux'));
  if (linux) {
    if (lock.platforms.includes('ruby')) return [];
    // Without `ruby`, deployment mode installs only on the locked CPUs: an image built on an arm64
    // machine (Apple silicon, Graviton) needs aarch64-linux, one built on a PC x86_64-linux.
    const arches = [['x86_64-linux', /^x86_64-linux/], ['aarch64-linux', /^(aarch64|arm64)-linux/]] as const;
    const missing = arches.filter(([, pattern]) => !lock.platforms.some((p) => pattern.test(p))).map(([name]) => name);
    if (missing.length === 0) return [];
    return [
      `${file} PLATFORMS (${lock.platforms.join(', ')}) has no ${missing.join(' or ')}: building the image on such a machine fails in deployment mode. ` +
        `Run \`bundle lock --add-platform ${missing.join(' ')}\` if the image is built there.`,
    ];
  }
  return [
    `${file} PLATFORMS lists only ${lock.platforms.join(', ')}: bundler in deployment mode refuses to install for Linux. ` +
      'Run `bundle lock --add-platform x86_64-linux aarch64-linux` (and x86_64-linux-musl for Alpine) and commit the lockfile.',
  ];
}

interface StartContext {
  framework: string | null;
  has: (gem: string) => boolean;
  rack: boolean;
  railsCommand: string[] | null;
  cmd: boolean;
  warnings: string[];
}

/** Procfile `web:` first, then an existing Dockerfile's CMD (the deploy files' word), then the framework's own way to serve. */
export function detectStart(project: Project, ctx: StartContext): Fact<StartCommand> {
  const procfile = procfileWeb(project);
  if (procfile !== null) return { value: parseCommand(procfile), source: 'Procfile web' };
  const dockerfile = dockerfileCmd(project);
  if (dockerfile !== null) return dockerfile;
  const { framework, has } = ctx;
  if (framework === 'rails' && ctx.railsCommand !== null) {
    const server = [...ctx.railsCommand, 'server'];
    if (has(THRUSTER.gem)) {
      const thrust = project.isFile('bin/thrust') ? ['./bin/thrust'] : ['bundle', 'exec', 'thrust'];
      return { value: { kind: 'exec', argv: [...thrust, ...server] }, source: `Rails' generated Dockerfile: Thruster in front of the Rails server (thruster in the bundle${project.isFile('bin/thrust') ? ', bin/thrust' : ''})` };
    }
    return { value: { kind: 'exec', argv: server }, source: 'the Rails server (rails server runs Puma with config/puma.rb)' };
  }
  if (ctx.rack && has(PUMA.gem)) return { value: { kind: 'exec', argv: ['bundle', 'exec', 'puma'] }, source: `config.ru served by Puma (puma in the bundle${project.isFile(PUMA.config) ? ', config/puma.rb' : ''})` };
  if (framework === 'hanami') return { value: { kind: 'exec', argv: ['bundle', 'exec', 'hanami', 'server'] }, source: 'the Hanami server' };
  if (framework === 'sinatra' && !ctx.rack) {
    const entry = SINATRA_ENTRIES.find((file) => /require\s*\(?\s*["']sinatra["']/.test(project.readText(file) ?? ''));
    if (entry !== undefined) return { value: { kind: 'exec', argv: ['bundle', 'exec', 'ruby', entry] }, source: `${entry} (a classic Sinatra app, which runs its own server)` };
  }
  if (ctx.rack && (has('rackup') || has('rack'))) {
    ctx.warnings.push('config.ru is served by rackup because the bundle has no production server (puma, falcon); add puma to the Gemfile for a multi-threaded production server.');
    return { value: { kind: 'exec', argv: ['bundle', 'exec', 'rackup'] }, source: 'config.ru served by rackup' };
  }
  if (ctx.cmd) return { value: { kind: 'exec', argv: [] }, source: 'default' };
  throw new UserError(
    'Could not tell how this Ruby app starts: no Procfile web line, no Rails, Hanami or classic Sinatra app, and no config.ru with puma in the bundle. ' +
      'Add a Procfile ("web: bundle exec puma") or pass the start command with --cmd, e.g. --cmd "bundle exec ruby server.rb".',
  );
}

/** Programs that start a Ruby web app: a CMD that begins with another (a supervisor script) is not taken. */
const RUBY_STARTERS = new Set(['bundle', 'ruby', 'rails', 'bin/rails', 'puma', 'rackup', 'thrust', 'bin/thrust', 'unicorn', 'falcon', 'hanami', 'iodine', 'passenger']);

/**
 * An existing Dockerfile's exec-form CMD in its final stage, when no ENTRYPOINT wraps it (or the
 * entrypoint is a bin/ script that runs its arguments, as Rails' bin/docker-entrypoint does) and it
 * starts a Ruby server (https://docs.docker.com/reference/dockerfile/#cmd).
 */
function dockerfileCmd(project: Project): Fact<StartCommand> | null {
  for (const file of inDeployDirs(project, (name) => /^dockerfile$/i.test(name))) {
    const text = readOrNull(project, file);
    if (text === null || text.includes(GENERATED)) continue;
    const final = finalStage(instructions(text));
    const last = (keyword: string) => final.filter(([k]) => k === keyword).at(-1)?.[1] ?? null;
    const entrypoint = last('ENTRYPOINT');
    if (entrypoint !== null && !/bin\/docker-entrypoint/.test(entrypoint)) continue;
    const cmd = last('CMD')?.trim() ?? '';
    if (!cmd.startsWith('[')) continue;
    let argv: unknown;
    try {
      argv = JSON.parse(cmd);
    } catch {
      continue;
    }
    if (!Array.isArray(argv) || argv.length === 0 || !argv.every((w) => typeof w === 'string')) continue;
    const first = (argv[0] as string).replace(/^\.\//, '');
    if (!RUBY_STARTERS.has(first)) continue;
    return { value: { kind: 'exec', argv: argv as string[] }, source: `${file} CMD` };
  }
  return null;
}

/** The Procfile's `web:` command (https://devcenter.heroku.com/articles/procfile), or null. */
export function procfileWeb(project: Project): string | null {
  const text = project.readText('Procfile');
  if (text === null) return null;
  for (const line of text.split(/\r?\n/)) {
    const match = /^web:\s*(.+)$/.exec(line.trim());
    if (match) return match[1]!.trim();
  }
  return null;
}
