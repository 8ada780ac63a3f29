import { describe, expect, it } from 'vitest';
import { parseGemfile, parseLockfile, productionSpecs, splitPlatform, toSemverRange } from '../gemfile.js';

const LOCK = `GIT
  remote: https://github.com/example/thing.git
  revision: 0123456789abcdef
  specs:
    thing (0.1.0)
      rack

GEM
  remote: https://rubygems.org/
  specs:
    nokogiri (1.18.3-x86_64-linux-gnu)
      racc (~> 1.4)
    nokogiri (1.18.3-x86_64-linux-musl)
      racc (~> 1.4)
    racc (1.8.1)
    rack (3.1.12)
    rspec (3.13.0)
      rspec-core (~> 3.13.0)
    rspec-core (3.13.2)
    google-protobuf (4.29.3-x86_64-linux)
    pre (1.0.0.beta2)

PLATFORMS
  ruby
  x86_64-linux-gnu
  x86_64-linux-musl

DEPENDENCIES
  nokogiri
  rspec
  thing!

CHECKSUMS
  nokogiri (1.18.3-x86_64-linux-gnu) sha256=abc

RUBY VERSION
   ruby 3.4.2p28

BUNDLED WITH
   2.6.5
`;

describe('Gemfile.lock', () => {
  it('reads specs with their platforms and dependencies, PLATFORMS, DEPENDENCIES, RUBY VERSION and BUNDLED WITH', () => {
    const lock = parseLockfile(LOCK);
    expect(lock.platforms).toEqual(['ruby', 'x86_64-linux-gnu', 'x86_64-linux-musl']);
    expect(lock.dependencies).toEqual(['nokogiri', 'rspec', 'thing']);
    expect(lock.rubyVersion).toBe('3.4.2');
    expect(lock.bundledWith).toBe('2.6.5');
    expect(lock.git).toBe(true);
    expect(lock.specs.filter((s) => s.name === 'nokogiri').map((s) => s.platform)).toEqual(['x86_64-linux-gnu', 'x86_64-linux-musl']);
    expect(lock.specs.find((s) => s.name === 'thing')).toEqual({ name: 'thing', version: '0.1.0', platform: null, dependencies: ['rack'] });
    // CHECKSUMS lines are not specs.
    expect(lock.specs.filter((s) => s.name === 'nokogiri')).toHaveLength(2);
  });

  it('tells a platform suffix from a prerelease', () => {
    expect(splitPlatform('1.18.3-x86_64-linux-gnu')).toEqual({ version: '1.18.3', platform: 'x86_64-linux-gnu' });
    expect(splitPlatform('0.1.11-aarch64-linux')).toEqual({ version: '0.1.11', platform: 'aarch64-linux' });
    expect(splitPlatform('1.0.0.beta2')).toEqual({ version: '1.0.0.beta2', platform: null });
    expect(splitPlatform('2.0.0-rc1')).toEqual({ version: '2.0.0-rc1', platform: null });
  });

  it('refuses merge-conflict markers and text that is no lockfile, naming the file', () => {
    expect(() => parseLockfile(`<<<<<<< HEAD\n${LOCK}`)).toThrow(/Gemfile\.lock holds merge-conflict markers/);
    expect(() => parseLockfile('hello\nworld\n', 'gems.locked')).toThrow(/gems\.locked is not a Bundler lockfile/);
  });
});

describe('Gemfile', () => {
  const gemfile = parseGemfile(`source "https://rubygems.org"
ruby file: ".ruby-version"

gem "rails", "~> 8.0"
gem 'puma', '>= 5.0'
gem "debug", group: [:development, :test]
gem "pry", groups: %i[development]
gem "sidekiq", group: :worker

group :development, :test do
  gem "rspec-rails" # testing
  platforms :mri do
    gem "byebug"
  end
end

group :production, :development do
  gem "pg"
end
gem "thing", github: "example/thing"
`);

  it('reads gem names with their groups; only development/test-only gems are dev', () => {
    expect(gemfile.gems.map((g) => [g.name, g.devOnly])).toEqual([
      ['rails', false], ['puma', false], ['debug', true], ['pry', true], ['sidekiq', false],
      ['rspec-rails', true], ['byebug', true], ['pg', false], ['thing', false],
    ]);
    expect(gemfile.git).toBe(true);
    expect(gemfile.ruby).toEqual({ file: '.ruby-version' });
  });

  it('reads a ruby requirement line', () => {
    expect(parseGemfile('ruby "~> 3.3"\n').ruby).toEqual({ requirement: '~> 3.3' });
    expect(parseGemfile("ruby '>= 3.1', '< 4'\n").ruby).toEqual({ requirement: '>= 3.1, < 4' });
  });

  it('turns RubyGems requirements into semver ranges (~> raises the last given digit)', () => {
    expect(toSemverRange('~> 3.3')).toBe('>=3.3.0 <4.0.0-0');
    expect(toSemverRange('~> 3.3.1')).toBe('>=3.3.1 <3.4.0-0');
    expect(toSemverRange('>= 3.1, < 4')).toBe('>=3.1.0 <4.0.0');
    expect(toSemverRange('3.3.5')).toBe('3.3.5');
    expect(toSemverRange('3.3')).toBe('~3.3.0');
    expect(toSemverRange('latest')).toBeNull();
  });

  it('production gems: the non-development Gemfile gems and everything they depend on', () => {
    const lock = parseLockfile(LOCK);
    const names = productionSpecs(lock, parseGemfile('gem "nokogiri"\ngem "thing", git: "x"\ngroup :test do\n  gem "rspec"\nend\n')).map((s) => s.name);
    expect([...new Set(names)].sort()).toEqual(['nokogiri', 'racc', 'rack', 'thing']);
  });
});
