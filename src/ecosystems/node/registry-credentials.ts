// Registry credentials in the install configuration a Node build copies (.npmrc, .yarnrc.yml),
// read the way the package managers read them, so every spelling they accept is recognised:
// - .npmrc is INI as npm's `ini` package decodes it (https://github.com/npm/ini/blob/main/lib/ini.js):
//   `;`/`#` comment lines, keys and values trimmed and unquoted ('…' or "…"), an unquoted value
//   ending at an unescaped `;` or `#`. The credential settings are `_authToken`, `_auth` and
//   `_password`, bare or scoped to a registry (`//registry.example.com/:_authToken`), and npm
//   replaces `${NAME}` (and `${NAME?}`) in values from the environment
//   (https://docs.npmjs.com/cli/configuring-npm/npmrc#auth-related-configuration).
// - .yarnrc.yml is YAML (quoted keys, flow mappings, anchors all count); npmAuthToken and
//   npmAuthIdent may sit at the top, under npmScopes.<scope> or under npmRegistries.<url>, and
//   yarn replaces `${NAME}`, `${NAME:-fallback}` and `${NAME-fallback}`
//   (https://yarnpkg.com/configuration/yarnrc#npmAuthToken).
// Values are never returned or printed: only where they are (file and line) and which
// variables a setting reads.
import type { Document, Node as YamlNode } from 'yaml';
import { UserError } from '../../errors.js';
import { yaml } from '../../lazy.js';

const NPM_CREDENTIAL_KEY = /(?:^|:)_(?:authToken|auth|password)$/;
const YARN_CREDENTIAL_KEYS = new Set(['npmAuthToken', 'npmAuthIdent']);
/** A value made only of environment references: what the managers expand at install time. */
const NPM_ONLY_VARIABLES = /^(?:\$\{[A-Za-z_][A-Za-z0-9_]*\??\})+$/;
const YARN_ONLY_VARIABLES = /^(?:\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-[^}]*)?\})+$/;
const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)/g;

export interface NpmrcSetting {
  key: string;
  value: string;
  line: number;
}

/** Key/value settings of an .npmrc as npm's ini decoder reads them (section headers are skipped). */
export function npmrcSettings(text: string): NpmrcSetting[] {
  const settings: NpmrcSetting[] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    if (/^\s*[;#]/.test(raw) || raw.trim() === '') return;
    if (/^\s*\[[^\]]*\]\s*$/.test(raw)) return;
    const eq = raw.indexOf('=');
    const key = unquoteIni(eq < 0 ? raw : raw.slice(0, eq));
    const value = eq < 0 ? 'true' : unquoteIni(raw.slice(eq + 1));
    settings.push({ key: key.replace(/\[\]$/, ''), value, line: index + 1 });
  });
  return settings;
}

/** ini's `unsafe`: a quoted value is unquoted (JSON rules for "…"), an unquoted one ends at a comment. */
function unquoteIni(raw: string): string {
  const value = raw.trim();
  if (value.length >= 2 && ((value.startsWith('"') && value.endsWith('"')) || (value.startsWith("'") && value.endsWith("'")))) {
    const inner = value.startsWith("'") ? value.slice(1, -1) : value;
    try {
      const parsed: unknown = JSON.parse(inner);
      return typeof parsed === 'string' ? parsed : inner;
    } catch {
      return inner;
    }
  }
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      const next = value[i + 1]!;
      out += '\\;#'.includes(next) ? next : `\\${next}`;
      i++;
    } else if (c === ';' || c === '#') break;
    else out += c;
  }
  return out.trim();
}

/**
 * Yarn 1's .yarnrc: `key value` lines, either side optionally double-quoted (yarn's own lockfile
 * syntax; https://classic.yarnpkg.com/en/docs/yarnrc). Yarn 1 sends npm's auth settings from
 * it, so a literal `"//registry/:_authToken" abc` is a credential as in .npmrc.
 */
export function scanClassicYarnrc(text: string): CredentialScan {
  const literalLines: number[] = [];
  const variables = new Set<string>();
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    // The key, then the rest of the line (sliced, not matched, so no regex backtracks over it).
    const match = /^\s*("(?:[^"\\]|\\.)*"|[^\s#"]+)\s+/.exec(raw);
    if (!match) return;
    const unquote = (word: string) => {
      if (!word.startsWith('"')) return word;
      try {
        return String(JSON.parse(word));
      } catch {
        return word.slice(1, -1);
      }
    };
    const key = unquote(match[1]!);
    const value = unquote(raw.slice(match[0].length).trim());
    for (const variable of value.matchAll(VARIABLE)) variables.add(variable[1]!);
    if (NPM_CREDENTIAL_KEY.test(key) && value !== '' && !NPM_ONLY_VARIABLES.test(value)) literalLines.push(index + 1);
  });
  return { literalLines, variables: [...variables].sort() };
}

export interface CredentialScan {
  /** Lines (1-based) holding a literal credential. */
  literalLines: number[];
  /** Environment variables the credential settings read, sorted. */
  variables: string[];
}

/** The .npmrc's credential settings: literal ones by line, and the variables the others read. */
export function scanNpmrc(text: string): CredentialScan {
  const literalLines: number[] = [];
  const variables = new Set<string>();
  for (const { key, value, line } of npmrcSettings(text)) {
    for (const match of value.matchAll(VARIABLE)) variables.add(match[1]!);
    if (!NPM_CREDENTIAL_KEY.test(key)) continue;
    if (value !== '' && !NPM_ONLY_VARIABLES.test(value)) literalLines.push(line);
  }
  return { literalLines, variables: [...variables].sort() };
}

/**
 * The .yarnrc.yml's npmAuthToken/npmAuthIdent settings at any depth: literal ones by line, and
 * the variables every setting reads. A file YAML cannot parse is refused naming its line, since
 * yarn would refuse it too.
 */
export function scanYarnrc(text: string, file = '.yarnrc.yml'): CredentialScan {
  const { isAlias, isMap, isPair, isScalar, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false }) as Document.Parsed;
  const problem = doc.errors[0];
  if (problem) {
    const line = problem.linePos?.[0]?.line;
    throw new UserError(`${file} is not valid YAML${line ? ` (line ${line})` : ''}, so yarn cannot read it either. Fix it and run again.`);
  }
  const literalLines: number[] = [];
  const variables = new Set<string>();
  const lineOf = (node: YamlNode | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 0);
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = isScalar(pair.key) ? String(pair.key.value) : null;
        let value = pair.value as unknown;
        if (isAlias(value)) value = value.resolve(doc);
        if (key !== null && YARN_CREDENTIAL_KEYS.has(key) && isScalar(value)) {
          const text = value.value === null ? '' : String(value.value);
          if (text !== '' && !YARN_ONLY_VARIABLES.test(text)) literalLines.push(lineOf(pair.key as YamlNode));
        }
        visit(value, depth + 1);
      }
    } else if (node && typeof node === 'object' && 'items' in node && Array.isArray((node as { items: unknown[] }).items)) {
      for (const item of (node as { items: unknown[] }).items) visit(item, depth + 1);
    }
  };
  visit(doc.contents, 0);
  for (const match of text.matchAll(VARIABLE)) variables.add(match[1]!);
  return { literalLines: literalLines.sort((a, b) => a - b), variables: [...variables].sort() };
}
