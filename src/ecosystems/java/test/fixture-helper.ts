// Throw-away projects for the Java tests: a temp folder with the given files.
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Project } from '../../../project.js';

export function javaProject(files: Record<string, string>): Project {
  const root = mkdtempSync(join(tmpdir(), 'slim-java-'));
  for (const [rel, content] of Object.entries(files)) {
    const path = join(root, rel);
    mkdirSync(dirname(path), { recursive: true });
    if (rel.endsWith('/')) mkdirSync(path, { recursive: true });
    else writeFileSync(path, content);
  }
  return new Project(root);
}

export const TODAY = new Date('2026-11-27T00:00:00Z');

/** A minimal pom.xml with the given inner XML after the coordinates. */
export function pom(inner: string, coordinates = '<groupId>com.example</groupId><artifactId>demo</artifactId><version>1.0.0</version>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>${coordinates}${inner}</project>\n`;
}

export const MAIN_JAVA = 'package com.example;\npublic class Main {\n  public static void main(String[] args) {}\n}\n';
