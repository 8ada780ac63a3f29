// Building an image with the chosen engine, streaming its output into the build log and the
// progress lines, bounded by a timeout.
import { execStreaming } from './exec.js';
import { BuildLog, type BuildStep } from './build-log.js';
import { engineEnv, type Engine } from './engine.js';
import type { Progress } from './progress.js';

export interface BuildRequest {
  context: string;
  dockerfile: string;
  tag: string;
  /**
   * Keep intermediate layers so a rebuild can reuse them. Off for throw-away builds (the naive
   * image): with podman's vfs storage every kept layer is a full copy.
   */
  layers: boolean;
  timeoutMs: number;
  /** The Dockerfile has a HEALTHCHECK, which the image must keep. */
  healthcheck?: boolean;
}

export interface BuildResult {
  ok: boolean;
  seconds: number;
  steps: BuildStep[];
  /** The engine's last lines, for the error message when the build failed. */
  lastLines: string[];
  timedOut: boolean;
  startError: string | null;
}

export function buildArgs(engine: Engine, request: BuildRequest): string[] {
  const args = ['build', '-t', request.tag, '-f', request.dockerfile];
  if (engine.kind === 'docker') args.push('--progress=plain');
  // buildah keeps no layers unless asked; podman keeps them unless told not to.
  if (engine.kind === 'buildah' && request.layers) args.push('--layers');
  if (engine.kind === 'podman' && !request.layers) args.push('--layers=false');
  // podman and buildah write OCI images by default, and the OCI format has no HEALTHCHECK: it is
  // dropped with a warning unless the image is written in Docker's format.
  if (request.healthcheck === true && engine.kind !== 'docker') args.push('--format', 'docker');
  args.push(request.context);
  return args;
}

export async function buildImage(engine: Engine, request: BuildRequest, progress: Progress): Promise<BuildResult> {
  const log = new BuildLog();
  const started = Date.now();
  const result = await execStreaming(
    engine.command,
    buildArgs(engine, request),
    { timeoutMs: request.timeoutMs, env: engineEnv(engine) },
    (line) => {
      const event = log.push(line);
      if (event?.kind === 'step') progress.step(event.step);
      else if (event?.kind === 'cached') progress.cached(event.step);
    },
  );
  progress.stop();
  return {
    ok: result.exitCode === 0,
    seconds: (Date.now() - started) / 1000,
    steps: log.steps,
    lastLines: log.lastLines(),
    timedOut: result.timedOut,
    startError: result.startError,
  };
}

/**
 * podman/buildah fail this way when another process removes an image while a build looks at it
 * as a cache candidate ("checking if cached image exists from a previous build: getting top layer
 * info: layer not known"). Nothing is wrong with the Dockerfile; one more try normally passes.
 */
const STORAGE_RACE = /layer not known|image not known|identifier is not an image/;

export function isStorageRace(result: BuildResult): boolean {
  return !result.ok && result.lastLines.slice(-3).some((line) => STORAGE_RACE.test(line));
}
