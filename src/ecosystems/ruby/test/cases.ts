// Ruby's data for the cross-ecosystem suites (the type and what each part is for: test/ecosystem-cases.ts).
import { type EcosystemCases, pathPart, put, q, randomTree, replace } from '../../../../test/ecosystem-cases.js';

const EMPTY_LOCK = 'GEM\n  remote: https://rubygems.org/\n  specs:\n\nPLATFORMS\n  ruby\n  x86_64-linux\n\nDEPENDENCIES\n\nBUNDLED WITH\n   2.6.7\n';

export const cases: EcosystemCases = {
  language: 'ruby',
  manifest: 'Gemfile',
  project: {
    Gemfile: 'source "https://rubygems.org"\n',
    'Gemfile.lock': EMPTY_LOCK,
    Procfile: 'web: ruby server.rb\n',
    'server.rb': 'require "socket"\nserver = TCPServer.new("0.0.0.0", Integer(ENV.fetch("PORT", "8080")))\n',
  },
  fixture: 'ruby-rails8-propshaft-thruster-jsbundling',
  ignored: ['vendor/bundle/ruby/3.4.0/gems/x.rb', '.bundle/config', 'log/production.log', 'tmp/cache/x', 'node_modules/x/package.json', 'storage/production.sqlite3'],
  sources: ['app/controllers/application_controller.rb', 'config/routes.rb', 'lib/tasks/x.rake'],
  hostile: [
    // Any command is a command (exec form, or sh -c): one that runs no server file names no port.
    { field: 'Procfile web command', fixture: 'ruby-procfile-server', file: 'Procfile', benign: 'ruby server.rb', alternates: ['server'], edits: (v) => ({ Procfile: `web: ${v}\n` }) },
    { field: '.ruby-version', fixture: 'ruby-procfile-server', file: '.ruby-version', benign: '3.3', edits: (v) => ({ '.ruby-version': `${v}\n` }) },
    { field: 'Gemfile ruby requirement', fixture: 'ruby-procfile-server', file: 'Gemfile', benign: '~> 3.3', edits: (v) => ({ '.ruby-version': null, Gemfile: `source "https://rubygems.org"\nruby ${q(v)}\n` }) },
    // `ruby file:` names a file the install reads, so the Dockerfile copies it by that name.
    { field: 'Gemfile ruby file: path', fixture: 'ruby-procfile-server', file: 'Gemfile', benign: '.ruby-version', path: (v) => pathPart(v), edits: (v) => ({ '.ruby-version': null, Gemfile: `source "https://rubygems.org"\nruby file: ${q(v)}\n`, [pathPart(v)]: '3.3.6\n' }) },
    { field: 'port in server.rb', fixture: 'ruby-procfile-server', file: /server\.rb/, benign: '8080', port: true, edits: (v) => ({ 'server.rb': replace('ENV.fetch("PORT", "8080")', `ENV.fetch("PORT", ${q(v)})`) }) },
    { field: 'port in config/puma.rb', fixture: 'ruby-hanami', file: /puma\.rb/, benign: '2300', port: true, edits: (v) => ({ 'config/puma.rb': replace('ENV.fetch("HANAMI_PORT", 2300)', `ENV.fetch("HANAMI_PORT", ${q(v)})`) }) },
  ],
  variablePaths: [],
  malformed: [
    { what: 'Gemfile.lock (merge conflict)', fixture: 'ruby-roda', edits: { 'Gemfile.lock': (old) => `<<<<<<< HEAD\n${old}=======\n>>>>>>> main\n` }, message: /Gemfile\.lock holds merge-conflict markers/ },
    { what: 'Gemfile.lock (not a lockfile)', fixture: 'ruby-roda', edits: { 'Gemfile.lock': 'this is not a lockfile\n' }, message: /Gemfile\.lock is not a Bundler lockfile/ },
    { what: 'Gemfile ruby line', fixture: 'ruby-procfile-server', edits: { '.ruby-version': null, Gemfile: 'ruby "3.3 or newer"\n' }, message: /Gemfile has a ruby line/ },
  ],
  textFiles: [
    { what: 'Gemfile', fixture: 'ruby-roda', edits: { Gemfile: 'gem "roda\u0000\ngroup :x do\nend end end\n' } },
    { what: '.ruby-version', fixture: 'ruby-roda', edits: { '.ruby-version': 'not a version\n\u0000' } },
    { what: 'config/puma.rb', fixture: 'ruby-hanami', edits: { 'config/puma.rb': 'port ENV.fetch("HANAMI_PORT", 99999999)\n\u0000bind "tcp://' } },
    { what: 'Procfile', fixture: 'ruby-procfile-server', edits: { Procfile: 'web:\nweb: \u0000\n' } },
  ],
  randomTree: randomTree({
    benign: { entry: 'server.rb', version: '3.3', port: '8080', gem: 'puma' },
    structural: ['version', 'gem'],
    optional: ['Gemfile.lock', '.ruby-version', 'Procfile'],
    tree: (v, m, g) => {
      const entry = pathPart(v.entry).endsWith('.rb') ? pathPart(v.entry) : `${pathPart(v.entry)}.rb`;
      const files: Record<string, string> = {
        Gemfile: `source "https://rubygems.org"\ngem ${q(v.gem)}\n`,
        [entry]: `require "socket"\nTCPServer.new("0.0.0.0", Integer(ENV.fetch("PORT", ${q(v.port)})))\n`,
        'config.ru': 'run ->(env) { [200, {}, ["ok"]] }\n',
      };
      put(files, 'Gemfile.lock', m['Gemfile.lock']!, `GEM\n  remote: https://rubygems.org/\n  specs:\n    puma (6.6.0)\n\nPLATFORMS\n  ruby\n\nDEPENDENCIES\n  puma\n\nBUNDLED WITH\n   2.6.7\n`, g);
      put(files, '.ruby-version', m['.ruby-version']!, `${v.version}\n`, g);
      put(files, 'Procfile', m.Procfile!, `web: bundle exec ruby ${entry}\n`, g);
      return files;
    },
  }),
  e2e: [
    {
      id: 'ruby-slim',
      // No gems, but the `bundle install` layer must still survive a source change.
      dependencies: true,
      fixture: 'ruby-procfile-server',
      args: [],
      base: 'slim',
      touch: { file: 'server.rb', comment: '# e2e change' },
      what: 'Ruby 3.3 standard-library server from a Procfile, bundle install of an empty lockfile, ruby:3.3-slim as uid 1000',
      // The app reports the uid it runs as: the image's USER reaches the process.
      probes: [{ path: '/health', status: 200, contains: 'ok' }, { path: '/', status: 200, contains: 'as uid 1000' }],
    },
  ],
};
