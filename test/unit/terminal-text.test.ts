import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControls, MAX_LINES, MAX_WORD, terminalMessage } from '../../src/terminal-text.js';
import { memoryOutput } from '../../src/output.js';

// What a terminal acts on instead of showing: C0 (ESC, CR, BEL, ...), DEL, C1, bidi and other
// format characters, line and paragraph separators.
const UNSAFE = /(?![\n\t])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;
const hostileChar = fc.oneof(
  fc.constantFrom('\u001b', '\r', '\u0007', '\u0000', '\u007f', '\u009b', '\u0085', '\u202e', '\u2066', '\u200f', '\u2028', '\u2029', '\ufeff', '\u{e0041}', '\n', '\t'),
  fc.string({ unit: 'grapheme', maxLength: 3 }),
);
const hostileText = fc.array(hostileChar, { maxLength: 60 }).map((parts) => parts.join(''));

describe('the terminal sanitiser', () => {
  it('leaves no character a terminal would act on, keeps newlines and tabs (property)', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const shown = terminalMessage(text);
      expect(shown).not.toMatch(UNSAFE);
      expect(shown.split('\n').length).toBe(Math.min(text.split('\n').length, MAX_LINES) + (text.split('\n').length > MAX_LINES ? 1 : 0));
    }));
  });

  it('keeps JSON valid and its values unchanged (property)', () => {
    fc.assert(fc.property(hostileText, (text) => {
      const safe = escapeControls(JSON.stringify({ value: text }));
      expect(safe).not.toMatch(UNSAFE);
      expect(JSON.parse(safe)).toEqual({ value: text });
    }));
  });

  it('shows escapes visibly', () => {
    expect(escapeControls('a\u001b[31mb\rc\u202ed\u{e0041}')).toBe('a\\u001b[31mb\\u000dc\\u202ed\\udb40\\udc41');
  });

  it('cuts long runs, long lines and long messages with an ellipsis', () => {
    const long = terminalMessage(`token ${'A'.repeat(10_000)} end`);
    expect(long.length).toBeLessThan(MAX_WORD + 60);
    expect(long).toMatch(/^token A+…\(10000 characters\) end$/);
    expect(terminalMessage('word '.repeat(1000)).length).toBeLessThanOrEqual(1000);
    expect(terminalMessage('x\n'.repeat(1000)).split('\n').length).toBe(MAX_LINES + 1);
  });

  it('every print goes through it', () => {
    const output = memoryOutput();
    output.error('bad \u001b]0;title\u0007');
    output.warn('x\ry');
    output.info('\u202eevil');
    output.out('{"a": "\u2028"}');
    expect([...output.stderr, ...output.stdout].join('\n')).not.toMatch(UNSAFE);
  });
});
