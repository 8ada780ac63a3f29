// Each build check catches the bad example of its documentation page and passes the good one
// (https://docs.docker.com/reference/build-checks/), so the golden test's "no findings" over
// every generated Dockerfile means something.
import { describe, expect, it } from 'vitest';
import { lintDockerfile, RULES } from '../../src/lint/index.js';
import { decidingPattern, ignoredBy, matchTokens, parseDockerignore } from '../../src/lint/dockerignore.js';
import { parseDockerfile } from '../../src/lint/parse.js';
import { validImageReference, variablesIn } from '../../src/lint/rules.js';

const lines = (...text: string[]) => `${text.join('\n')}\n`;

function found(dockerfile: string, dockerignore: string | null = null) {
  return lintDockerfile(dockerfile, dockerignore, { experimental: true }).map((f) => `${f.rule}@${f.line}`);
}

/** Bad example -> the findings expected (rule@line); good example -> none. */
const CASES: Record<string, { bad: string; expected: string[]; good: string; ignore?: string }> = {
  StageNameCasing: {
    bad: lines('FROM docker.io/library/alpine:3.22 AS BuilderBase'),
    expected: ['StageNameCasing@1'],
    good: lines('FROM docker.io/library/alpine:3.22 AS builder-base'),
  },
  FromAsCasing: {
    bad: lines('FROM docker.io/library/debian:13 as builder'),
    expected: ['FromAsCasing@1'],
    good: lines('from docker.io/library/debian:13 as builder'),
  },
  NoEmptyContinuation: {
    bad: lines('FROM docker.io/library/alpine:3.22', 'RUN apk add \\', '', '    gnupg \\', '    curl'),
    expected: ['NoEmptyContinuation@3'],
    good: lines('FROM docker.io/library/alpine:3.22', 'EXPOSE \\', '# Port', '80'),
  },
  ConsistentInstructionCasing: {
    bad: lines('FROM docker.io/library/alpine:3.22', 'RUN echo hello > /greeting.txt', 'EntRYpOiNT ["cat", "/greeting.txt"]'),
    expected: ['ConsistentInstructionCasing@3'],
    good: lines('from docker.io/library/alpine:3.22', 'run echo hello > /greeting.txt', 'entrypoint ["cat", "/greeting.txt"]'),
  },
  DuplicateStageName: {
    bad: lines('FROM docker.io/library/debian:13 AS builder', 'FROM docker.io/library/golang:1.25 AS builder'),
    expected: ['DuplicateStageName@2'],
    good: lines('FROM docker.io/library/debian:13 AS deb-builder', 'FROM docker.io/library/golang:1.25 AS go-builder'),
  },
  ReservedStageName: {
    bad: lines('FROM docker.io/library/alpine:3.22 AS scratch', 'FROM docker.io/library/alpine:3.22 AS context'),
    expected: ['ReservedStageName@1', 'ReservedStageName@2'],
    good: lines('FROM docker.io/library/alpine:3.22 AS builder'),
  },
  JSONArgsRecommended: {
    bad: lines('FROM docker.io/library/alpine:3.22', 'ENTRYPOINT my-program start'),
    expected: ['JSONArgsRecommended@2'],
    good: lines('FROM docker.io/library/alpine:3.22', 'SHELL ["/bin/ash", "-c"]', 'ENTRYPOINT my-program start'),
  },
  MaintainerDeprecated: {
    bad: lines('FROM docker.io/library/alpine:3.22', 'MAINTAINER moby@example.com'),
    expected: ['MaintainerDeprecated@2'],
    good: lines('FROM docker.io/library/alpine:3.22', 'LABEL org.opencontainers.image.authors="moby@example.com"'),
  },
  UndefinedArgInFrom: {
    bad: lines('FROM docker.io/library/node:22${VARIANT} AS jsbuilder'),
    expected: ['UndefinedArgInFrom@1'],
    good: lines('ARG VARIANT="-alpine3.22"', 'FROM docker.io/library/node:22${VARIANT} AS jsbuilder', 'FROM --platform=$BUILDPLATFORM docker.io/library/golang:1.25 AS go'),
  },
  WorkdirRelativePath: {
    bad: lines('FROM docker.io/library/nginx:1.29 AS web', 'WORKDIR usr/share/nginx/html'),
    expected: ['WorkdirRelativePath@2'],
    good: lines('FROM docker.io/library/nginx:1.29 AS web', 'WORKDIR /usr/share/nginx', 'FROM web AS next', 'WORKDIR html'),
  },
  UndefinedVar: {
    bad: lines('ARG VERSION=1', 'FROM docker.io/library/alpine:3.22 AS base', 'COPY $foo .', 'ENV PATH=$PAHT:/app/bin', 'ENV X=${VERSION:-2}'),
    expected: ['UndefinedVar@3', 'UndefinedVar@4', 'UndefinedVar@5'],
    good: lines(
      'ARG VERSION=1',
      'FROM docker.io/library/alpine:3.22 AS base',
      'ARG VERSION',
      'ARG foo',
      'COPY $foo .',
      'ENV PATH=$PATH:/app/bin X=${VERSION} Y=\'$literal\'',
      'RUN echo $UNSET_IN_SHELL',
      'FROM base AS next',
      'ENV Z=$X',
    ),
  },
  MultipleInstructionsDisallowed: {
    bad: lines('FROM docker.io/library/alpine:3.22', 'ENTRYPOINT ["echo", "Hello, Norway!"]', 'ENTRYPOINT ["echo", "Hello, Sweden!"]'),
    expected: ['MultipleInstructionsDisallowed@2'],
    good: lines('FROM docker.io/library/python:3.13-alpine', 'HEALTHCHECK --interval=1s --timeout=3s \\', '  CMD ["curl", "-f", "http://localhost:8080"]', 'CMD ["python", "-m", "http.server", "8080"]'),
  },
  LegacyKeyValueFormat: {
    bad: lines('FROM docker.io/library/alpine:3.22', 'ENV DEPS \\', '    curl \\', '    git', 'LABEL team web'),
    expected: ['LegacyKeyValueFormat@2', 'LegacyKeyValueFormat@5'],
    good: lines('FROM docker.io/library/alpine:3.22', 'ENV DEPS="curl git"', 'LABEL team=web', 'ARG foo'),
  },
  RedundantTargetPlatform: {
    bad: lines('FROM --platform=$TARGETPLATFORM docker.io/library/alpine:3.22 AS builder'),
    expected: ['RedundantTargetPlatform@1'],
    good: lines('FROM docker.io/library/alpine:3.22 AS builder'),
  },
  SecretsUsedInArgOrEnv: {
    bad: lines('FROM docker.io/library/alpine:3.22', 'ARG AWS_SECRET_ACCESS_KEY', 'ENV GITHUB_TOKEN=x api_key=y'),
    expected: ['SecretsUsedInArgOrEnv@2', 'SecretsUsedInArgOrEnv@3', 'SecretsUsedInArgOrEnv@3'],
    good: lines('FROM docker.io/library/alpine:3.22', 'ARG PUBLIC_KEY', 'ENV KEY_FILE=/run/key TOKENIZER=fast MONKEY=1'),
  },
  InvalidDefaultArgInFrom: {
    bad: lines('ARG TAG', 'FROM docker.io/library/busybox:${TAG}'),
    expected: ['InvalidDefaultArgInFrom@2'],
    good: lines('ARG TAG=latest', 'ARG VARIANT', 'ARG OTHER', 'FROM docker.io/library/busybox:${TAG}', 'FROM docker.io/library/busybox:stable${VARIANT}', 'FROM docker.io/library/alpine:${OTHER:-3.14}'),
  },
  FromPlatformFlagConstDisallowed: {
    bad: lines('FROM --platform=linux/amd64 docker.io/library/alpine:3.22 AS base'),
    expected: ['FromPlatformFlagConstDisallowed@1'],
    good: lines('FROM --platform=${BUILDPLATFORM} docker.io/library/alpine:3.22 AS base', 'FROM --platform=linux/arm64 docker.io/library/alpine:3.22 AS build_arm64'),
  },
  CopyIgnoredFile: {
    ignore: lines('*/tmp/*', 'node_modules/', '**/.env', '!**/.env.example'),
    bad: lines('FROM scratch', 'COPY ./x/tmp/helloworld.txt /helloworld.txt', 'COPY node_modules/a/index.js /a.js', 'COPY ["config/.env", "/"]'),
    expected: ['CopyIgnoredFile@2', 'CopyIgnoredFile@3', 'CopyIgnoredFile@4'],
    good: lines('FROM scratch', 'COPY ./forever/helloworld.txt /helloworld.txt', 'COPY . .', 'COPY config/.env.example /', 'COPY --from=build /app/node_modules ./node_modules'),
  },
  InvalidDefinitionDescription: {
    bad: lines('# a non-descriptive comment', 'FROM scratch AS base', '# another non-descriptive comment', 'ARG VERSION=1'),
    expected: ['InvalidDefinitionDescription@2', 'InvalidDefinitionDescription@4'],
    good: lines('# base is a stage for compiling source', 'FROM scratch AS base', '# VERSION This is the version number.', 'ARG VERSION=1', '# a note', '#', 'ARG OTHER=2'),
  },
  ExposeProtoCasing: {
    bad: lines('FROM docker.io/library/alpine:3.22', 'EXPOSE 80/TcP'),
    expected: ['ExposeProtoCasing@2'],
    good: lines('FROM docker.io/library/alpine:3.22', 'EXPOSE 80/tcp 8080'),
  },
  ExposeInvalidFormat: {
    bad: lines('FROM docker.io/library/alpine:3.22', 'EXPOSE 127.0.0.1:80:80', 'EXPOSE 80:80'),
    expected: ['ExposeInvalidFormat@2', 'ExposeInvalidFormat@3'],
    good: lines('FROM docker.io/library/alpine:3.22', 'EXPOSE 80'),
  },
};

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

  it('matches in time linear in the path for patterns full of stars', () => {
    const [hostile] = parseDockerignore(`${'**/a*'.repeat(100)}b\n`);
    const started = Date.now();
    expect(matchTokens(hostile!.tokens, `${'a/'.repeat(5000)}c`)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
