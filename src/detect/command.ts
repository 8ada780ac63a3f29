// A small POSIX-sh-like tokenizer for start commands (package.json scripts, Procfile lines,
// --cmd). It does not try to be a shell: it splits plain words and quotes, and reports "needs a
// shell" as soon as it sees anything a shell would interpret (pipes, &&, $VAR, globs, redirects),
// because such a command cannot become an exec-form CMD and so rules out shell-less images.
import type { StartCommand } from '../types.js';

export type Tokens =
  | {
      kind: 'words';
      /** Leading `NAME=value` assignments, in order. */
      env: Array<[string, string]>;
      argv: string[];
    }
  | { kind: 'shell'; reason: string };

/** Characters a shell treats specially outside quotes (POSIX "Shell Command Language" 2.2, 2.13). */
const OPERATORS: Record<string, string> = {
  '|': 'a pipe or ||',
  '&': '&& or a background job',
  ';': 'several commands',
  '<': 'a redirection',
  '>': 'a redirection',
  '(': 'a subshell',
  ')': 'a subshell',
  $: 'a variable or command substitution',
  '`': 'a command substitution',
  '*': 'a glob',
  '?': 'a glob',
  '[': 'a glob',
  '\n': 'several lines',
};

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Split a command into words, or say why it needs a shell. */
export function tokenize(text: string): Tokens {
  const words: Array<{ value: string; raw: string }> = [];
  let value = '';
  let raw = '';
  let inWord = false;
  const shell = (reason: string): Tokens => ({ kind: 'shell', reason });

  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t') {
      if (inWord) words.push({ value, raw });
      value = '';
      raw = '';
      inWord = false;
      continue;
    }
    if (!inWord && (c === '#' || c === '~')) return shell(c === '#' ? 'a comment' : 'a ~ home-folder expansion');
    if (!inWord && c === '{') return shell('a brace group');
    const operator = OPERATORS[c];
    if (operator !== undefined) return shell(operator);
    inWord = true;
    if (c === '\\') {
      const next = text[i + 1];
      if (next === undefined || next === '\n') return shell('a line continuation');
      value += next;
      raw += c + next;
      i++;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return shell('an unterminated quote');
      value += text.slice(i + 1, end);
      raw += text.slice(i, end + 1);
      i = end;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        const d = text[j] as string;
        if (d === '$' || d === '`') return shell('a variable or command substitution');
        if (d === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1] as string)) {
          value += text[j + 1];
          j++;
        } else {
          value += d;
        }
      }
      if (j >= text.length) return shell('an unterminated quote');
      raw += text.slice(i, j + 1);
      i = j;
    } else {
      value += c;
      raw += c;
    }
  }
  if (inWord) words.push({ value, raw });

  const env: Array<[string, string]> = [];
  let first = 0;
  // Only an unquoted NAME= at the start of a word is an assignment (`"A=b" cmd` runs a program named A=b).
  while (first < words.length && ASSIGNMENT.test((words[first] as { raw: string }).raw)) {
    const word = (words[first] as { value: string }).value;
    const eq = word.indexOf('=');
    env.push([word.slice(0, eq), word.slice(eq + 1)]);
    first++;
  }
  return { kind: 'words', env, argv: words.slice(first).map((w) => w.value) };
}

/**
 * A start command as exec form when a shell adds nothing (plain words, no assignments),
 * otherwise shell form with the original text.
 */
export function parseCommand(text: string): StartCommand {
  const trimmed = text.trim();
  const tokens = tokenize(trimmed);
  if (tokens.kind === 'words' && tokens.env.length === 0 && tokens.argv.length > 0) {
    return { kind: 'exec', argv: tokens.argv };
  }
  return { kind: 'shell', command: trimmed };
}
