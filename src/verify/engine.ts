// Which container engine verifies the image. An explicit choice (--engine or SLIM_IMAGE_ENGINE)
// must work or the run stops with what to do; otherwise the first that really works, in the
// order docker, podman, buildah. "Really works" means the engine can reach its storage: a docker
// client without a running daemon does not count (`docker info` fails then).
import path from 'node:path';
import { UsageError, UserError } from '../errors.js';
import { exec as defaultExec, lastLines, type Exec } from './exec.js';

const ENGINE_KINDS = ['docker', 'podman', 'buildah'] as const;
export type EngineKind = (typeof ENGINE_KINDS)[number];

export interface Engine {
  kind: EngineKind;
  /** What to execute: a name on PATH or the path the user gave. */
  command: string;
}

/** The command that proves an engine is usable, per kind. */
const PROBE: Record<EngineKind, string[]> = {
  docker: ['info', '--format', '{{.ServerVersion}}'],
  podman: ['info', '--format', '{{.Host.OCIRuntime.Name}}'],
  buildah: ['info'],
};

const PROBE_TIMEOUT_MS = 20_000;

export async function detectEngine(requested: string | undefined, exec: Exec = defaultExec): Promise<Engine> {
  const wanted = requested?.trim();
  if (wanted) {
    const engine = await namedEngine(wanted, exec);
    const problem = await probe(engine, exec);
    if (problem !== null) {
      throw new UserError(
        `The container engine "${wanted}" does not work here: ${problem}. ` +
          'Start it (for docker: the daemon), or choose another with --engine docker|podman|buildah|<path> ' +
          '(or SLIM_IMAGE_ENGINE), or leave out --verify.',
      );
    }
    return engine;
  }
  const tried: string[] = [];
  for (const kind of ENGINE_KINDS) {
    const engine = { kind, command: kind };
    const problem = await probe(engine, exec);
    if (problem === null) return engine;
    tried.push(`${kind}: ${problem}`);
  }
  throw new UserError(
    `--verify needs a container engine, and none works here (${tried.join('; ')}). ` +
      'Install docker (with a running daemon) or podman, or pass --engine <path>, or leave out --verify.',
  );
}

/** Returns null when the engine works, else a short reason. */
async function probe(engine: Engine, exec: Exec): Promise<string | null> {
  const result = await exec(engine.command, PROBE[engine.kind], { timeoutMs: PROBE_TIMEOUT_MS });
  if (result.exitCode === 0) return null;
  if (result.timedOut) return `"${engine.command} ${PROBE[engine.kind][0]}" did not answer in ${PROBE_TIMEOUT_MS / 1000} s`;
  if (result.failed) return 'not installed';
  const why = lastLines(result.stderr || result.stdout, 1)[0] ?? `exit code ${result.exitCode}`;
  return why.length > 160 ? `${why.slice(0, 157)}...` : why;
}

/** A kind by name, or a path whose kind comes from its file name or its --version text. */
async function namedEngine(wanted: string, exec: Exec): Promise<Engine> {
  if ((ENGINE_KINDS as readonly string[]).includes(wanted)) return { kind: wanted as EngineKind, command: wanted };
  const base = path.basename(wanted).toLowerCase();
  const byName = ENGINE_KINDS.find((kind) => base.startsWith(kind));
  if (byName) return { kind: byName, command: wanted };
  if (!wanted.includes('/') && !wanted.includes(path.sep)) {
    throw new UsageError(`Unknown container engine "${wanted}". Use --engine docker, podman, buildah or the path of one of them.`);
  }
  const version = await exec(wanted, ['--version'], { timeoutMs: PROBE_TIMEOUT_MS });
  const text = `${version.stdout}\n${version.stderr}`.toLowerCase();
  // "Docker version 27...", "podman version 4.3.1", "buildah version 1.28.2"
  const byVersion = ENGINE_KINDS.find((kind) => text.includes(`${kind} version`));
  if (byVersion) return { kind: byVersion, command: wanted };
  throw new UserError(
    `Cannot tell which container engine "${wanted}" is: "${wanted} --version" printed neither docker, podman nor buildah. ` +
      'Pass --engine docker, podman or buildah.',
  );
}

/** Extra environment per engine: docker needs BuildKit for RUN --mount=type=cache. */
export function engineEnv(engine: Engine): Record<string, string> {
  return engine.kind === 'docker' ? { DOCKER_BUILDKIT: '1' } : {};
}
