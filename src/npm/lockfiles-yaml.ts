// YAML for pnpm-lock.yaml and yarn berry's yarn.lock. Both are machine-written in a small subset
// of YAML (block mappings, one-line flow collections, quoted or plain scalars), which a
// line-based reader handles in one pass. The general `yaml` library is ~100x slower on these
// files (about 1 MB/s), too slow for lockfiles of tens of megabytes, so it is only the fallback:
// for anything outside the subset (anchors, tags, multi-line flow) and for malformed files,
// where it also gives the line of the error.
import { yaml } from '../lazy.js';
import { lockfileError } from './lockfiles-common.js';

export function parseLockfileYaml(text: string, file: string): unknown {
  try {
    return parseSubset(text);
  } catch (error) {
    if (!(error instanceof OutsideSubset)) throw error;
  }
  try {
    // uniqueKeys off: its check is quadratic in the size of a mapping, and `packages` is huge.
    return yaml().parse(text, { uniqueKeys: false, maxAliasCount: -1 });
  } catch (error) {
    if (error instanceof yaml().YAMLParseError) {
      const line = error.linePos?.[0]?.line ?? null;
      throw lockfileError(file, line, `invalid YAML (${error.message.split('\n')[0]})`);
    }
    throw error;
  }
}

class OutsideSubset extends Error {}

type Container = Record<string, unknown> | unknown[];

interface Frame {
  indent: number;
  container: Container;
}

/** Exported for tests: throws OutsideSubset (via parseLockfileYaml, the fallback) on anything else. */
export function parseSubset(text: string): unknown {
  const root: Record<string, unknown> = {};
  const stack: Frame[] = [{ indent: 0, container: root }];
  let pending: { parent: Record<string, unknown>; key: string; indent: number } | null = null;
  let block: { parent: Record<string, unknown>; key: string; indent: number; lines: string[]; folded: boolean; chomp: string } | null = null;
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  while (start <= n) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = n;
    let line = text.slice(start, end);
    start = end + 1;
    if (line.endsWith('\r')) line = line.slice(0, -1);

    let indent = 0;
    while (line.charCodeAt(indent) === 0x20) indent++;
    const blank = indent === line.length;
    if (block) {
      if (blank || indent > block.indent) {
        block.lines.push(line);
        continue;
      }
      block.parent[block.key] = blockText(block.lines, block.folded, block.chomp);
      block = null;
    }
    if (blank || line.charCodeAt(indent) === 0x23 /* # */) continue;
    if (line.charCodeAt(indent) === 0x09) throw new OutsideSubset('tab indentation');
    if (line.startsWith('---') || line.startsWith('...')) throw new OutsideSubset('document markers');
    const content = line.slice(indent);

    if (pending) {
      if (indent > pending.indent) {
        const container: Container = content === '-' || content.startsWith('- ') ? [] : {};
        pending.parent[pending.key] = container;
        stack.push({ indent, container });
      } else {
        pending.parent[pending.key] = null;
      }
      pending = null;
    }
    while (stack.length > 1 && stack[stack.length - 1]!.indent > indent) stack.pop();
    const top = stack[stack.length - 1]!;
    if (top.indent !== indent) throw new OutsideSubset('indentation');

    if (Array.isArray(top.container)) {
      if (!(content === '-' || content.startsWith('- '))) throw new OutsideSubset('mapping inside a sequence');
      const item = content.slice(1).trim();
      if (item === '' || isMappingEntry(item)) throw new OutsideSubset('nested sequence item');
      top.container.push(scalarOrFlow(item));
      continue;
    }
    if (content.startsWith('- ') || content === '-') throw new OutsideSubset('sequence inside a mapping');
    const { key, rest } = splitEntry(content);
    const map = top.container;
    if (rest === '') {
      pending = { parent: map, key, indent };
    } else if (rest[0] === '|' || rest[0] === '>') {
      if (!/^[|>][+-]?$/.test(rest)) throw new OutsideSubset('block scalar header');
      block = { parent: map, key, indent, lines: [], folded: rest[0] === '>', chomp: rest.slice(1) };
    } else {
      map[key] = scalarOrFlow(rest);
    }
  }
  if (block) block.parent[block.key] = blockText(block.lines, block.folded, block.chomp);
  if (pending) pending.parent[pending.key] = null;
  return root;
}

function isMappingEntry(item: string): boolean {
  if (item[0] === '"' || item[0] === "'" || item[0] === '{' || item[0] === '[') return false;
  return item.includes(': ') || item.endsWith(':');
}

/** "key: value" / "'quoted key': value" / "key:" -> key and the raw rest (comment removed). */
function splitEntry(content: string): { key: string; rest: string } {
  let key: string;
  let i: number;
  const q = content[0];
  if (q === '"' || q === "'") {
    const close = closingQuote(content, 0);
    key = unquoteScalar(content.slice(0, close + 1));
    i = close + 1;
    if (content[i] !== ':') throw new OutsideSubset('quoted key without colon');
  } else {
    if (q === '?' || q === '&' || q === '*' || q === '!' || q === '{' || q === '[') throw new OutsideSubset('complex key');
    i = content.indexOf(': ');
    if (i === -1) {
      if (!content.endsWith(':')) throw new OutsideSubset('not a mapping entry');
      i = content.length - 1;
    }
    key = content.slice(0, i).trimEnd();
  }
  return { key, rest: stripComment(content.slice(i + 1).trim()) };
}

function stripComment(rest: string): string {
  if (rest[0] === '#') return '';
  if (rest[0] === '"' || rest[0] === "'" || rest[0] === '{' || rest[0] === '[') return rest;
  const hash = rest.indexOf(' #');
  return hash === -1 ? rest : rest.slice(0, hash).trimEnd();
}

function closingQuote(text: string, open: number): number {
  const q = text[open];
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (q === '"' && c === '\\') i++;
    else if (c === q) {
      if (q === "'" && text[i + 1] === "'") i++;
      else return i;
    }
  }
  throw new OutsideSubset('unclosed quote');
}

function unquoteScalar(token: string): string {
  if (token[0] === "'") return token.slice(1, -1).replace(/''/g, "'");
  try {
    return JSON.parse(token) as string;
  } catch {
    throw new OutsideSubset('double-quoted escape');
  }
}

function scalarOrFlow(raw: string): unknown {
  const c = raw[0];
  if (c === '{' || c === '[') {
    const parser = new FlowParser(raw);
    const value = parser.value();
    parser.end();
    return value;
  }
  if (c === '"' || c === "'") {
    const close = closingQuote(raw, 0);
    if (raw.slice(close + 1).trim() !== '') throw new OutsideSubset('text after a quoted scalar');
    return unquoteScalar(raw);
  }
  if (c === '&' || c === '*' || c === '!' || c === '%' || c === '@' || c === '`') throw new OutsideSubset('anchor, alias or tag');
  return plain(raw);
}

/** YAML 1.2 core schema for the plain scalars lockfiles use. */
function plain(raw: string): unknown {
  switch (raw) {
    case 'true':
      return true;
    case 'false':
      return false;
    case 'null':
    case '~':
      return null;
  }
  if (/^[-+]?\d+(\.\d+)?$/.test(raw)) return Number(raw);
  return raw;
}

/** Literal (|) and simple folded (>) block scalars with clip, strip (-) or keep (+) chomping. */
function blockText(lines: string[], folded: boolean, chomp: string): string {
  let indent = Infinity;
  for (const l of lines) {
    const i = l.length - l.trimStart().length;
    if (l.trim() !== '' && i < indent) indent = i;
  }
  let last = lines.length;
  while (last > 0 && lines[last - 1]!.trim() === '') last--;
  const body = lines.slice(0, last).map((l) => l.slice(Math.min(indent, l.length)));
  if (folded && body.some((l) => l === '' || l.startsWith(' '))) throw new OutsideSubset('folded scalar with structure');
  const text = body.join(folded ? ' ' : '\n');
  if (chomp === '-' || text === '') return text;
  if (chomp === '+') return text + '\n'.repeat(lines.length - last + 1);
  return `${text}\n`;
}

/** One-line flow collections: {a: b, c: [d, 'e']}. */
class FlowParser {
  private i = 0;
  constructor(private readonly s: string) {}

  value(): unknown {
    this.space();
    const c = this.s[this.i];
    if (c === '{') return this.mapping();
    if (c === '[') return this.sequence();
    if (c === '"' || c === "'") {
      const close = closingQuote(this.s, this.i);
      const token = this.s.slice(this.i, close + 1);
      this.i = close + 1;
      return unquoteScalar(token);
    }
    return plain(this.plainText(false));
  }

  end(): void {
    this.space();
    if (this.i !== this.s.length && this.s[this.i] !== '#') throw new OutsideSubset('text after a flow collection');
  }

  private mapping(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.i++;
    for (;;) {
      this.space();
      if (this.s[this.i] === '}') {
        this.i++;
        return out;
      }
      const c = this.s[this.i];
      let key: string;
      if (c === '"' || c === "'") {
        const close = closingQuote(this.s, this.i);
        key = unquoteScalar(this.s.slice(this.i, close + 1));
        this.i = close + 1;
      } else {
        key = this.plainText(true);
      }
      this.space();
      if (this.s[this.i] !== ':') throw new OutsideSubset('flow key without value');
      this.i++;
      out[key] = this.value();
      this.space();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== '}') throw new OutsideSubset('flow mapping');
    }
  }

  private sequence(): unknown[] {
    const out: unknown[] = [];
    this.i++;
    for (;;) {
      this.space();
      if (this.s[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value());
      this.space();
      if (this.s[this.i] === ',') this.i++;
      else if (this.s[this.i] !== ']') throw new OutsideSubset('flow sequence');
    }
  }

  /** Up to ',', '}', ']' (and for keys, ': '); end of line means the flow spans lines. */
  private plainText(isKey: boolean): string {
    const from = this.i;
    for (; this.i < this.s.length; this.i++) {
      const c = this.s[this.i];
      if (c === ',' || c === '}' || c === ']') break;
      if (isKey && c === ':' && (this.s[this.i + 1] === ' ' || this.s[this.i + 1] === undefined)) break;
    }
    if (this.i >= this.s.length) throw new OutsideSubset('flow collection spans lines');
    return this.s.slice(from, this.i).trim();
  }

  private space(): void {
    while (this.s[this.i] === ' ') this.i++;
  }
}
