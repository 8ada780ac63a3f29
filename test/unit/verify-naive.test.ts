import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { naiveDockerfile, versionFromDockerfile, type NaiveProject } from '../../src/verify/naive.js';

function project(overrides: Partial<NaiveProject> & Pick<NaiveProject, 'language' | 'packageManager'>): NaiveProject {
  return { runtimeVersion: '22', has: () => false, corepackPin: null, pyprojectDependencies: false, ...overrides };
}

const cases: Array<[string, NaiveProject, RegExp, RegExp]> = [
  ['node npm', project({ language: 'node', packageManager: 'npm' }), /^FROM node:22$/m, /^RUN npm install$/m],
  ['node pnpm', project({ language: 'node', packageManager: 'pnpm', runtimeVersion: '24' }), /^FROM node:24$/m, /^RUN npm install -g pnpm && pnpm install$/m],
  ['node pnpm pinned', project({ language: 'node', packageManager: 'pnpm', runtimeVersion: '24', corepackPin: 'pnpm@9.15.9+sha512.68046141893c66fad01c079231128e9afb89ef87e2691d69e4d40eee228988295fd4682181bae55b58418c3a253bde65a505ec7c5f9403ece5cc3cd37dcf2531' }), /^FROM node:24$/m, /^RUN npm install -g pnpm@9\.15\.9 && pnpm install$/m],
  ['node pnpm odd pin', project({ language: 'node', packageManager: 'pnpm', runtimeVersion: '24', corepackPin: 'pnpm@9 && rm -rf /' }), /^FROM node:24$/m, /^RUN npm install -g pnpm && pnpm install$/m],
  ['node yarn classic', project({ language: 'node', packageManager: 'yarn' }), /^FROM node:22$/m, /^RUN yarn install$/m],
  ['node yarn pinned', project({ language: 'node', packageManager: 'yarn', corepackPin: 'yarn@4.5.0' }), /^FROM node:22$/m, /^RUN corepack enable && yarn install$/m],
  ['python requirements', project({ language: 'python', packageManager: 'pip', runtimeVersion: '3.13', has: (f) => f === 'requirements.txt' }), /^FROM python:3\.13$/m, /^RUN pip install --no-cache-dir -r requirements.txt$/m],
  ['python pyproject deps', project({ language: 'python', packageManager: 'uv', runtimeVersion: '3.11', pyprojectDependencies: true }), /^FROM python:3\.11$/m, /^RUN pip install --no-cache-dir \.$/m],
  ['go', project({ language: 'go', packageManager: 'go', runtimeVersion: '1.24' }), /^FROM golang:1\.24$/m, /^RUN go build/m],
  ['rust', project({ language: 'rust', packageManager: 'cargo', runtimeVersion: '1.85' }), /^FROM rust:1\.85$/m, /^RUN cargo install --path \.$/m],
  ['java maven wrapper', project({ language: 'java', packageManager: 'maven', runtimeVersion: '21', has: (f) => f === 'mvnw' }), /^FROM eclipse-temurin:21$/m, /^RUN \.\/mvnw -B package/m],
  ['java maven', project({ language: 'java', packageManager: 'maven', runtimeVersion: '21' }), /^FROM maven:3-eclipse-temurin-21$/m, /^RUN mvn -B package/m],
  ['java plain', project({ language: 'java', packageManager: 'none', runtimeVersion: '21' }), /^FROM eclipse-temurin:21$/m, /javac -d out/m],
];

describe('naiveDockerfile', () => {
  it.each(cases)('%s: the full default image, everything copied, one stage', (_name, input, from, install) => {
    const text = naiveDockerfile(input);
    expect(text).not.toBeNull();
    expect(text).toMatch(from);
    expect(text).toMatch(install);
    expect(text).toMatch(/^COPY \. \.$/m);
    expect(text?.match(/^FROM /gm)).toHaveLength(1);
    expect(validate(text ?? '')).toEqual([]);
  });

  it('installs nothing for a standard-library Python app', () => {
    const text = naiveDockerfile(project({ language: 'python', packageManager: 'pip', runtimeVersion: '3.13' })) ?? '';
    expect(text).not.toMatch(/pip install/);
  });

  it('refuses a version string that is not a version (no Dockerfile injection)', () => {
    expect(naiveDockerfile(project({ language: 'node', packageManager: 'npm', runtimeVersion: '22\nRUN rm -rf /' }))).toBeNull();
    expect(naiveDockerfile(project({ language: 'node', packageManager: 'npm', runtimeVersion: 'latest' }))).toBeNull();
  });

  it('has nothing for unknown languages or package managers', () => {
    expect(naiveDockerfile(project({ language: 'cobol', packageManager: 'x' }))).toBeNull();
    expect(naiveDockerfile(project({ language: 'node', packageManager: 'x' }))).toBeNull();
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
