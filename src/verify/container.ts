// Start the built image the way a user would (detached, its port published on 127.0.0.1 only),
// decide whether it works, and always remove the container.
import { exec as defaultExec, lastLines, type Exec } from './exec.js';
import type { Engine } from './engine.js';
import { freePort, sleep, waitForAnswer } from './probe.js';

export interface RunTimeouts {
  /** How long the app may take to answer on its port. */
  answerMs: number;
  /** With no port: how long the process must stay up. */
  stayUpMs: number;
}

export const DEFAULT_RUN_TIMEOUTS: RunTimeouts = { answerMs: 60_000, stayUpMs: 4_000 };

export interface RunOutcome {
  started: boolean;
  answered: boolean;
  hostPort: number | null;
  /** The first line the app answered, e.g. "HTTP/1.1 200 OK". */
  answer: string | null;
  /** Why it did not work, with the container's last log lines; null when it worked. */
  problem: string | null;
  logTail: string[];
  /**
   * Seconds from asking the running container to stop (SIGTERM, then SIGKILL after STOP_GRACE_S)
   * until it had exited; null when it was not running to be stopped.
   */
  stopSeconds: number | null;
  /** The image's HEALTHCHECK passed (true), failed until the deadline (false), or there is none (null). */
  healthy: boolean | null;
}

/** docker stop's default grace period: what an orchestrator gives the app before SIGKILL. */
export const STOP_GRACE_S = 10;

const COMMAND_TIMEOUT_MS = 60_000;

export async function runAndProbe(
  engine: Engine,
  image: string,
  name: string,
  port: number | null,
  timeouts: RunTimeouts,
  exec: Exec = defaultExec,
  healthcheck = false,
): Promise<RunOutcome> {
  const hostPort = port === null ? null : await freePort();
  const publish = port === null ? [] : ['-p', `127.0.0.1:${hostPort}:${port}`];
  const started = await exec(engine.command, ['run', '-d', '--name', name, ...publish, image], {
    timeoutMs: COMMAND_TIMEOUT_MS,
  });
  if (started.exitCode !== 0) {
    const tail = lastLines(`${started.stdout}\n${started.stderr}`, 10);
    return { started: false, answered: false, hostPort, answer: null, problem: 'the container did not start', logTail: tail, stopSeconds: null, healthy: null };
  }
  try {
    const exited = async () => !(await isRunning(engine, name, exec));
    if (port !== null && hostPort !== null) {
      const result = await waitForAnswer('127.0.0.1', hostPort, Date.now() + timeouts.answerMs, exited);
      if (result.answered) {
        const healthy = healthcheck ? await waitHealthy(engine, name, timeouts.answerMs, exec) : null;
        return { started: true, answered: true, hostPort, answer: result.firstLine, problem: null, logTail: [], healthy, stopSeconds: await timeStop(engine, name, exec) };
      }
      const gone = await exited();
      return {
        started: !gone,
        answered: false,
        hostPort,
        answer: null,
        problem: gone
          ? 'the container exited before it answered'
          : `nothing answered on port ${port} within ${Math.round(timeouts.answerMs / 1000)} s`,
        logTail: await logTail(engine, name, exec),
        stopSeconds: null,
        healthy: null,
      };
    }
    const deadline = Date.now() + timeouts.stayUpMs;
    while (Date.now() < deadline) {
      if (await exited()) {
        return { started: false, answered: false, hostPort, answer: null, problem: 'the container exited', logTail: await logTail(engine, name, exec), stopSeconds: null, healthy: null };
      }
      await sleep(500);
    }
    const up = !(await exited());
    return {
      started: up,
      answered: false,
      hostPort,
      answer: null,
      problem: up ? null : 'the container exited',
      logTail: up ? [] : await logTail(engine, name, exec),
      healthy: null,
      stopSeconds: up ? await timeStop(engine, name, exec) : null,
    };
  } finally {
    await removeContainer(engine, name, exec);
  }
}

async function isRunning(engine: Engine, name: string, exec: Exec): Promise<boolean> {
  const result = await exec(engine.command, ['inspect', '--format', '{{.State.Running}}', name], {
    timeoutMs: COMMAND_TIMEOUT_MS,
  });
  return result.exitCode === 0 && result.stdout.trim() === 'true';
}

async function logTail(engine: Engine, name: string, exec: Exec): Promise<string[]> {
  const result = await exec(engine.command, ['logs', '--tail', '20', name], { timeoutMs: COMMAND_TIMEOUT_MS });
  return lastLines(`${result.stdout}\n${result.stderr}`, 20);
}

/**
 * Waits for the image's HEALTHCHECK to pass. podman runs it on request (`healthcheck run`, exit 0
 * when healthy: https://docs.podman.io/en/latest/markdown/podman-healthcheck-run.1.html), which
 * needs no systemd timer; docker runs it on its own schedule, so its status is polled
 * (https://docs.docker.com/reference/dockerfile/#healthcheck). Called once the app answers.
 */
async function waitHealthy(engine: Engine, name: string, withinMs: number, exec: Exec): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    if (engine.kind === 'podman') {
      const run = await exec(engine.command, ['healthcheck', 'run', name], { timeoutMs: COMMAND_TIMEOUT_MS });
      if (run.exitCode === 0) return true;
    } else {
      const status = await exec(engine.command, ['inspect', '--format', '{{if .State.Health}}{{.State.Health.Status}}{{end}}', name], { timeoutMs: COMMAND_TIMEOUT_MS });
      const health = status.stdout.trim();
      if (health === 'healthy') return true;
      if (health === 'unhealthy' || health === '') return false;
    }
    await sleep(1_000);
  }
  return false;
}

/**
 * Stops the container as an orchestrator would (`stop` sends the image's STOPSIGNAL, SIGTERM by
 * default, and SIGKILL after the grace period: https://docs.docker.com/reference/cli/docker/container/stop/)
 * and measures how long it took. An app that ignores the signal costs the whole grace period.
 */
async function timeStop(engine: Engine, name: string, exec: Exec): Promise<number | null> {
  const started = performance.now();
  const stopped = await exec(engine.command, ['stop', '-t', String(STOP_GRACE_S), name], { timeoutMs: COMMAND_TIMEOUT_MS });
  const seconds = (performance.now() - started) / 1000;
  return stopped.exitCode === 0 ? Math.round(seconds * 10) / 10 : null;
}

/** Kill at once: an app without a SIGTERM handler as PID 1 would otherwise cost the stop timeout. */
async function removeContainer(engine: Engine, name: string, exec: Exec = defaultExec): Promise<void> {
  const args = engine.kind === 'podman' ? ['rm', '-f', '-t', '0', name] : ['rm', '-f', name];
  await exec(engine.command, args, { timeoutMs: COMMAND_TIMEOUT_MS });
}
