// The bad and good example of each build check's documentation page
// (https://docs.docker.com/reference/build-checks/), shared by the rule tests and by anyone who
// wants to run BuildKit's own linter over the same files to compare.
export const lines = (...text: string[]) => `${text.join('\n')}\n`;

/** Bad example -> the findings expected (rule@line); good example -> none. */
export const CASES: Record<string, { bad: string; expected: string[]; good: string; ignore?: string }> = {
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

