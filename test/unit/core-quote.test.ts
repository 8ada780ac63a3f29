import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { commentText, copyArgs, dockerString, execForm, shellWord } from '../../src/render/quote.js';

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
