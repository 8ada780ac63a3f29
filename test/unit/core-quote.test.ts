import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { commentText, copyArgs, dockerignoreLiteral, dockerString, execForm, shellWord, workdirArg } from '../../src/render/quote.js';
import { dockerfilePaths } from '../safety-helpers.js';

describe('quoting project values', () => {
  it('exec form escapes quotes and backslashes as JSON', () => {
    expect(execForm(['node', 'a "b".js', 'c\\d'])).toBe('["node", "a \\"b\\".js", "c\\\\d"]');
    expect(JSON.parse(execForm(['x', '$(id)', '`id`']))).toEqual(['x', '$(id)', '`id`']);
  });
  it('refuses newlines and control characters everywhere', () => {
    expect(() => execForm(['node', 'a.js\nRUN rm -rf /'])).toThrow(UserError);
    expect(() => shellWord('a\rb')).toThrow(UserError);
    expect(() => dockerString('x\u2028y')).toThrow(UserError);
    expect(() => copyArgs(['a\nb'], './')).toThrow(UserError);
  });
  it('shell words are bare only when safe', () => {
    expect(shellWord('npm')).toBe('npm');
    expect(shellWord('--omit=dev')).toBe('--omit=dev');
    expect(shellWord("it's $(x)")).toBe(`'it'\\''s $(x)'`);
    expect(shellWord('')).toBe("''");
  });
  it('ENV values escape expansion and quotes', () => {
    expect(dockerString('a"b$HOME\\')).toBe('"a\\"b\\$HOME\\\\"');
  });
  it('COPY switches to JSON form for unusual paths', () => {
    expect(copyArgs(['package.json', 'package-lock.json'], './')).toBe('package.json package-lock.json ./');
    expect(copyArgs(['my dir/x'], './')).toBe('["my dir/x", "./"]');
    expect(copyArgs(['--from=evil'], './')).toBe('["--from=evil", "./"]');
  });
  it('comments cannot be ended by control characters', () => {
    expect(commentText('a\nRUN x')).toBe('a RUN x');
  });
});

describe('paths as BuildKit reads them back', () => {
  const pathChar = fc.constantFrom('a', 'b', '-', '.', ' ', ']', "'", '"', '<', '#', 'é', '☃', '{', '}', '!');
  const segment = fc.array(pathChar, { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')).filter((s) => s !== '.' && s !== '..');
  const path = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/'));

  it('COPY sources are the literal path and nothing else; destinations too (property)', () => {
    fc.assert(fc.property(path, path, (source, destination) => {
      const { sources, destinations } = dockerfilePaths(`COPY ${copyArgs([source], `${destination}/`)}\n`);
      expect(sources).toEqual([source]);
      expect(destinations).toEqual([`${destination}/`]);
    }));
  });

  it('WORKDIR keeps the whole path, trailing space included, and never continues the line (property)', () => {
    fc.assert(fc.property(path, (p) => {
      const text = `WORKDIR ${workdirArg(`/app/${p}`)}\nUSER 1000`;
      expect(dockerfilePaths(text).workdirs).toEqual([`/app/${p}`]);
      expect(text.split('\n')[0]).not.toMatch(/\\\s*$/);
    }));
  });

  it('refuses a backslash, the escape character, in any path', () => {
    expect(() => copyArgs(['apps/web\\'], './')).toThrow(UserError);
    expect(() => copyArgs(['a\\*b'], './')).toThrow(/backslash/);
    expect(() => workdirArg('/app/apps/web\\')).toThrow(/backslash/);
  });

  it('refuses glob characters in a source (COPY would copy other files too), not in the destination', () => {
    for (const source of ['dist*', 'x?.js', 'a[b]']) expect(() => copyArgs([source], './')).toThrow(/wildcard/);
    expect(copyArgs(['dist'], './we*b/')).toBe('["dist", "./we*b/"]');
  });

  it('examples', () => {
    expect(copyArgs(["it's"], 'a "b"/')).toBe(`["it\\\\'s", "a \\\\\\"b\\\\\\"/"]`);
    expect(workdirArg('/app/apps/my app ')).toBe('"/app/apps/my app "');
    expect(workdirArg('/app/apps/web')).toBe('/app/apps/web');
  });
});

describe('invisible characters in the generated file', () => {
  it('exec form, COPY JSON and comments show bidi and format characters as escapes, with the same value', () => {
    const cmd = execForm(['node', 'a\u202eb.js', 'c\u200dd']);
    expect(cmd).toBe('["node", "a\\u202eb.js", "c\\u200dd"]');
    expect(JSON.parse(cmd)).toEqual(['node', 'a\u202eb.js', 'c\u200dd']);
    expect(copyArgs(['x\u2066y'], './')).toBe('["x\\u2066y", "./"]');
    expect(commentText('fast\u202eapi')).toBe('fast\\u202eapi');
  });
});

describe('.dockerignore lines for one path', () => {
  it('escape glob characters, a leading # or ! and edge spaces; refuse a backslash', () => {
    expect(dockerignoreLiteral('apps/web/.npmrc')).toBe('apps/web/.npmrc');
    expect(dockerignoreLiteral('apps/we*b/.npmrc')).toBe('apps/we[*]b/.npmrc');
    expect(dockerignoreLiteral('#x/.npmrc')).toBe('[#]x/.npmrc');
    expect(dockerignoreLiteral('!x/.npmrc')).toBe('[!]x/.npmrc');
    expect(dockerignoreLiteral(' x ')).toBe('[ ]x[ ]');
    expect(() => dockerignoreLiteral('x\\/.npmrc')).toThrow(UserError);
  });
});
