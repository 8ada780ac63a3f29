import { describe, expect, it } from 'vitest';
import { AdditionProblem, mergeAdditions, parseBuildArg, parseEnv, parseLabel, parsePackage } from '../../src/config/additions.js';
import { extraView, restrictForAdditions } from '../../src/config/extra.js';
import { alpineName } from '../../src/knowledge/alpine-names.js';
import { parseCommandLine } from '../../src/cli.js';
import { UsageError } from '../../src/errors.js';
import { emptyAdditions } from '../../src/options.js';
import type { BaseOption } from '../../src/types.js';

describe('per-stage additions: validation', () => {
  it('accepts package names and refuses anything that could break out of a RUN line', () => {
    expect(parsePackage('libpq5')).toBe('libpq5');
    expect(parsePackage('libstdc++6')).toBe('libstdc++6');
    for (const bad of ['curl; rm -rf /', 'Curl', '-y', 'a b', 'x\ny', '']) expect(() => parsePackage(bad)).toThrow(AdditionProblem);
  });

  it('splits NAME=VALUE at the first =, keeps the rest of the value, checks the name', () => {
    expect(parseEnv('URL=postgres://h/db?x=1')).toEqual({ name: 'URL', value: 'postgres://h/db?x=1' });
    expect(parseEnv('EMPTY=')).toEqual({ name: 'EMPTY', value: '' });
    expect(() => parseEnv('NOVALUE')).toThrow(/NAME=VALUE/);
    expect(() => parseEnv('1BAD=x')).toThrow(/not a variable name/);
    expect(() => parseEnv('A=line\nRUN evil')).toThrow(/control character/);
  });

  it('label keys are reverse-DNS style; build args may have no default', () => {
    expect(parseLabel('org.opencontainers.image.source=https://x')).toEqual({ key: 'org.opencontainers.image.source', value: 'https://x' });
    expect(() => parseLabel('bad key=1')).toThrow(/label key/);
    expect(() => parseLabel('.hidden=1')).toThrow(/label key/);
    expect(parseBuildArg('SENTRY_RELEASE')).toEqual({ name: 'SENTRY_RELEASE', value: null });
    expect(parseBuildArg('V=1=2')).toEqual({ name: 'V', value: '1=2' });
  });

  it('the flags are repeatable and a bad value is a usage error naming the flag', () => {
    const parsed = parseCommandLine(['--env', 'A=1', '--env', 'B=2', '--add-package', 'curl', '--label', 'a.b=c', '--build-arg', 'X']);
    if (parsed.kind !== 'run') throw new Error('expected a run');
    expect(parsed.options.additions).toEqual({
      packages: ['curl'], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }],
      labels: [{ key: 'a.b', value: 'c' }], buildArgs: [{ name: 'X', value: null }],
    });
    expect(() => parseCommandLine(['--env', 'oops'])).toThrow(UsageError);
    expect(() => parseCommandLine(['--env', 'oops'])).toThrow(/--env/);
    expect(() => parseCommandLine(['--add-package', 'x;y'])).toThrow(/--add-package/);
  });

  it('merging lets the later value of a name win and keeps first-seen order', () => {
    const merged = mergeAdditions(
      { ...emptyAdditions(), packages: ['curl'], env: [{ name: 'A', value: 'old' }, { name: 'B', value: 'b' }] },
      { ...emptyAdditions(), packages: ['curl', 'tini'], env: [{ name: 'A', value: 'new' }] },
    );
    expect(merged.packages).toEqual(['curl', 'tini']);
    expect(merged.env).toEqual([{ name: 'A', value: 'new' }, { name: 'B', value: 'b' }]);
  });
});

describe('per-stage additions: view and base', () => {
  const option = (kind: BaseOption['kind']): BaseOption => ({ kind, possible: true, why: 'fits', runtimeVersion: '22', builderImage: 'b', runtimeImage: 'r' });

  it('maps Debian names to Alpine names on alpine, warns for unknown ones, and sorts', () => {
    const { view, warnings } = extraView({ ...emptyAdditions(), packages: ['libpq5', 'zzz-unknown', 'curl'] }, 'alpine');
    expect(view.runtimePackages).toEqual({ apt: false, apk: true, packages: ['curl', 'libpq', 'zzz-unknown'] });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('zzz-unknown');
    expect(extraView({ ...emptyAdditions(), packages: ['libpq5'] }, 'slim').view.runtimePackages).toEqual({ apt: true, apk: false, packages: ['libpq5'] });
  });

  it('an OS package rules out the bases without a package manager', () => {
    const restricted = restrictForAdditions([option('scratch'), option('distroless'), option('alpine'), option('slim')], { ...emptyAdditions(), packages: ['curl'] });
    expect(restricted.map((o) => o.possible)).toEqual([false, false, true, true]);
    expect(restricted[1]!.why).toContain('--add-package curl');
    const untouched = [option('distroless')];
    expect(restrictForAdditions(untouched, emptyAdditions())).toBe(untouched);
  });

  it('maps Debian names to Alpine ones and knows when it has none', () => {
    expect(alpineName('libsqlite3-0')).toBe('sqlite-libs');
    expect(alpineName('not-in-table')).toBeNull();
  });
});
