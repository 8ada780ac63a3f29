// Ruby web frameworks and servers as data: the gem that marks each, the environment that puts it in
// production, and the port it listens on when nothing says otherwise. The first framework among the
// production gems wins (Rails apps also lock rack; a Hanami app locks no Rails).

export interface RubyFramework {
  /** The framework as reports name it. */
  id: string;
  /** The gem whose presence in the production bundle marks it. */
  gem: string;
  /** Environment that selects production (and, for Sinatra, binds 0.0.0.0 instead of localhost). */
  env: Record<string, string>;
  /** The port its own server listens on without configuration, or null when a Rack server decides. */
  port: number | null;
  source: string;
}

export const RUBY_FRAMEWORKS: readonly RubyFramework[] = [
  // Rails' generated Dockerfile (railties/lib/rails/generators/rails/app/templates/Dockerfile.tt)
  // sets RAILS_ENV=production; its config/puma.rb reads PORT, default 3000.
  { id: 'rails', gem: 'rails', env: { RAILS_ENV: 'production' }, port: 3000, source: 'https://github.com/rails/rails/blob/main/railties/lib/rails/generators/rails/app/templates/config/puma.rb.tt' },
  // Hanami 2 reads HANAMI_ENV; its generated config/puma.rb reads HANAMI_PORT, default 2300.
  { id: 'hanami', gem: 'hanami', env: { HANAMI_ENV: 'production' }, port: 2300, source: 'https://guides.hanamirb.org/v2.2/app/settings/' },
  // Sinatra reads APP_ENV (RACK_ENV as fallback); outside development it binds 0.0.0.0, and
  // `set :port` defaults to ENV["PORT"], else 4567 (lib/sinatra/base.rb).
  { id: 'sinatra', gem: 'sinatra', env: { APP_ENV: 'production', RACK_ENV: 'production' }, port: 4567, source: 'https://github.com/sinatra/sinatra/blob/main/lib/sinatra/base.rb' },
  // Roda is a Rack app served by the Rack server of the bundle (config.ru).
  { id: 'roda', gem: 'roda', env: { RACK_ENV: 'production' }, port: null, source: 'https://roda.jeremyevans.net/documentation.html' },
];

/** Puma: without -p/-b and a config file it binds tcp://0.0.0.0:${PORT:-9292}; it loads config/puma.rb when present. */
export const PUMA = {
  gem: 'puma',
  port: 9292,
  variable: 'PORT',
  config: 'config/puma.rb',
  source: 'https://github.com/puma/puma/blob/master/docs/kubernetes.md',
  seeAlso: ['https://github.com/puma/puma/blob/master/lib/puma/configuration.rb'],
} as const;

/**
 * Thruster (Rails 8's default proxy in front of Puma): listens on HTTP_PORT (default 80) and starts
 * the server with PORT set to TARGET_PORT (default 3000).
 */
export const THRUSTER = {
  gem: 'thruster',
  listenVariable: 'HTTP_PORT',
  defaultListen: 80,
  targetVariable: 'TARGET_PORT',
  defaultTarget: 3000,
  source: 'https://github.com/basecamp/thruster#custom-configuration',
} as const;

/**
 * jemalloc: Rails' generated Dockerfile installs libjemalloc2 and preloads it, since glibc malloc
 * fragments under Puma's threads ("Enable jemalloc for reduced memory usage and latency").
 */
export const JEMALLOC = {
  debian: 'libjemalloc2',
  /** A stable path for LD_PRELOAD, linked from the multiarch folder at build time. */
  link: '/usr/local/lib/libjemalloc.so.2',
  source: 'https://github.com/rails/rails/blob/main/railties/lib/rails/generators/rails/app/templates/Dockerfile.tt',
} as const;
