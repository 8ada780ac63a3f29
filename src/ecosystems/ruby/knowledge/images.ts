// Which images run a Ruby app. Sources: docker-library/ruby (https://github.com/docker-library/ruby,
// `3.x/slim-trixie/Dockerfile`, `3.x/alpine3.2x/Dockerfile`): Ruby in /usr/local, GEM_HOME and
// BUNDLE_APP_CONFIG at /usr/local/bundle, no non-root user; slim keeps only the libraries Ruby
// itself links (libyaml, libssl, libffi, zlib, libgmp), alpine the same from apk. No distroless
// Ruby exists, so `slim` (glibc) and `alpine` (musl) are the two final bases.

export const RUBY_VERSION_ARG = 'RUBY_VERSION';

/**
 * A minor ("3.4") builds on trixie. An exact version ("3.3.6", when the Gemfile's ruby line makes
 * bundler refuse any other) builds on bookworm: every patch release since mid-2023 has a
 * `-slim-bookworm` tag, while trixie tags exist only for releases after August 2025.
 */
export const rubyImages = {
  slim: (v: string) => `ruby:${v}-slim-${slimSuite(v)}`,
  alpine: (v: string) => `ruby:${v}-alpine`,
};

export type DebianSuite = 'bookworm' | 'trixie';

export function slimSuite(version: string): DebianSuite {
  return version.split('.').length > 2 ? 'bookworm' : 'trixie';
}

/** Where bundler installs the gems (BUNDLE_PATH): the images' GEM_HOME, copied whole into the final stage. */
export const BUNDLE_PATH = '/usr/local/bundle';

/** The app user the Dockerfile creates (the images have none): 1000, as Rails' own Dockerfile uses. */
export const APP_UID = 1000;

/** Ruby's ABI folder name ("3.3.0") under BUNDLE_PATH/ruby/: RbConfig::CONFIG["ruby_version"], always <major>.<minor>.0. */
export function rubyAbi(version: string): string {
  const [major, minor] = version.split('.');
  return `${major}.${minor ?? '0'}.0`;
}
