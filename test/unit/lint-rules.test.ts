// Each build check catches the bad example of its documentation page and passes the good one
// (https://docs.docker.com/reference/build-checks/), so the golden test's "no findings" over
// every generated Dockerfile means something.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lintDockerfile, RULES } from '../../src/lint/index.js';
import { cleanPath, decidingPattern, ignoredBy, ignoreMatcher, matchAutomaton, matchTokens, parseDockerignore } from '../../src/lint/dockerignore.js';
import { parseDockerfile } from '../../src/lint/parse.js';
import { validImageReference, variablesIn } from '../../src/lint/rules.js';
import { CASES, lines } from './lint-cases.js';

function found(dockerfile: string, dockerignore: string | null = null) {
  return lintDockerfile(dockerfile, dockerignore, { experimental: true }).map((f) => `${f.rule}@${f.line}`);
}

describe('build checks (src/lint)', () => {
  it('covers every rule of the table, each with its page in the build-checks reference', () => {
    expect(Object.keys(CASES).sort()).toEqual(RULES.map((r) => r.name).sort());
    for (const rule of RULES) expect(rule.url).toMatch(/^https:\/\/docs\.docker\.com\/reference\/build-checks\/[a-z-]+\/$/);
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: catches the bad example and passes the good one`, () => {
      expect(found(c.bad, c.ignore ?? null).filter((f) => f.startsWith(`${name}@`))).toEqual(c.expected);
      expect(found(c.good, c.ignore ?? null)).toEqual([]);
    });
  }

  it('leaves the experimental rule out unless asked', () => {
    const text = CASES.InvalidDefinitionDescription!.bad;
    expect(lintDockerfile(text, null).map((f) => f.rule)).not.toContain('InvalidDefinitionDescription');
  });
});

describe('Dockerfile parsing for the checks', () => {
  it('joins continuation lines, skips comment lines inside them and heredoc bodies, and keeps the starting line', () => {
    const parsed = parseDockerfile(lines('# syntax=docker/dockerfile:1', 'FROM x AS a', 'RUN a \\', '  # inside', '  b', 'COPY <<EOF /f', 'FROM nothing', 'EOF', 'CMD ["a"]'));
    expect(parsed.instructions.map((i) => [i.name, i.line, i.args])).toEqual([
      ['FROM', 2, 'x AS a'],
      ['RUN', 3, 'a   b'],
      ['COPY', 6, '<<EOF /f'],
      ['CMD', 9, '["a"]'],
    ]);
  });

  it('keeps comments across blank lines until an instruction or a bare #, as BuildKit does', () => {
    const parsed = parseDockerfile(lines('# syntax=docker/dockerfile:1', '# header', '', '# note', 'ARG A=1', '# x', '#', 'ARG B=2'));
    expect(parsed.instructions.map((i) => i.comments)).toEqual([['header', 'note'], []]);
  });

  it('honours the escape directive', () => {
    const parsed = parseDockerfile(lines('# escape=`', 'FROM x', 'RUN a `', '  b'));
    expect(parsed.instructions[1]).toMatchObject({ name: 'RUN', args: 'a   b', endLine: 4 });
  });

  it('reads variables as the shell lexer does', () => {
    expect(variablesIn('$A ${B} ${C:-$D} \\$E \'$F\' "$G" ${H:+x}')).toEqual(['A', 'B', 'C', 'D', 'G', 'H']);
  });

  it('validates image references after the defaults are applied', () => {
    expect(validImageReference('docker.io/library/node:22-bookworm-slim')).toBe(true);
    expect(validImageReference('gcr.io/distroless/nodejs22-debian13:nonroot')).toBe(true);
    expect(validImageReference('busybox:')).toBe(false);
    expect(validImageReference('Busybox')).toBe(false);
    expect(validImageReference('')).toBe(false);
  });
});

describe('.dockerignore matching (moby/patternmatcher semantics)', () => {
  const patterns = parseDockerignore(lines('# comment', '**/.git', 'node_modules/', '/dist', '*.log', 'docs/**', '**/*.pem', '!keep.pem', 'a?c', 'x[0-9]'));
  const cases: Array<[string, boolean]> = [
    ['.git', true],
    ['sub/.git/config', true],
    ['node_modules/pkg/index.js', true],
    ['src/node_modules', false],
    ['dist/main.js', true],
    ['app/dist', false],
    ['server.log', true],
    ['logs/server.log', false],
    // `docs/**` matches what is inside the folder, not the folder entry itself.
    ['docs', false],
    ['docs/a/b.md', true],
    ['certs/tls.pem', true],
    ['keep.pem', false],
    ['abc', true],
    ['a/c', false],
    ['x7', true],
    ['xa', false],
    ['src/index.js', false],
  ];
  for (const [path, excluded] of cases) {
    it(`${path} is ${excluded ? '' : 'not '}excluded`, () => {
      expect(ignoredBy(patterns, path) !== null).toBe(excluded);
    });
  }

  it('names the deciding line', () => {
    expect(decidingPattern(patterns, 'keep.pem')).toMatchObject({ line: 8, exception: true });
  });

  it('decides every pattern as the automaton does, the shapes it answers by string tests included', () => {
    // Patterns and paths over a small alphabet, so the shapes (name, **/name, **/*.ext, dir/**)
    // and their near misses come up often.
    const piece = fc.constantFrom('a', 'b', '.', '/', '*', '**/', '**', '?', 'a/', '.e');
    const pattern = fc.array(piece, { maxLength: 6 }).map((parts) => parts.join(''));
    const path = fc.array(fc.constantFrom('a', 'b', '.', '/', 'e', 'a/', 'b.e'), { maxLength: 8 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(pattern, path, (text, candidate) => {
        const [parsed] = parseDockerignore(`${text}\n`);
        if (parsed === undefined) return;
        expect(matchTokens(parsed.tokens, candidate), `${text} vs ${candidate}`).toBe(matchAutomaton(parsed.tokens, candidate));
      }),
      { numRuns: 3000 },
    );
    // The string tests do answer these (a rewrite that sent everything to the automaton would pass
    // the property above, so the shapes are checked by their answers too).
    const [anywhere, suffix, under] = parseDockerignore('**/.env\n**/*.pem\nnode_modules/**\n');
    expect(matchTokens(anywhere!.tokens, 'a/b/.env')).toBe(true);
    expect(matchTokens(anywhere!.tokens, 'a/x.env')).toBe(false);
    expect(matchTokens(suffix!.tokens, 'certs/key.pem')).toBe(true);
    expect(matchTokens(suffix!.tokens, 'key.pem/x')).toBe(false);
    expect(matchTokens(under!.tokens, 'node_modules/x/y')).toBe(true);
    expect(matchTokens(under!.tokens, 'node_modules')).toBe(false);
  });

  it('a matcher built once decides every path as the last matching line over the path and its parents does', () => {
    const piece = fc.constantFrom('a', 'b', '.', '/', '*', '**/', '**', '!', 'a/', '.e');
    const file = fc.array(fc.array(piece, { maxLength: 5 }).map((parts) => parts.join('')), { maxLength: 8 }).map((lines) => lines.join('\n'));
    const path = fc.array(fc.constantFrom('a', 'b', '.', '/', 'e', 'a/', 'b.e'), { maxLength: 8 }).map((parts) => parts.join(''));
    // Docker's rule, spelled out with the automaton alone.
    const naive = (patterns: ReturnType<typeof parseDockerignore>, candidate: string) => {
      const clean = cleanPath(candidate);
      const parts = clean.split('/');
      const targets = [clean, ...parts.slice(1).map((_, k) => parts.slice(0, k + 1).join('/'))];
      let decided = null;
      for (const p of patterns) if (targets.some((t) => matchAutomaton(p.tokens, t))) decided = p;
      return decided;
    };
    fc.assert(
      fc.property(file, fc.array(path, { minLength: 1, maxLength: 5 }), (text, candidates) => {
        const patterns = parseDockerignore(text);
        const matcher = ignoreMatcher(patterns);
        for (const candidate of candidates) expect(matcher.deciding(candidate), `${JSON.stringify(text)} vs ${candidate}`).toBe(naive(patterns, candidate));
      }),
      { numRuns: 2000 },
    );
  });

  it('matches in time linear in the path for patterns full of stars', () => {
    const [hostile] = parseDockerignore(`${'**/a*'.repeat(100)}b\n`);
    const started = Date.now();
    expect(matchTokens(hostile!.tokens, `${'a/'.repeat(5000)}c`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
