// `--verify`: prove the generated Dockerfile by building it, running it and asking the app.
// `--compare`: also build the naive single-stage image and say how much smaller ours is.
//
// Steps: pick the engine -> build -> inspect (size, layers, user, shell) -> run and probe ->
// (naive build) -> clean up. A failed build or start throws VerifyError (a UserError: exit 1)
// with the engine's last lines and what to try. Containers always go; images go unless
// --keep-image. The project is only read.
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { UserError } from '../errors.js';
import type { Output } from '../output.js';
import { buildImage, isStorageRace, type BuildResult } from './build.js';
import { isInstallStep } from './build-log.js';
import { DEFAULT_RUN_TIMEOUTS, runAndProbe, type RunTimeouts } from './container.js';
import { detectEngine, type Engine } from './engine.js';
import { hasShell, inspectImage, removeImage } from './image.js';
import { naiveDockerfile, versionFromDockerfile } from './naive.js';
import type { Ecosystem, NaiveInput } from '../ecosystem.js';
import { silentProgress, stepProgress, type Progress } from './progress.js';
import { prepareWorkspace, type Workspace } from './workspace.js';
import { FileAccess } from '../files/access.js';

import type { VerifyReport } from './report.js';

export { formatVerify, verifyJson, type VerifyReport } from './report.js';

export interface VerifyInput {
  /** The project (read-only here; copied to a temp dir when files are not written). */
  projectDir: string;
  /** Rendered Dockerfile and .dockerignore. */
  files: Record<string, string>;
  /** false with --dry-run: build from a temp copy of the project plus the files. */
  written: boolean;
  /** What differs per language: the naive Dockerfile for --compare, the install-step pattern. */
  ecosystem: Pick<Ecosystem, 'language' | 'naive' | 'installCommand'>;
  port: number | null;
  packageManager: string;
  /** The runtime version the plan chose ("22", "3.13"); read from the Dockerfile's ARG when absent. */
  runtimeVersion?: string | undefined;
  /** --engine or SLIM_IMAGE_ENGINE. */
  engine?: string | undefined;
  keepImage: boolean;
  compare: boolean;
  json: boolean;
  /** Progress goes to output.info (stderr), only when !json. */
  output: Output;
  /** Bounds on every wait; tests shorten them. */
  timeouts?: Partial<VerifyTimeouts>;
}

export interface VerifyTimeouts extends RunTimeouts {
  buildMs: number;
}

const DEFAULT_TIMEOUTS: VerifyTimeouts = { ...DEFAULT_RUN_TIMEOUTS, buildMs: 20 * 60_000 };


/** A failed build or start: exit 1 with the engine's last lines; `partial` holds what is known. */
class VerifyError extends UserError {
  constructor(
    message: string,
    readonly partial: Partial<VerifyReport>,
  ) {
    super(message);
  }
}

export async function verify(input: VerifyInput): Promise<VerifyReport> {
  const timeouts = { ...DEFAULT_TIMEOUTS, ...input.timeouts };
  const engine = await detectEngine(input.engine);
  const say = (text: string) => {
    if (!input.json) input.output.info(text);
  };
  const progress = (label: string): Progress => (input.json ? silentProgress() : stepProgress(input.output, label));
  const id = randomBytes(4).toString('hex');
  const image = `localhost/slim-image-verify-${slug(input.projectDir)}:${id}`;
  const workspace = await prepareWorkspace(input.projectDir, input.files, input.written);
  let kept = false;
  try {
    say(`Verifying with ${engine.kind}: building ${image}`);
    const healthcheck = /^HEALTHCHECK\s+(?!NONE)/m.test(input.files['Dockerfile'] ?? '');
    const request = { context: workspace.context, dockerfile: workspace.dockerfile, tag: image, layers: true, timeoutMs: timeouts.buildMs, healthcheck };
    let build = await buildImage(engine, request, progress('build'));
    if (isStorageRace(build)) {
      say(`The engine's storage changed during the build (${build.lastLines.at(-1) ?? ''}); building once more`);
      build = await buildImage(engine, request, progress('build'));
    }
    if (!build.ok) throw buildFailure(engine, build, input, timeouts);
    // From here the image exists; --keep-image keeps it even when the run fails, to look into.
    kept = input.keepImage;
    say(`Built in ${build.seconds.toFixed(1)} s; inspecting the image`);
    const facts = await inspectImage(engine, image);
    const shell = await hasShell(engine, image);
    const cache = cacheSummary(build, input.ecosystem.installCommand);

    const base = {
      engine: engine.kind,
      image,
      sizeBytes: facts.sizeBytes,
      layers: facts.layers,
      user: facts.user,
      hasShell: shell,
      buildSeconds: round1(build.seconds),
      port: input.port,
      cache,
    };

    let started = false;
    let answered = false;
    let answer: string | null = null;
    let stopSeconds: number | null = null;
    let healthy: boolean | null = null;
    let runSkipped: string | undefined;
    if (engine.kind === 'buildah') {
      runSkipped = 'buildah builds images but does not run them with a published port; use podman or docker to check that the app starts';
      say(`Not started: ${runSkipped}.`);
    } else {
      say(input.port === null ? 'Starting the container (no port: checking it stays up)' : `Starting the container and asking port ${input.port}`);
      const name = `slim-image-verify-${id}`;
      const run = await runAndProbe(engine, image, name, input.port, timeouts, undefined, healthcheck);
      if (run.problem !== null) throw startFailure(engine, image, input, run.problem, run.logTail, { ...base, started: run.started, answered: false, ok: false });
      started = run.started;
      answered = run.answered;
      answer = run.answer;
      stopSeconds = run.stopSeconds;
      healthy = run.healthy;
      if (healthy !== null) say(healthy ? 'The HEALTHCHECK passed' : 'The HEALTHCHECK did not pass');
      if (stopSeconds !== null) say(`Stopped ${stopSeconds.toFixed(1)} s after SIGTERM`);
    }

    let naive: VerifyReport['naive'];
    let naiveProblem: string | undefined;
    if (input.compare) {
      const compared = await buildNaive(engine, input, workspace, timeouts, progress('naive build'), id, facts.sizeBytes, say);
      naive = compared.naive;
      naiveProblem = compared.problem;
    }

    const ok = runSkipped !== undefined ? true : started && (input.port === null || answered) && healthy !== false;
    return { ...base, started, answered, answer, ok, stopSeconds, healthy, naive, naiveProblem, kept, runSkipped };
  } finally {
    if (!kept) await removeImage(engine, image);
    await workspace.dispose();
  }
}

function cacheSummary(build: BuildResult, installCommand: RegExp): VerifyReport['cache'] {
  const install = build.steps.filter((step) => isInstallStep(step, installCommand));
  return {
    steps: build.steps.length,
    cached: build.steps.filter((step) => step.cached).length,
    installStepCached: install.length === 0 ? null : install.every((step) => step.cached),
  };
}

async function buildNaive(
  engine: Engine,
  input: VerifyInput,
  workspace: Workspace,
  timeouts: VerifyTimeouts,
  progress: Progress,
  id: string,
  finalBytes: number,
  say: (text: string) => void,
): Promise<{ naive?: VerifyReport['naive']; problem?: string }> {
  const version = input.runtimeVersion ?? versionFromDockerfile(input.files['Dockerfile'] ?? '');
  if (version === null) return { problem: 'the runtime version is unknown, so there is no naive image to compare with' };
  const dockerfile = naiveDockerfile(input.ecosystem, naiveInput(input, workspace.context, version));
  if (dockerfile === null) return { problem: `no naive Dockerfile is known for ${input.ecosystem.language} with ${input.packageManager}` };
  const file = path.join(workspace.scratch, 'naive.Dockerfile');
  new FileAccess(workspace.scratch, undefined, 'the scratch folder').writeFresh(file, 'naive.Dockerfile', dockerfile);
  const image = `localhost/slim-image-verify-naive-${slug(input.projectDir)}:${id}`;
  say(`Comparing: building the naive single-stage image ${image}`);
  try {
    // No layers kept: this image is thrown away, and with vfs storage each layer is a full copy.
    const build = await buildImage(
      engine,
      { context: workspace.context, dockerfile: file, tag: image, layers: false, timeoutMs: timeouts.buildMs },
      progress,
    );
    if (!build.ok) {
      return { problem: `the naive image did not build (${build.lastLines.at(-1) ?? 'no output'})` };
    }
    const facts = await inspectImage(engine, image);
    return { naive: { image, sizeBytes: facts.sizeBytes, ratio: finalBytes > 0 ? facts.sizeBytes / finalBytes : 0 } };
  } finally {
    await removeImage(engine, image);
  }
}

function naiveInput(input: VerifyInput, context: string, version: string): NaiveInput {
  // The copy of the project, read through the file layer like the project itself.
  const access = new FileAccess(context);
  const at = (name: string) => path.join(context, name);
  return {
    packageManager: input.packageManager,
    runtimeVersion: version,
    has: (name) => {
      const kind = access.probe(at(name)).kind;
      return kind !== 'missing' && kind !== 'outside';
    },
    read: (name) => {
      try {
        return access.readBytes(at(name), name)?.toString('utf8') ?? null;
      } catch {
        return null;
      }
    },
  };
}

function buildFailure(engine: Engine, build: BuildResult, input: VerifyInput, timeouts: VerifyTimeouts): VerifyError {
  const where = input.written ? input.projectDir : 'a temporary copy of the project';
  const why = build.startError
    ? `${engine.command} could not start (${build.startError})`
    : build.timedOut
      ? `the build did not finish within ${Math.round(timeouts.buildMs / 60_000)} minutes`
      : `the build failed`;
  const tail = build.lastLines.map((line) => `  | ${line}`).join('\n');
  return new VerifyError(
    `--verify: ${why} (${engine.kind}, in ${where}). The engine's last lines:\n${tail}\n` +
      `Try: run "${engine.command} build -f Dockerfile ." in the project for the whole log; check that the base images ` +
      'can be pulled and that the lockfile matches the manifest; --base slim is the most forgiving final image. ' +
      (input.written ? 'The written Dockerfile and .dockerignore stay as they are.' : 'Nothing was written.'),
    { engine: engine.kind, buildSeconds: round1(build.seconds), started: false, answered: false, ok: false },
  );
}

function startFailure(
  engine: Engine,
  image: string,
  input: VerifyInput,
  problem: string,
  logTail: string[],
  partial: Partial<VerifyReport>,
): VerifyError {
  const tail = logTail.length > 0 ? logTail.map((line) => `  | ${line}`).join('\n') : '  | (no output)';
  const port = input.port;
  const hints =
    port === null
      ? 'check the start command (--cmd), or pass --port if the app serves one'
      : `check that the app listens on 0.0.0.0:${port} (not 127.0.0.1) and that --port and --cmd are right`;
  return new VerifyError(
    `--verify: the image built, but ${problem}. The container's last lines:\n${tail}\n` +
      `Try: ${hints}; rerun with --keep-image and "${engine.command} run --rm ${port === null ? '' : `-p 127.0.0.1:${port}:${port} `}${image}" to watch it.`,
    partial,
  );
}

/** The project folder's name, made safe for an image name. */
function slug(dir: string): string {
  const name = path
    .basename(path.resolve(dir))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40);
  return name === '' ? 'app' : name;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
