#!/usr/bin/env node
// The regular expressions in src/ tried on hostile text (issue 13: "the same classes with other
// values fail the same way"). Every regex literal in src/**/*.ts outside tests is read with the
// TypeScript scanner; for each, inputs of about 20 KB are built from its own characters: each
// character it can match repeated, its literal skeleton repeated whole and cut short (so the
// match fails at the end, the shape that makes backtracking quadratic or worse), prefixes of it
// followed by long runs of each character, and blank-line runs before it. A pattern that needs
// more than LIMIT_MS on any of them, and about four times as long on the same input doubled
// (quadratic, not just many matches), is reported as risky. Patterns built at run time
// (`new RegExp(...)`) are listed for review by hand.
//
//   node scripts/regex-audit.mjs          # exits 1 when a pattern is risky
//
// Each pattern runs in a worker that is stopped when it takes too long (a JavaScript regex
// cannot be interrupted), so a catastrophic one is reported instead of hanging the audit.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SIZE = 20_000;
/** A linear pattern takes well under a millisecond on 20 KB; a quadratic one hundreds. */
const LIMIT_MS = 40;
/** A worker stuck this long on one pattern is stopped and the pattern reported. */
const WATCHDOG_MS = 3_000;

// ---------------------------------------------------------------------------------------------
// Inputs built from a pattern's own characters

const ESCAPES = { s: ' ', S: 'a', d: '1', D: 'a', w: 'a', W: ' ', n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', b: '', B: '', 0: '' };

/** One character a class can match (or, negated, one it does not exclude). */
function classSample(body) {
  const negated = body.startsWith('^');
  const inner = negated ? body.slice(1) : body;
  const mentioned = new Set();
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\') {
      const c = inner[++i];
      mentioned.add(c in ESCAPES ? ESCAPES[c] : c);
    } else mentioned.add(inner[i]);
  }
  if (!negated) return [...mentioned].find((c) => c !== '' && c !== '-') ?? 'a';
  return [' ', 'a', '0', '{', '\n', '"', '.'].find((c) => !mentioned.has(c) && !(c === ' ' && inner.includes('\\s')) && !(c === 'a' && inner.includes('\\w'))) ?? 'x';
}

/** The pattern's literal skeleton: one sample character per atom, quantifiers and groups dropped. */
function skeleton(source) {
  const out = [];
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const n = source[++i];
      if (n === 'u') {
        i += source[i + 1] === '{' ? source.indexOf('}', i) - i : 4;
        out.push('a');
      } else if (n === 'x') {
        i += 2;
        out.push('a');
      } else if (n === 'k') {
        i = source.indexOf('>', i);
      } else out.push(n in ESCAPES ? ESCAPES[n] : n);
    } else if (c === '[') {
      let j = i + 1;
      if (source[j] === '^') j++;
      if (source[j] === ']') j++;
      while (j < source.length && source[j] !== ']') j += source[j] === '\\' ? 2 : 1;
      out.push(classSample(source.slice(i + 1, j)));
      i = j;
    } else if (c === '(') {
      if (source[i + 1] === '?') {
        if (source[i + 2] === '<' && source[i + 3] !== '=' && source[i + 3] !== '!') i = source.indexOf('>', i);
        else i += source[i + 2] === '<' ? 3 : 2;
      }
    } else if (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) {
      i = source.indexOf('}', i);
    } else if (c === '.') out.push('a');
    else if (!')|^$*+?'.includes(c)) out.push(c);
  }
  return out.join('');
}

let size = SIZE;
const fill = (unit) => (unit === '' ? '' : unit.repeat(Math.max(1, Math.floor(size / unit.length))));

function inputs(source) {
  const skel = skeleton(source);
  const chars = [...new Set([...skel, ' ', '\n', 'a', '0'])];
  const list = new Set();
  for (const c of chars) list.add(fill(c));
  for (let k = 0; k + 1 < skel.length; k++) list.add(fill(skel.slice(k, k + 2)));
  list.add(fill(skel));
  list.add(fill(skel.slice(0, -1)));
  list.add(fill(`${skel.slice(0, -1)} `));
  for (const cut of new Set([1, Math.floor(skel.length / 3), Math.floor(skel.length / 2), Math.floor((2 * skel.length) / 3), skel.length - 1])) {
    if (cut <= 0 || cut >= skel.length) continue;
    const prefix = skel.slice(0, cut);
    for (const c of chars) list.add(prefix + fill(c));
    list.add(fill(prefix));
  }
  list.add(`${fill(' \n\t\n\n')}${skel}`);
  list.add(`${fill('\n')}${skel.slice(0, -1)}`);
  return [...list];
}

/** Milliseconds for the pattern over the input, all matches when it is global. */
function timeOne(re, input) {
  const started = performance.now();
  if (re.global || re.sticky) {
    re.lastIndex = 0;
    let count = 0;
    let m;
    while ((m = re.exec(input)) !== null && count++ < 50_000) {
      if (m[0] === '') re.lastIndex++;
    }
  } else {
    re.exec(input);
  }
  return performance.now() - started;
}

// ---------------------------------------------------------------------------------------------
// Collecting the patterns

function sourceFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'test') out.push(...sourceFiles(path));
    } else if (name.endsWith('.ts') && !name.endsWith('.test.ts')) out.push(path);
  }
  return out;
}

async function collect() {
  const ts = (await import('typescript')).default;
  const literals = [];
  const dynamic = [];
  for (const file of sourceFiles(join(ROOT, 'src'))) {
    const text = readFileSync(file, 'utf8');
    const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const rel = relative(ROOT, file);
    const visit = (node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const raw = node.getText(sf);
        const end = raw.lastIndexOf('/');
        literals.push({ where: `${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`, source: raw.slice(1, end), flags: raw.slice(end + 1) });
      } else if (ts.isNewExpression(node) && node.expression.getText(sf) === 'RegExp') {
        dynamic.push(`${rel}:${sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  return { literals, dynamic };
}

// ---------------------------------------------------------------------------------------------
// Worker: times each pattern it is given, reporting before and after

if (!isMainThread) {
  const { patterns, from } = workerData;
  for (let i = from; i < patterns.length; i++) {
    const { source, flags } = patterns[i];
    parentPort.postMessage({ type: 'start', index: i });
    let worst = 0;
    let worstInput = '';
    try {
      const re = new RegExp(source, flags.replace('y', ''));
      size = SIZE;
      const list = inputs(source);
      let worstIndex = -1;
      list.forEach((input, k) => {
        const ms = timeOne(re, input);
        if (ms > worst) {
          worst = ms;
          worstInput = input;
          worstIndex = k;
        }
      });
      // Slow on 20 KB: is it the input's size (linear, e.g. 20,000 matches of /\./g) or its shape?
      // Doubled, a linear pattern takes about twice as long, a quadratic one four times.
      if (worst > LIMIT_MS) {
        size = 2 * SIZE;
        const doubled = timeOne(re, inputs(source)[worstIndex]);
        if (doubled < 2.8 * worst) worst = 0;
        size = SIZE;
      }
    } catch (error) {
      parentPort.postMessage({ type: 'done', index: i, worst: 0, error: String(error) });
      continue;
    }
    parentPort.postMessage({ type: 'done', index: i, worst, input: JSON.stringify(worstInput.slice(0, 40)) });
  }
  parentPort.postMessage({ type: 'end' });
}

/** Runs the audit; resolves with { risky, total, dynamic }. */
export async function auditRegexes({ log = (line) => process.stdout.write(`${line}\n`) } = {}) {
  const { literals, dynamic } = await collect();
  const risky = [];
  let from = 0;
  while (from < literals.length) {
    from = await new Promise((done) => {
      const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { patterns: literals, from } });
      let current = from;
      let timer = null;
      const arm = () => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          risky.push({ ...literals[current], worst: Infinity, input: '(stopped after 3 s)' });
          worker.terminate().then(() => done(current + 1));
        }, WATCHDOG_MS);
      };
      worker.on('message', (message) => {
        if (message.type === 'start') {
          current = message.index;
          arm();
        } else if (message.type === 'done') {
          if (message.worst > LIMIT_MS) risky.push({ ...literals[message.index], worst: message.worst, input: message.input });
        } else if (message.type === 'end') {
          clearTimeout(timer);
          worker.terminate().then(() => done(literals.length));
        }
      });
      worker.on('error', () => {
        clearTimeout(timer);
        done(current + 1);
      });
    });
  }
  for (const r of risky) log(`risky regex ${r.where}: /${r.source}/${r.flags} took ${Number.isFinite(r.worst) ? `${r.worst.toFixed(0)} ms` : 'over 3 s'} on ${r.input}...`);
  log(`regex audit: ${literals.length} regex literals in src/ tried on hostile ${SIZE / 1000} KB inputs, ${risky.length} over ${LIMIT_MS} ms; ${dynamic.length} built at run time (reviewed by hand): ${dynamic.join(', ')}`);
  return { risky, total: literals.length, dynamic };
}

if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url)) {
  const { risky } = await auditRegexes();
  process.exit(risky.length === 0 ? 0 : 1);
}
