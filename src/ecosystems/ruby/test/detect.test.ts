import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Project } from '../../../project.js';
import { chooseBase } from '../../../plan/choose-base.js';
import { portEnv, withPort } from '../../../detect/port.js';
import { main } from '../../../cli.js';
import { memoryOutput } from '../../../output.js';
import { nodeTooling } from '../../node/tooling.js';
import { detectRuby } from '../detect.js';
import { assessRuby, rubyView } from '../plan.js';
import { rubyTooling } from '../tooling.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures');
const NOW = new Date('2026-11-27T00:00:00Z');
const fixture = (name: string) => new Project(join(FIXTURES, name));

/** A fixture copied to a temporary folder with some files replaced (null deletes). */
function edited(name: string, files: Record<string, string | null>): Project {
  const dir = mkdtempSync(join(tmpdir(), 'ruby-detect-'));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    if (content === null) writeFileSync(join(dir, path), '');
    else {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
  }
  return new Project(dir);
}

function project(files: Record<string, string>): Project {
  const dir = mkdtempSync(join(tmpdir(), 'ruby-detect-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return new Project(dir);
}

const plan = (p: Project, base: 'auto' | 'slim' | 'alpine' = 'auto') => {
  const facts = detectRuby(p, {});
  return { facts, plan: chooseBase(assessRuby(facts, NOW), base) };
};

describe('Rails', () => {
  it('Rails 8: Thruster in front of the Rails server, HTTP_PORT moved above 1024, jsbundling and cssbundling in a Node stage', () => {
    const facts = detectRuby(fixture('ruby-rails8-propshaft-thruster-jsbundling'), {});
    expect(facts.framework.value).toBe('rails');
    expect(facts.rails).toEqual({ version: '8.0.2', assets: 'propshaft', bundling: ['jsbundling-rails', 'cssbundling-rails'] });
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['./bin/thrust', './bin/rails', 'server'] });
    expect(facts.port.value).toBe(8080);
    expect(portEnv(facts)).toEqual({ HTTP_PORT: '8080' });
    expect(facts.assetNeeds).toEqual([{ path: 'app/assets/builds', source: 'jsbundling-rails and cssbundling-rails in Gemfile.lock', scripts: ['build', 'build:css'] }]);
    expect(facts.runtime).toEqual({ constraint: '3.4.1', pinned: true, source: '.ruby-version' });
    // brakeman is development-only; thruster has no musl build, so alpine is out whatever PLATFORMS says.
    expect(facts.nativeDependencies.map((d) => d.name)).not.toContain('brakeman');
    expect(facts.muslBlocked).toMatch(/^thruster 0\.1\.11 has no musl build/);
  });

  it('image_processing pulls in mini_magick beside ruby-vips: only libvips reaches the image unless the Gemfile names mini_magick', () => {
    const facts = detectRuby(fixture('ruby-rails8-propshaft-thruster-jsbundling'), {});
    expect(facts.nativeDependencies.map((d) => d.name)).not.toContain('mini_magick');
    expect(facts.nativeDependencies.find((d) => d.name === 'ruby-vips')?.runtime.debian).toEqual(['libvips42t64']);
    const named = detectRuby(fixture('ruby-native-gems-slim'), {});
    expect(named.nativeDependencies.find((d) => d.name === 'mini_magick')?.runtime.debian).toEqual(['imagemagick']);
  });

  it('Rails 8 view: assets:precompile with the dummy secret, skipping the builds the Node stage made; jemalloc; writable folders for the app user', () => {
    const { facts, plan: p } = plan(fixture('ruby-rails8-propshaft-thruster-jsbundling'));
    const view = rubyView({ ...facts, assetStages: [{} as never] }, p);
    expect(view.precompile).toBe('SECRET_KEY_BASE_DUMMY=1 SKIP_JS_BUILD=1 SKIP_CSS_BUILD=1 ./bin/rails assets:precompile');
    expect(view.jemalloc).toEqual({ link: '/usr/local/lib/libjemalloc.so.2' });
    expect(view.runtimePackages.packages).toContain('libjemalloc2');
    expect(view.writableDirs).toEqual(['db', 'log', 'storage', 'tmp']);
    expect(view.bootsnapGems).toBe(true);
    expect(view.user).toBe('1000:1000');
    // The port variable is set where the app runs, not in the builder.
    expect(view.env).toEqual([{ name: 'RAILS_ENV', value: 'production' }]);
    expect(view.runtimeEnv).toContainEqual({ name: 'HTTP_PORT', value: '8080' });
  });

  it('Rails 7.0: puma.rb block form, old-style secret and stdout logging, and a range capped at Ruby 3.3 by Active Support 7.0', () => {
    const { facts, plan: p } = plan(fixture('ruby-rails7-sprockets'));
    expect(facts.port).toEqual({ value: 3000, source: 'config/puma.rb:9 (PORT, else 3000)' });
    expect(facts.rails?.assets).toBe('sprockets');
    expect(facts.env).toEqual({ RAILS_ENV: 'production', RAILS_LOG_TO_STDOUT: '1', RAILS_SERVE_STATIC_FILES: '1' });
    expect(p.runtimeVersion).toBe('3.3');
    expect(p.reasons.join('\n')).toMatch(/activesupport 7\.0\.8\.4 in Gemfile\.lock runs on Ruby 3\.3 at most/);
    expect(rubyView(facts, p).precompile).toBe('SECRET_KEY_BASE=precompile-placeholder ./bin/rails assets:precompile');
    // sqlite3 and debug are development/test gems: never classified, never installed.
    expect(facts.nativeDependencies.map((d) => d.name)).toEqual(['bootsnap', 'ffi', 'msgpack', 'nio4r', 'nokogiri', 'pg', 'puma', 'sassc']);
    expect(p.base).toBe('slim');
  });

  it('a Rails app with a package.json for jsbundling is Ruby: the package.json steps aside as tooling, the Gemfile does not', async () => {
    const rails = fixture('ruby-rails8-propshaft-thruster-jsbundling');
    expect(nodeTooling(rails)).toMatch(/no start script and no server framework/);
    expect(rubyTooling(rails)).toBeNull();
    const output = memoryOutput();
    const code = await main([join(FIXTURES, 'ruby-rails8-propshaft-thruster-jsbundling'), '--yes', '--dry-run', '--json'], output);
    expect(code).toBe(0);
    const report = JSON.parse(output.stdout.join('\n')) as { language: string; files: { Dockerfile: string } };
    expect(report.language).toBe('ruby');
    expect(report.files.Dockerfile).toMatch(/FROM docker\.io\/library\/node:\d+-bookworm-slim AS assets[\s\S]*RUN yarn run build\nRUN yarn run build:css\n/);
    expect(report.files.Dockerfile).toMatch(/COPY --from=assets \["\/assets\/app\/assets\/builds", "\.\/app\/assets\/builds"\]\n[\s\S]*assets:precompile/);
  });
});

describe('the musl decision (Gemfile.lock PLATFORMS)', () => {
  it('musl platform gems locked: alpine, with the apk names of the gems that compile', () => {
    const { facts, plan: p } = plan(fixture('ruby-sinatra-classic-musl'));
    expect(p.base).toBe('alpine');
    expect(facts.muslGems).toEqual(['nokogiri']);
    const view = rubyView(facts, p);
    expect(view.buildPackages).toEqual({ apt: false, apk: true, packages: ['build-base', 'libpq-dev'] });
    expect(view.runtimePackages).toEqual({ apt: false, apk: true, packages: ['libpq'] });
    expect(view.jemalloc).toBeNull();
  });

  it('the same lockfile without the *-linux-musl platforms: alpine ruled out, naming PLATFORMS and the glibc gems', () => {
    const lock = readFileSync(join(FIXTURES, 'ruby-sinatra-classic-musl', 'Gemfile.lock'), 'utf8')
      .replace(/  aarch64-linux-musl\n|  x86_64-linux-musl\n/g, '')
      .replace(/    nokogiri \(1\.18\.3-(aarch64|x86_64)-linux-musl\)\n      racc \(~> 1\.4\)\n/g, '');
    const { plan: p } = plan(edited('ruby-sinatra-classic-musl', { 'Gemfile.lock': lock }));
    expect(p.base).toBe('slim');
    const alpine = p.options.find((o) => o.kind === 'alpine')!;
    expect(alpine.possible).toBe(false);
    expect(alpine.why).toMatch(/Gemfile\.lock PLATFORMS \(aarch64-linux-gnu, x86_64-linux-gnu\) lists no \*-linux-musl platform, so its precompiled platform gems \(nokogiri 1\.18\.3\) are glibc builds/);
    expect(() => chooseBase(assessRuby(detectRuby(edited('ruby-sinatra-classic-musl', { 'Gemfile.lock': lock }), {}), NOW), 'alpine')).toThrow(/alpine/);
  });

  it('PLATFORMS with neither ruby nor musl rules alpine out even without platform gems', () => {
    const { facts } = plan(edited('ruby-hanami', { 'Gemfile.lock': readFileSync(join(FIXTURES, 'ruby-hanami', 'Gemfile.lock'), 'utf8').replace('  ruby\n  x86_64-linux\n', '  x86_64-linux\n') }));
    expect(facts.muslBlocked).toMatch(/lists neither ruby nor a \*-linux-musl platform/);
  });

  it('a lockfile made on a Mac only: a warning with the command that adds Linux', () => {
    const facts = detectRuby(edited('ruby-procfile-server', { 'Gemfile.lock': 'GEM\n  specs:\n\nPLATFORMS\n  arm64-darwin-24\n\nDEPENDENCIES\n' }), {});
    expect(facts.warnings.join('\n')).toMatch(/PLATFORMS lists only arm64-darwin-24.*bundle lock --add-platform x86_64-linux aarch64-linux/);
  });
});

describe('versions', () => {
  it('an exact Gemfile ruby line builds that exact release on bookworm, with bookworm package names', () => {
    const { facts, plan: p } = plan(fixture('ruby-native-gems-slim'));
    expect(facts.exactRuby).toBe('3.3.6');
    expect(p.runtimeImage).toBe('docker.io/library/ruby:3.3.6-slim-bookworm');
    const view = rubyView(facts, p);
    expect(view.runtimePackages.packages).toEqual(['imagemagick', 'libffi8', 'libmagickwand-6.q16-6', 'libmariadb3', 'libvips42']);
    expect(view.buildPackages.packages).toContain('git');
    expect(view.gemCache).toBe('/usr/local/bundle/ruby/3.3.0/cache');
  });

  it('a range picks the newest maintained Ruby it allows; nothing named picks the newest maintained', () => {
    expect(plan(fixture('ruby-sinatra-classic-musl')).plan.runtimeVersion).toBe('4.0');
    expect(plan(fixture('ruby-rack-rackup')).plan.runtimeVersion).toBe('4.0');
    const ranged = plan(project({ Gemfile: 'ruby ">= 3.2", "< 3.4"\n', Procfile: 'web: ruby s.rb\n' }));
    expect(ranged.plan.runtimeVersion).toBe('3.3');
  });

  it('version files: .ruby-version ("ruby-" prefix too), then .tool-versions, then the Gemfile, then RUBY VERSION', () => {
    expect(detectRuby(project({ Gemfile: '', '.ruby-version': 'ruby-3.4.1\n', Procfile: 'web: ruby s.rb' }), {}).runtime).toEqual({ constraint: '3.4.1', pinned: true, source: '.ruby-version' });
    expect(detectRuby(fixture('ruby-hanami'), {}).runtime).toEqual({ constraint: '3.3.6', pinned: true, source: '.tool-versions' });
    expect(detectRuby(project({ Gemfile: '', 'Gemfile.lock': 'GEM\n  specs:\n\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n\nRUBY VERSION\n   ruby 3.3.5p100\n', Procfile: 'web: ruby s.rb' }), {}).runtime)
      .toEqual({ constraint: '3.3.5', pinned: true, source: 'Gemfile.lock RUBY VERSION' });
  });

  it('a pinned line past its end of life still builds (the shared check warns)', () => {
    const { plan: p } = plan(project({ Gemfile: '', '.ruby-version': '3.2.6\n', Procfile: 'web: ruby s.rb' }));
    expect(p.runtimeVersion).toBe('3.2');
    expect(p.options.find((o) => o.kind === 'slim')?.runtimeImage).toBe('docker.io/library/ruby:3.2-slim-trixie');
  });
});

describe('start and port', () => {
  it('Procfile web outranks the framework default', () => {
    const facts = detectRuby(edited('ruby-roda', { Procfile: 'web: bundle exec puma -p 5000 -C config/puma.rb\n' }), {});
    expect(facts.start).toEqual({ value: { kind: 'exec', argv: ['bundle', 'exec', 'puma', '-p', '5000', '-C', 'config/puma.rb'] }, source: 'Procfile web' });
    expect(facts.port.value).toBe(5000);
    const moved = withPort(facts, { value: 6000, source: '--port' });
    expect(moved.start.value).toEqual({ kind: 'exec', argv: ['bundle', 'exec', 'puma', '-p', '6000', '-C', 'config/puma.rb'] });
  });

  it('Hanami: config/puma.rb reads HANAMI_PORT, else 2300; --port sets that variable', () => {
    const facts = detectRuby(fixture('ruby-hanami'), {});
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['bundle', 'exec', 'puma'] });
    expect(facts.port.value).toBe(2300);
    expect(portEnv(withPort(facts, { value: 9000, source: '--port' }))).toEqual({ HANAMI_PORT: '9000' });
    expect(facts.env).toEqual({ HANAMI_ENV: 'production' });
  });

  it('Puma bind line with a PORT fallback; plain Rack with Puma defaults to 9292', () => {
    expect(detectRuby(fixture('ruby-native-gems-slim'), {}).port).toEqual({ value: 9000, source: 'config/puma.rb:3 (PORT, else 9000)' });
    expect(detectRuby(fixture('ruby-roda'), {}).port.value).toBe(9292);
  });

  it('rackup takes --port, which the image writes', () => {
    const facts = detectRuby(fixture('ruby-rack-rackup'), {});
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['bundle', 'exec', 'rackup'] });
    expect(withPort(facts, { value: 8000, source: '--port' }).start.value).toEqual({ kind: 'exec', argv: ['bundle', 'exec', 'rackup', '--port=8000'] });
  });

  it('a plain server from a Procfile: the PORT fallback in its code', () => {
    const facts = detectRuby(fixture('ruby-procfile-server'), {});
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['ruby', 'server.rb'] });
    expect(facts.port).toEqual({ value: 8080, source: 'server.rb:4 (PORT, else 8080)' });
    expect(facts.hasGems).toBe(false);
  });

  it('a classic Sinatra app runs its own server on PORT, else 4567, in production mode', () => {
    const facts = detectRuby(fixture('ruby-sinatra-classic-musl'), {});
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['bundle', 'exec', 'ruby', 'app.rb'] });
    expect(facts.port.value).toBe(4567);
    expect(facts.env).toEqual({ APP_ENV: 'production', RACK_ENV: 'production' });
  });

  it('no way to start: one clear error that names --cmd', () => {
    expect(() => detectRuby(project({ Gemfile: 'gem "json"\n', 'lib/x.rb': '' }), {})).toThrow(/Could not tell how this Ruby app starts.*--cmd/);
  });

  it('no Gemfile.lock: a warning, and the install is not frozen', () => {
    const facts = detectRuby(project({ Gemfile: 'gem "sinatra"\ngem "puma"\n', 'config.ru': 'run App\n' }), {});
    expect(facts.lockfile).toBeNull();
    expect(facts.warnings.join('\n')).toMatch(/no Gemfile\.lock/);
    const p = chooseBase(assessRuby(facts, NOW), 'auto');
    expect(rubyView(facts, p).frozen).toBe(false);
  });
});

describe('tooling', () => {
  it('a React Native app\'s Gemfile of CocoaPods and fastlane steps aside', () => {
    expect(rubyTooling(project({ Gemfile: 'source "https://rubygems.org"\ngem "cocoapods", "~> 1.15"\ngem "fastlane"\n' }))).toMatch(/only build and release tools \(cocoapods, fastlane\)/);
    expect(rubyTooling(project({ Gemfile: 'gem "cocoapods"\n', 'config.ru': 'run App\n' }))).toBeNull();
  });
});

describe('Heroku-style Procfile', () => {
  it('`-p $PORT` in a shell command: PORT is always set, at the framework default', () => {
    const facts = detectRuby(edited('ruby-sinatra-classic-musl', { Procfile: 'web: bundle exec ruby app.rb -p $PORT\n' }), {});
    expect(facts.start.value).toEqual({ kind: 'shell', command: 'bundle exec ruby app.rb -p $PORT' });
    expect(facts.port.value).toBe(4567);
    // 4567 is Sinatra's own default, but the command passes $PORT with no fallback: the image must set it.
    expect(portEnv(facts)).toEqual({ PORT: '4567' });
  });

  it('a non-Rails Puma config that writes under tmp/ gets tmp owned by the app user', () => {
    const facts = detectRuby(edited('ruby-roda', { 'config/puma.rb': 'port ENV.fetch "PORT", 9292\npidfile ENV.fetch("PIDFILE", "tmp/server.pid")\n' }), {});
    expect(facts.writableDirs).toEqual(['tmp']);
    expect(facts.port).toEqual({ value: 9292, source: 'config/puma.rb:1 (PORT, else 9292)' });
  });
});

describe('installs that read the project', () => {
  it('a gemspec line or path: gems: the install runs after the sources are copied', () => {
    const gemspec = detectRuby(edited('ruby-roda', { Gemfile: 'source "https://rubygems.org"\ngemspec\ngem "puma"\n' }), {});
    expect(gemspec.installNeedsSources).toBe('the Gemfile has gemspec, which reads files of the project');
    const path = detectRuby(edited('ruby-roda', { Gemfile: 'gem "roda"\ngem "puma"\ngem "billing", path: "engines/billing"\n' }), {});
    expect(path.installNeedsSources).toMatch(/gem "billing", path:/);
    const p = chooseBase(assessRuby(gemspec, NOW), 'auto');
    expect(rubyView(gemspec, p).installFirst).toBe(false);
    expect(detectRuby(fixture('ruby-roda'), {}).installNeedsSources).toBeNull();
  });
});

describe('an existing Dockerfile', () => {
  it('its CMD starts the app when there is no Procfile; a supervisor script or a wrapping ENTRYPOINT is not taken', () => {
    const rackup = detectRuby(edited('ruby-roda', { Dockerfile: 'FROM ruby:3.3\nCOPY . .\nEXPOSE 9000\nCMD ["bundle", "exec", "rackup", "--host", "0.0.0.0", "-p", "9000"]\n' }), {});
    expect(rackup.start).toEqual({ value: { kind: 'exec', argv: ['bundle', 'exec', 'rackup', '--host', '0.0.0.0', '-p', '9000'] }, source: 'Dockerfile CMD' });
    expect(rackup.port.value).toBe(9000);
    const rails = detectRuby(edited('ruby-rails8-propshaft-thruster-jsbundling', { Dockerfile: 'FROM ruby:3.4-slim\nENTRYPOINT ["/rails/bin/docker-entrypoint"]\nCMD ["./bin/thrust", "./bin/rails", "server"]\n' }), {});
    expect(rails.start.source).toBe('Dockerfile CMD');
    const supervisor = detectRuby(edited('ruby-roda', { Dockerfile: 'FROM ruby:3.3\nCMD ["bin/boot"]\n' }), {});
    expect(supervisor.start.value).toEqual({ kind: 'exec', argv: ['bundle', 'exec', 'puma'] });
    const wrapped = detectRuby(edited('ruby-roda', { Dockerfile: 'FROM ruby:3.3\nENTRYPOINT ["tini", "--"]\nCMD ["bundle", "exec", "rackup"]\n' }), {});
    expect(wrapped.start.value).toEqual({ kind: 'exec', argv: ['bundle', 'exec', 'puma'] });
  });
});

describe('other Rubies', () => {
  it('a .ruby-version naming JRuby is said, and the version comes from elsewhere', () => {
    const facts = detectRuby(edited('ruby-procfile-server', { '.ruby-version': 'jruby-9.4.9.0\n' }), {});
    expect(facts.warnings.join('\n')).toMatch(/\.ruby-version names jruby, but the images this tool writes run CRuby/);
    expect(facts.runtime.source).not.toBe('.ruby-version');
  });
});

describe('ExecJS', () => {
  it('assets compressed through ExecJS get Node.js in the builder only, unless mini_racer embeds V8', () => {
    const lock = readFileSync(join(FIXTURES, 'ruby-rails7-sprockets', 'Gemfile.lock'), 'utf8')
      .replace('    sassc (2.4.0)\n', '    execjs (2.9.1)\n    terser (1.2.3)\n      execjs (>= 0.3.0, < 3)\n    sassc (2.4.0)\n')
      .replace('  sassc-rails\n', '  sassc-rails\n  terser\n');
    const gemfile = readFileSync(join(FIXTURES, 'ruby-rails7-sprockets', 'Gemfile'), 'utf8').replace('gem "sassc-rails"\n', 'gem "sassc-rails"\ngem "terser"\n');
    const { facts, plan: p } = plan(edited('ruby-rails7-sprockets', { 'Gemfile.lock': lock, Gemfile: gemfile }));
    const view = rubyView(facts, p);
    expect(view.buildPackages.packages).toContain('nodejs');
    expect(view.runtimePackages.packages).not.toContain('nodejs');
    const racer = lock.replace('    execjs (2.9.1)\n', '    execjs (2.9.1)\n    mini_racer (0.16.0)\n').replace('      execjs (>= 0.3.0, < 3)\n', '      execjs (>= 0.3.0, < 3)\n      mini_racer\n');
    const embedded = detectRuby(edited('ruby-rails7-sprockets', { 'Gemfile.lock': racer, Gemfile: gemfile }), {});
    expect(embedded.nativeDependencies.map((d) => d.name)).not.toContain('execjs');
  });
});

describe('PLATFORMS and the build machine', () => {
  it('x86_64-linux alone (no ruby): a warning that an arm64 build machine needs aarch64-linux', () => {
    const facts = detectRuby(fixture('ruby-rails7-sprockets'), {});
    expect(facts.warnings.join('\n')).toMatch(/PLATFORMS \(x86_64-linux\) has no aarch64-linux: .*bundle lock --add-platform aarch64-linux/);
    expect(detectRuby(fixture('ruby-rails8-propshaft-thruster-jsbundling'), {}).warnings.join('\n')).not.toMatch(/PLATFORMS/);
  });
});

describe('locked gems older than every maintained Ruby', () => {
  it('Rails 4.2 (Active Support 4.2): no maintained Ruby can run it, and every base says why', () => {
    const lock = readFileSync(join(FIXTURES, 'ruby-rails7-sprockets', 'Gemfile.lock'), 'utf8').replaceAll('7.0.8.4', '4.2.6').replace('RUBY VERSION\n   ruby 3.2.2p53\n\n', '');
    const p = edited('ruby-rails7-sprockets', { 'Gemfile.lock': lock, Gemfile: readFileSync(join(FIXTURES, 'ruby-rails7-sprockets', 'Gemfile'), 'utf8').replace('ruby "~> 3.2"\n', '') });
    const options = assessRuby(detectRuby(p, {}), NOW);
    expect(options.every((o) => !o.possible)).toBe(true);
    expect(options[3]!.why).toMatch(/activesupport 4\.2\.6 in Gemfile\.lock runs on Ruby 2\.6 at most: .*BigDecimal\.new.*every maintained Ruby \(4\.0, 3\.4, 3\.3\) is newer/);
  });
});
