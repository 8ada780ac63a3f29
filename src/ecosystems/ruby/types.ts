// Facts about a Ruby (Bundler) project, beyond the common ones.
import type { CommonFacts } from '../../types.js';

export interface RailsFacts {
  /** The locked railties version ("8.0.2"), or null without a lockfile. */
  version: string | null;
  /** The asset pipeline in the bundle: Propshaft (Rails 8's default) or Sprockets, or none (API apps). */
  assets: 'propshaft' | 'sprockets' | null;
  /** jsbundling-rails / cssbundling-rails: a package.json build writes app/assets/builds. */
  bundling: string[];
}

export interface RubyFacts extends CommonFacts {
  language: 'ruby';
  /** Gemfile (or gems.rb). */
  gemfile: string;
  /** Gemfile.lock (or gems.locked), or null: then the install is not frozen (a warning). */
  lockfile: string | null;
  /** Files the install reads, copied before the sources so the install layer caches. */
  installFiles: string[];
  /** Why the install needs the sources first (a `gemspec` line, `path:` gems), or null when the manifests alone install. */
  installNeedsSources: string | null;
  /** The bundle has gems to install (an empty bundle needs no compiler). */
  hasGems: boolean;
  /** A gem comes from git (the builder needs git). */
  gitGems: boolean;
  /** The Gemfile's `ruby` line names one exact version: bundler refuses any other patch, so the image tag names it. */
  exactRuby: string | null;
  /** Locked gems that run only up to a Ruby minor ("3.3"), with why; a range picks no newer Ruby. */
  rubyCaps: Array<{ ruby: string; why: string }>;
  /** Gems locked with a *-linux-musl platform gem (the musl builds the lockfile carries). */
  muslGems: string[];
  /** Why alpine cannot work, decided from the lockfile's PLATFORMS (null when nothing there rules it out). */
  muslBlocked: string | null;
  rails: RailsFacts | null;
  /** bootsnap is in the production bundle: its cache is compiled at build time. */
  bootsnap: boolean;
  /** Production environment of the framework (RAILS_ENV, APP_ENV, ...). */
  env: Record<string, string>;
  /** Folders the running app writes (Rails: tmp, log, storage, db), owned by the app user. */
  writableDirs: string[];
  /** Rails: how to run its commands ("./bin/rails" or "bundle exec rails"). */
  railsCommand: string[] | null;
  /** Preload jemalloc on slim (Rails apps, as Rails' own Dockerfile does). */
  jemalloc: boolean;
}
