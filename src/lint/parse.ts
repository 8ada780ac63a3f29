// A Dockerfile read the way BuildKit's parser reads it (moby/buildkit frontend/dockerfile/parser/
// parser.go), as much as the build checks need: logical instructions with their first and last
// line, the comment lines just before each (BuildKit's PrevComment: they pile up until an
// instruction or a bare `#`, blank lines do not reset them), empty continuation lines, the
// escape directive and heredoc bodies skipped. One pass over the lines, no regular expressions
// on the text: a generated Dockerfile may carry a template override's or a flag's text.
//
// Why not dockerfile-ast (the parser behind dockerfile-utils, a dev dependency here): it models
// the file for an editor, and neither the comment association nor the empty continuation lines
// the checks depend on come out of it as BuildKit defines them; and the lint runs on every
// generation (to warn about what template overrides produce), so it would be bundled with its
// two vscode-languageserver packages for a few dozen lines of scanning.

export interface Instruction {
  /** The keyword as written ("FROM", "from", "Run"). */
  keyword: string;
  /** The keyword in upper case. */
  name: string;
  /** The text after the keyword, continuation lines joined (escape and newline removed), trimmed. */
  args: string;
  /** 1-based line where it starts and ends. */
  line: number;
  endLine: number;
  /** Comment lines right before it (text after `#`, trimmed), oldest first. */
  comments: string[];
}

export interface ParsedDockerfile {
  instructions: Instruction[];
  /** 1-based lines that are empty inside a continued instruction (NoEmptyContinuation). */
  emptyContinuations: Array<{ line: number; instructionLine: number }>;
  escape: string;
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\v';

function trimStart(text: string): string {
  let i = 0;
  while (i < text.length && isSpace(text[i])) i++;
  return text.slice(i);
}

function trimEnd(text: string): string {
  let end = text.length;
  while (end > 0 && isSpace(text[end - 1])) end--;
  return text.slice(0, end);
}

const isComment = (line: string) => trimStart(line).startsWith('#');

/** `# name=value` at the top: a parser directive (syntax, escape, check). */
function directive(line: string): { name: string; value: string } | null {
  const text = trimStart(line);
  if (!text.startsWith('#')) return null;
  const body = text.slice(1).trim();
  const eq = body.indexOf('=');
  if (eq <= 0) return null;
  const name = body.slice(0, eq).trim().toLowerCase();
  // BuildKit's directive names are letters and digits (parser.go reDirective).
  for (const c of name) if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return null;
  return { name, value: body.slice(eq + 1).trim() };
}

/** The line without its trailing escape character (and whitespace after it), or null when it does not continue. */
function continued(line: string, escape: string): string | null {
  const trimmed = trimEnd(line);
  return trimmed.endsWith(escape) ? trimmed.slice(0, -escape.length) : null;
}

/** Heredoc names opened on an instruction line (`<<EOF`, `<<-EOF`, `<<"EOF"`); only RUN, COPY and ADD take them. */
export function heredocNames(line: string): Array<{ name: string; chomp: boolean }> {
  const out: Array<{ name: string; chomp: boolean }> = [];
  for (let i = line.indexOf('<<'); i >= 0; i = line.indexOf('<<', i + 2)) {
    let j = i + 2;
    const chomp = line[j] === '-';
    if (chomp) j++;
    const quote = line[j] === '"' || line[j] === "'" ? line[j] : '';
    if (quote) j++;
    let name = '';
    while (j < line.length) {
      const c = line[j]!;
      if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c === '_')) break;
      name += c;
      j++;
    }
    if (name !== '' && (!quote || line[j] === quote)) out.push({ name, chomp });
  }
  return out;
}

export function parseDockerfile(text: string): ParsedDockerfile {
  const lines = text.replace(/^\uFEFF/, '').split('\n');
  const instructions: Instruction[] = [];
  const emptyContinuations: ParsedDockerfile['emptyContinuations'] = [];
  let escape = '\\';
  let directivesOpen = true;
  let comments: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (directivesOpen) {
      const found = directive(raw);
      if (found) {
        if (found.name === 'escape' && (found.value === '`' || found.value === '\\')) escape = found.value;
        continue;
      }
      directivesOpen = false;
    }
    if (isComment(raw)) {
      const comment = trimStart(raw).slice(1).trim();
      comments = comment === '' ? [] : [...comments, comment];
      continue;
    }
    const first = trimStart(raw);
    if (first.trim() === '') continue;
    const start = i;
    let body = continued(first, escape);
    let joined = body ?? first;
    while (body !== null && i + 1 < lines.length) {
      const next = lines[++i]!;
      if (isComment(next)) continue;
      if (next.trim() === '') {
        emptyContinuations.push({ line: i + 1, instructionLine: start + 1 });
        continue;
      }
      body = continued(next, escape);
      joined += body ?? next;
    }
    const text = joined.trim();
    let cut = 0;
    while (cut < text.length && !isSpace(text[cut])) cut++;
    const keyword = text.slice(0, cut);
    const name = keyword.toUpperCase();
    const args = text.slice(cut).trim();
    if (name === 'RUN' || name === 'COPY' || name === 'ADD') {
      for (const doc of heredocNames(args)) {
        while (i + 1 < lines.length) {
          const line = lines[++i]!.replace(/\r$/, '');
          if ((doc.chomp ? line.replace(/^\t+/, '') : line) === doc.name) break;
        }
      }
    }
    instructions.push({ keyword, name, args, line: start + 1, endLine: i + 1, comments });
    comments = [];
  }
  return { instructions, emptyContinuations, escape };
}

/**
 * Words of an instruction's arguments as BuildKit splits them: whitespace outside quotes ends a
 * word; quotes and the escape character stay in the word (the value parsers below read them).
 */
export function splitWords(args: string, escape = '\\'): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  for (let i = 0; i < args.length; i++) {
    const c = args[i]!;
    if (c === escape && i + 1 < args.length && quote !== "'") {
      word += c + args[++i];
    } else if (quote) {
      word += c;
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
      word += c;
    } else if (isSpace(c) || c === '\n') {
      if (word !== '') words.push(word);
      word = '';
    } else {
      word += c;
    }
  }
  if (word !== '') words.push(word);
  return words;
}

/** A word with its quotes and escapes taken away ("a\"b" -> a"b). */
export function unquote(word: string, escape = '\\'): string {
  let out = '';
  let quote = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (c === escape && i + 1 < word.length && quote !== "'") out += word[++i];
    else if (quote && c === quote) quote = '';
    else if (!quote && (c === '"' || c === "'")) quote = c;
    else out += c;
  }
  return out;
}

/** Leading `--name=value` / `--name` flags and the words after them. */
export function takeFlags(words: string[]): { flags: Array<{ name: string; value: string | null }>; rest: string[] } {
  const flags: Array<{ name: string; value: string | null }> = [];
  let k = 0;
  while (k < words.length && words[k]!.startsWith('--')) {
    const word = words[k]!.slice(2);
    const eq = word.indexOf('=');
    flags.push(eq < 0 ? { name: word.toLowerCase(), value: null } : { name: word.slice(0, eq).toLowerCase(), value: word.slice(eq + 1) });
    k++;
  }
  return { flags, rest: words.slice(k) };
}

/** The JSON (exec) form of CMD, ENTRYPOINT, RUN, COPY, ...: the array of strings, or null when the text is not one. */
export function jsonArray(args: string): string[] | null {
  if (!args.startsWith('[')) return null;
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? (parsed as string[]) : null;
  } catch {
    return null;
  }
}
