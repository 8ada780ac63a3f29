import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { npmrcSettings, scanClassicYarnrc, scanNpmrc, scanYarnrc } from '../registry-credentials.js';

const token = fc.stringMatching(/^[A-Za-z0-9_-]{8,40}$/);
const key = fc.constantFrom('_authToken', '_auth', '_password', '//registry.npmjs.org/:_authToken', '//npm.example.com/path/:_password');
const quote = fc.constantFrom('', '"', "'");
const space = fc.constantFrom('', ' ', '\t', '  ');

describe('.npmrc as npm reads it', () => {
  it('finds a literal credential under every quoting and spacing npm accepts (property)', () => {
    fc.assert(fc.property(key, token, quote, quote, space, space, (k, t, qk, qv, s1, s2) => {
      const text = `registry=https://npm.example.com/\n${s1}${qk}${k}${qk}${s2}=${s2}${qv}${t}${qv}\n`;
      expect(scanNpmrc(text).literalLines).toEqual([2]);
    }));
  });

  it('environment references, comments and other settings are not credentials', () => {
    expect(scanNpmrc('//r/:_authToken=${NPM_TOKEN}\n_auth="${A}${B}"\n# _authToken=abc\n; _auth=abc\nalways-auth=true\n//r/:username=me\n')).toEqual({ literalLines: [], variables: ['A', 'B', 'NPM_TOKEN'] });
  });

  it('unquotes like ini: JSON rules in double quotes, an unquoted value ends at ; or #', () => {
    expect(npmrcSettings('"a"="x\\"y"\nb = c ; comment\nc=d\\#e\n[section]\nflag\n')).toEqual([
      { key: 'a', value: 'x"y', line: 1 },
      { key: 'b', value: 'c', line: 2 },
      { key: 'c', value: 'd#e', line: 3 },
      { key: 'flag', value: 'true', line: 5 },
    ]);
  });
});

describe('.yarnrc.yml as YAML', () => {
  it.each([
    ['top level', 'npmAuthToken: abc\n', [1]],
    ['quoted key', '"npmAuthToken": abc\n', [1]],
    ['flow mapping', 'npmScopes: {acme: {npmAuthIdent: "u:p"}}\n', [1]],
    ['npmRegistries', 'npmRegistries:\n  "https://r.example":\n    npmAuthToken: abc\n', [3]],
    ['alias', 'x: &t abc\nnpmAuthToken: *t\n', [2]],
    ['variable', 'npmAuthToken: "${TOKEN}"\nnpmScopes:\n  a:\n    npmAuthToken: ${A:-}\n', []],
    ['empty', 'npmAuthToken: ""\n', []],
  ])('%s', (_what, text, lines) => {
    expect(scanYarnrc(text).literalLines).toEqual(lines);
  });

  it('malformed YAML is a user error naming the line', () => {
    expect(() => scanYarnrc('a: [\nb: c\n')).toThrow(/\.yarnrc\.yml is not valid YAML/);
  });
});

describe('yarn 1 .yarnrc', () => {
  it('finds a quoted key with a literal value, not a variable', () => {
    expect(scanClassicYarnrc('"//r.example/:_authToken" "abc"\n_auth ${X}\nregistry "https://r.example"\n').literalLines).toEqual([1]);
  });
});
