import { describe, expect, it } from 'vitest';
import { UserError } from '../../../errors.js';
import { detectNodeVersion, parseNodeVersion } from '../version.js';
import { readPackageJson } from '../manifest.js';
import { projectWith, TODAY } from './fixture-helper.js';

const detect = (files: Record<string, string | object>) => {
  const project = projectWith({ 'package.json': { name: 'x' }, ...files });
  return detectNodeVersion(project, readPackageJson(project), TODAY);
};

describe('parseNodeVersion', () => {
  it.each([
    ['20', '20'],
    ['v22', '22'],
    ['20.11.1', '20.11.1'],
    ['v20.11', '20.11'],
  ])('pins exact version %s', (text, constraint) => {
    expect(parseNodeVersion(text, '.nvmrc', TODAY)).toEqual({ constraint, pinned: true, source: '.nvmrc' });
  });

  it.each(['>=20', '^22 || ^24', '~22.11', '20.x', '>=18 <25'])('keeps range %s unpinned', (text) => {
    expect(parseNodeVersion(text, 'package.json engines.node', TODAY)).toEqual({ constraint: text, pinned: false, source: 'package.json engines.node' });
  });

  it('treats * as no constraint', () => {
    expect(parseNodeVersion('*', 'package.json engines.node', TODAY).constraint).toBeNull();
  });

  it('resolves lts/* to the newest LTS on the day, and says so', () => {
    const r = parseNodeVersion('lts/*', '.nvmrc', TODAY);
    expect(r).toMatchObject({ constraint: '26', pinned: false });
    expect(r.source).toContain('lts/* = Node 26');
    expect(parseNodeVersion('lts/*', '.nvmrc', new Date('2026-09-01T00:00:00Z')).constraint).toBe('24');
    expect(parseNodeVersion('lts/-1', '.nvmrc', TODAY).constraint).toBe('24');
  });

  it.each([
    ['lts/iron', '20'],
    ['lts/jod', '22'],
    ['lts/Krypton', '24'],
    ['lts/lithium', '26'],
  ])('maps %s to %s and pins it', (text, constraint) => {
    expect(parseNodeVersion(text, '.nvmrc', TODAY)).toMatchObject({ constraint, pinned: true });
  });

  it.each(['node', 'latest', 'stable'])('resolves %s to the newest release line', (alias) => {
    expect(parseNodeVersion(alias, '.nvmrc', TODAY)).toMatchObject({ constraint: '26', pinned: false });
  });

  it('rejects garbage with a UserError naming the file', () => {
    expect(() => parseNodeVersion('banana', '.nvmrc', TODAY)).toThrow(UserError);
    expect(() => parseNodeVersion('banana', '.nvmrc', TODAY)).toThrow(/\.nvmrc says "banana"/);
    expect(() => parseNodeVersion('lts/zinc', '.node-version', TODAY)).toThrow(/\.node-version.*not a Node\.js LTS codename/);
  });
});

describe('detectNodeVersion precedence', () => {
  it('defaults to no constraint when nothing is declared', () => {
    expect(detect({}).runtime).toMatchObject({ constraint: null, pinned: false, source: expect.stringMatching(/^default/) });
  });

  it('uses engines.node alone, unpinned', () => {
    const project = projectWith({ 'package.json': { engines: { node: '>=20' } } });
    expect(detectNodeVersion(project, readPackageJson(project), TODAY).runtime).toEqual({ constraint: '>=20', pinned: false, source: 'package.json engines.node' });
  });

  it('prefers .nvmrc over engines.node and names both in the source', () => {
    const project = projectWith({ 'package.json': { engines: { node: '>=18' } }, '.nvmrc': '20\n' });
    const { runtime, warnings } = detectNodeVersion(project, readPackageJson(project), TODAY);
    expect(runtime).toEqual({ constraint: '20', pinned: true, source: '.nvmrc (over package.json engines.node ">=18")' });
    expect(warnings).toEqual([]);
  });

  it('warns when the version file and engines.node disagree', () => {
    const project = projectWith({ 'package.json': { engines: { node: '>=22' } }, '.nvmrc': 'v20.11.1' });
    const { runtime, warnings } = detectNodeVersion(project, readPackageJson(project), TODAY);
    expect(runtime.constraint).toBe('20.11.1');
    expect(warnings[0]).toMatch(/\.nvmrc asks for Node 20\.11\.1.*engines\.node ">=22"/);
  });

  it('orders .nvmrc > .node-version > .tool-versions > volta', () => {
    const all = { '.nvmrc': '22', '.node-version': '24', '.tool-versions': 'python 3.13.1\nnodejs 20.11.1\n', 'package.json': { volta: { node: '22.1.0' } } };
    expect(detect(all).runtime.source).toBe('.nvmrc');
    const { '.nvmrc': _a, ...noNvmrc } = all;
    expect(detect(noNvmrc).runtime).toMatchObject({ constraint: '24', source: '.node-version' });
    const { '.node-version': _b, ...onlyTool } = noNvmrc;
    expect(detect(onlyTool).runtime).toMatchObject({ constraint: '20.11.1', source: '.tool-versions' });
    expect(detect({ 'package.json': { volta: { node: '22.1.0' } } }).runtime).toMatchObject({ constraint: '22.1.0', pinned: true, source: 'package.json volta.node' });
  });

  it('skips comments and blank lines in .nvmrc', () => {
    expect(detect({ '.nvmrc': '# team default\n\nlts/jod # until spring\n' }).runtime).toMatchObject({ constraint: '22', pinned: true });
  });

  it('rejects an empty .nvmrc and a malformed engines.node', () => {
    expect(() => detect({ '.nvmrc': '\n' })).toThrow(/\.nvmrc is empty/);
    expect(() => detect({ '.nvmrc': '22', 'package.json': { engines: { node: 'soon' } } })).toThrow(/engines\.node is "soon"/);
  });
});
