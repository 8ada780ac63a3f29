import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import type { NaiveInput } from '../../src/ecosystem.js';
import { loadEcosystems } from '../../src/ecosystems/index.js';
import { naiveDockerfile, versionFromDockerfile } from '../../src/verify/naive.js';

// Every ecosystem's code, loaded as a run loads the one it needs (the registry imports each on demand).
const ECOSYSTEMS = await loadEcosystems();

const ecosystem = (language: string) => ECOSYSTEMS.find((e) => e.language === language)!;

/** A naive input over a few files (name -> text) at the root of the build context. */
function input(packageManager: string, runtimeVersion: string, files: Record<string, string> = {}): NaiveInput {
  return { packageManager, runtimeVersion, has: (f) => f in files, read: (f) => files[f] ?? null };
}
const pin = (packageManager: string) => ({ 'package.json': JSON.stringify({ packageManager }) });

const cases: Array<[string, string, NaiveInput, RegExp, RegExp]> = [
  ['node npm', 'node', input('npm', '22'), /^FROM node:22$/m, /^RUN npm install$/m],
  ['node pnpm', 'node', input('pnpm', '24'), /^FROM node:24$/m, /^RUN npm install -g pnpm && pnpm install$/m],
  ['node pnpm pinned', 'node', input('pnpm', '24', pin('pnpm@9.15.9+sha512.68046141893c66fad01c079231128e9afb89ef87e2691d69e4d40eee228988295fd4682181bae55b58418c3a253bde65a505ec7c5f9403ece5cc3cd37dcf2531')), /^FROM node:24$/m, /^RUN npm install -g pnpm@9\.15\.9 && pnpm install$/m],
  ['node pnpm odd pin', 'node', input('pnpm', '24', pin('pnpm@9 && rm -rf /')), /^FROM node:24$/m, /^RUN npm install -g pnpm && pnpm install$/m],
  ['node yarn classic', 'node', input('yarn', '22'), /^FROM node:22$/m, /^RUN yarn install$/m],
  ['node yarn pinned', 'node', input('yarn', '22', pin('yarn@4.5.0')), /^FROM node:22$/m, /^RUN corepack enable && yarn install$/m],
  ['python requirements', 'python', input('pip', '3.13', { 'requirements.txt': 'flask\n' }), /^FROM python:3\.13$/m, /^RUN pip install --no-cache-dir -r requirements.txt$/m],
  ['python pyproject deps', 'python', input('uv', '3.11', { 'pyproject.toml': '[project]\nname = "x"\ndependencies = ["fastapi"]\n' }), /^FROM python:3\.11$/m, /^RUN pip install --no-cache-dir \.$/m],
  ['python poetry deps', 'python', input('poetry', '3.12', { 'pyproject.toml': '[tool.poetry.dependencies]\npython = "^3.12"\nflask = "^3"\n' }), /^FROM python:3\.12$/m, /^RUN pip install --no-cache-dir \.$/m],
  ['go', 'go', input('go', '1.24'), /^FROM golang:1\.24$/m, /^RUN go build/m],
  ['rust', 'rust', input('cargo', '1.85'), /^FROM rust:1\.85$/m, /^RUN cargo install --path \.$/m],
  ['java maven wrapper', 'java', input('maven', '21', { mvnw: '' }), /^FROM eclipse-temurin:21$/m, /^RUN \.\/mvnw -B package/m],
  ['java maven', 'java', input('maven', '21'), /^FROM maven:3-eclipse-temurin-21$/m, /^RUN mvn -B package/m],
  ['java plain', 'java', input('none', '21'), /^FROM eclipse-temurin:21$/m, /javac -d out/m],
];

describe('naiveDockerfile', () => {
  it.each(cases)('%s: the full default image, everything copied, one stage', (_name, language, naive, from, install) => {
    const text = naiveDockerfile(ecosystem(language), naive);
    expect(text).not.toBeNull();
    expect(text).toMatch(from);
    expect(text).toMatch(install);
    expect(text).toMatch(/^COPY \. \.$/m);
    expect(text?.match(/^FROM /gm)).toHaveLength(1);
    expect(validate(text ?? '')).toEqual([]);
  });

  it('every registered ecosystem has a naive Dockerfile for its usual package manager', () => {
    const usual: Record<string, string> = { node: 'npm', python: 'pip', go: 'go', rust: 'cargo', java: 'maven' };
    for (const e of ECOSYSTEMS) expect(naiveDockerfile(e, input(usual[e.language] ?? '', '1')), e.language).toMatch(/^FROM /m);
  });

  it('installs nothing for a standard-library Python app, nor for a pyproject.toml without dependencies', () => {
    expect(naiveDockerfile(ecosystem('python'), input('pip', '3.13')) ?? '').not.toMatch(/pip install/);
    expect(naiveDockerfile(ecosystem('python'), input('uv', '3.13', { 'pyproject.toml': '[project]\nname = "x"\n' })) ?? '').not.toMatch(/pip install/);
    expect(naiveDockerfile(ecosystem('python'), input('uv', '3.13', { 'pyproject.toml': 'not [toml' })) ?? '').not.toMatch(/pip install/);
  });

  it('refuses a version string that is not a version (no Dockerfile injection)', () => {
    expect(naiveDockerfile(ecosystem('node'), input('npm', '22\nRUN rm -rf /'))).toBeNull();
    expect(naiveDockerfile(ecosystem('node'), input('npm', 'latest'))).toBeNull();
  });

  it('has nothing for unknown package managers', () => {
    expect(naiveDockerfile(ecosystem('node'), input('x', '22'))).toBeNull();
  });
});

describe('versionFromDockerfile', () => {
  it('reads the version ARG near the top', () => {
    expect(versionFromDockerfile('# syntax=docker/dockerfile:1\nARG NODE_VERSION=22\nFROM node:${NODE_VERSION}-slim\n')).toBe('22');
    expect(versionFromDockerfile('ARG PYTHON_VERSION="3.13"\n')).toBe('3.13');
  });
  it('returns null without one', () => {
    expect(versionFromDockerfile('FROM scratch\n')).toBeNull();
  });
});
