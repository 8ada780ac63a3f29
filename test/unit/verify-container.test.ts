import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { runAndProbe } from '../../src/verify/container.js';
import type { Exec, ExecResult } from '../../src/verify/exec.js';

const result = (exitCode: number, stdout = '', stderr = ''): ExecResult => ({ exitCode, stdout, stderr, failed: false, timedOut: false });
const podman = { kind: 'podman' as const, command: 'podman' };
const docker = { kind: 'docker' as const, command: 'docker' };

/** A scripted engine: `run` answers as given, `inspect` says running or not, `logs` prints lines. */
function engine(opts: { runs: boolean; running: boolean; logs?: string; onRun?: (args: readonly string[]) => void }) {
  const calls: string[][] = [];
  const exec: Exec = async (_command, args) => {
    calls.push([...args]);
    if (args[0] === 'run') {
      opts.onRun?.(args);
      return opts.runs ? result(0, 'abc123') : result(125, '', 'Error: image not known');
    }
    if (args[0] === 'inspect') return result(0, opts.running ? 'true' : 'false');
    if (args[0] === 'logs') return result(0, '', opts.logs ?? '');
    return result(0);
  };
  return { exec, calls };
}

const servers: net.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

describe('runAndProbe', () => {
  it('publishes the port on 127.0.0.1 only, asks it, and removes the container at once', async () => {
    const server = http.createServer((_req, res) => res.end('hi'));
    servers.push(server);
    const fake = engine({
      runs: true,
      running: true,
      // Stand in for the engine's port forwarder: listen on the host port it was asked to publish.
      onRun: (args) => {
        const publish = args[args.indexOf('-p') + 1] ?? '';
        const [host, hostPort] = publish.split(':');
        server.listen({ host, port: Number(hostPort) });
      },
    });
    const outcome = await runAndProbe(podman, 'img', 'c1', 3000, { answerMs: 5_000, stayUpMs: 100 }, fake.exec);
    expect(outcome).toMatchObject({ started: true, answered: true, answer: 'HTTP/1.1 200 OK', problem: null });
    const run = fake.calls.find((c) => c[0] === 'run') ?? [];
    expect(run.slice(0, 4)).toEqual(['run', '-d', '--name', 'c1']);
    expect(run[run.indexOf('-p') + 1]).toMatch(/^127\.0\.0\.1:\d+:3000$/);
    // Stopped the way an orchestrator stops it (SIGTERM, 10 s grace), timed, then removed.
    expect(fake.calls.at(-2)).toEqual(['stop', '-t', '10', 'c1']);
    expect(outcome.stopSeconds).toEqual(expect.any(Number));
    expect(fake.calls.at(-1)).toEqual(['rm', '-f', '-t', '0', 'c1']);
  });

  it('reports a container that exits, with its last log lines, and still removes it', async () => {
    const fake = engine({ runs: true, running: false, logs: 'Error: Cannot find module /app/server.js' });
    const outcome = await runAndProbe(docker, 'img', 'c2', 3000, { answerMs: 5_000, stayUpMs: 100 }, fake.exec);
    expect(outcome.answered).toBe(false);
    expect(outcome.problem).toBe('the container exited before it answered');
    expect(outcome.logTail).toEqual(['Error: Cannot find module /app/server.js']);
    expect(outcome.stopSeconds).toBeNull();
    expect(fake.calls.some((c) => c[0] === 'stop')).toBe(false);
    expect(fake.calls.at(-1)).toEqual(['rm', '-f', 'c2']);
  });

  it('says the port never answered when the app runs but does not listen', async () => {
    const fake = engine({ runs: true, running: true, logs: 'listening on 127.0.0.1:3000' });
    const outcome = await runAndProbe(podman, 'img', 'c3', 3000, { answerMs: 1_500, stayUpMs: 100 }, fake.exec);
    expect(outcome).toMatchObject({ started: true, answered: false, problem: 'nothing answered on port 3000 within 2 s' });
  });

  it('without a port, counts a process that stays up', async () => {
    const fake = engine({ runs: true, running: true });
    const outcome = await runAndProbe(podman, 'img', 'c4', null, { answerMs: 1_000, stayUpMs: 600 }, fake.exec);
    expect(outcome).toMatchObject({ started: true, answered: false, problem: null });
    expect(fake.calls.find((c) => c[0] === 'run')).not.toContain('-p');
  });

  it('reports an engine that refuses to start the container', async () => {
    const fake = engine({ runs: false, running: false });
    const outcome = await runAndProbe(podman, 'img', 'c5', null, { answerMs: 1_000, stayUpMs: 600 }, fake.exec);
    expect(outcome).toMatchObject({ started: false, problem: 'the container did not start', logTail: ['Error: image not known'] });
  });

  it('with a HEALTHCHECK, asks podman to run it once the app answers, and reports healthy', async () => {
    const server = http.createServer((_req, res) => res.end('hi'));
    servers.push(server);
    let checks = 0;
    const base = engine({ runs: true, running: true, onRun: (args) => {
      const [host, hostPort] = (args[args.indexOf('-p') + 1] ?? '').split(':');
      server.listen({ host, port: Number(hostPort) });
    } });
    const exec: Exec = async (command, args, options) => {
      if (args[0] === 'healthcheck') {
        checks++;
        return result(checks >= 2 ? 0 : 1, checks >= 2 ? 'healthy' : 'unhealthy');
      }
      return base.exec(command, args, options);
    };
    const outcome = await runAndProbe(podman, 'img', 'c6', 3000, { answerMs: 5_000, stayUpMs: 100 }, exec, true);
    expect(outcome.healthy).toBe(true);
    expect(checks).toBe(2);
  });

  it('without a HEALTHCHECK, healthy is null and nothing is asked', async () => {
    const fake = engine({ runs: true, running: true });
    const outcome = await runAndProbe(podman, 'img', 'c7', null, { answerMs: 1_000, stayUpMs: 300 }, fake.exec);
    expect(outcome.healthy).toBeNull();
    expect(fake.calls.some((c) => c[0] === 'healthcheck')).toBe(false);
  });
});
