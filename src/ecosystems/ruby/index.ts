// Ruby (Bundler): detection (detect.ts, gemfile.ts, port.ts, native.ts), bases and view (plan.ts),
// knowledge tables (knowledge/), templates/ruby/.
import type { Ecosystem } from '../../ecosystem.js';
import { detectRuby } from './detect.js';
import { rubyMarks } from './entry.js';
import { assessRuby, rubyView } from './plan.js';
import type { RubyFacts } from './types.js';
import { RUBY_RELEASES } from './knowledge/versions.js';
import { rubyTooling } from './tooling.js';

export const ruby: Ecosystem<RubyFacts> = {
  language: 'ruby',
  markers: rubyMarks.markers,
  recognizes: rubyMarks.mayBe, // the marker files are the whole check
  tooling: rubyTooling,
  apps: null,
  detect: detectRuby,
  assess: (facts) => assessRuby(facts),
  view: rubyView,
  runtimeName: 'Ruby',
  releases: (now) => RUBY_RELEASES.filter((r) => Date.parse(r.released) <= now.getTime()).map((r) => ({ version: r.minor, endOfLife: r.endOfLife })),
  fields: {
    installFiles: { label: 'A file the gem install copies', fallback: 'the Gemfile ruby file: line' },
    gemfile: { label: 'The Gemfile name', fallback: 'Gemfile' },
    lockfile: { label: 'The lockfile name', fallback: 'Gemfile.lock' },
    writableDirs: { label: 'A folder the app writes', fallback: 'the Rails layout' },
    railsCommand: { label: 'The rails command', fallback: 'bin/rails' },
  },
  manifestExtensions: ['lock', 'rb', 'ru'],
  // The Dockerfile of the ruby image's README, in one stage: https://hub.docker.com/_/ruby "How to use this image".
  naive: (input) => [
    `FROM ruby:${input.runtimeVersion}`,
    'WORKDIR /usr/src/app',
    'COPY . .',
    'RUN bundle install',
    `CMD ${JSON.stringify(naiveCmd(input))}`,
  ],
  installCommand: /\bbundle install\b/,
  // Ruby's own net/http makes the request; a refused connection raises, so the exit is 1 then too.
  probe: (_facts, _plan, url) => ({ command: ['ruby', '-rnet/http', '-e', 'exit(Net::HTTP.get_response(URI(ARGV.last)).code.to_i < 400)', url] }),
};

function naiveCmd(input: { has(file: string): boolean; read(file: string): string | null }): string[] {
  const web = /^web:\s*(.+)$/m.exec(input.read('Procfile') ?? '')?.[1]?.trim();
  if (web !== undefined && /^[\w./ -]+$/.test(web)) return web.split(/\s+/);
  if (input.has('bin/rails')) return ['./bin/rails', 'server', '-b', '0.0.0.0'];
  if (input.has('config.ru')) return ['bundle', 'exec', 'rackup', '--host', '0.0.0.0'];
  return ['ruby', 'app.rb'];
}
