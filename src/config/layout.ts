// Where the rendered files go. A single project gets Dockerfile and .dockerignore in its folder.
// An app inside a monorepo is built with the repository root as the context, where a
// .dockerignore in the app folder would be ignored; Docker (BuildKit) reads an ignore file named
// after the Dockerfile and placed next to it instead, so the app gets Dockerfile and
// Dockerfile.dockerignore (https://docs.docker.com/build/concepts/context/#filename-and-location).
import type { Ecosystem } from '../ecosystem.js';
import type { CommonFacts, RenderedFiles } from '../types.js';
import { shellWord } from '../render/quote.js';

export interface BuildContext {
  /** The repository root relative to the project folder ("../.."). */
  context: string;
  /** The Dockerfile relative to the repository root ("apps/api/Dockerfile"). */
  dockerfile: string;
  /** How to build it, from the repository root. */
  command: string;
}

export function buildContextOf(ecosystem: Pick<Ecosystem, 'apps'>, facts: CommonFacts): BuildContext | null {
  const ws = ecosystem.apps?.buildContext(facts) ?? null;
  if (!ws) return null;
  const dockerfile = `${ws.appDir}/Dockerfile`;
  return { context: ws.context, dockerfile, command: `docker build -f ${shellWord(dockerfile)} .` };
}

/** Rendered files keyed by where they are written, relative to the project folder. */
export function placeFiles(files: RenderedFiles, context: BuildContext | null): RenderedFiles {
  if (context === null) return files;
  return Object.fromEntries(Object.entries(files).map(([name, text]) => [name === '.dockerignore' ? 'Dockerfile.dockerignore' : name, text]));
}
