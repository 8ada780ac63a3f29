import { describe, expect, it } from 'vitest';
import { detectEngine } from '../../src/verify/engine.js';
import type { Exec, ExecResult } from '../../src/verify/exec.js';
import { UserError } from '../../src/errors.js';

const ok = (stdout = ''): ExecResult => ({ exitCode: 0, stdout, stderr: '', failed: false, timedOut: false });
const fails = (stderr: string): ExecResult => ({ exitCode: 1, stdout: '', stderr, failed: false, timedOut: false });
const missing: ExecResult = { exitCode: undefined, stdout: '', stderr: '', failed: true, timedOut: false };

/** A fake machine: command name -> what its probe returns; records what was run. */
function machine(answers: Record<string, ExecResult>): Exec & { calls: string[] } {
  const calls: string[] = [];
  const run: Exec = async (command, args) => {
    calls.push(`${command} ${args.join(' ')}`);
    return answers[command] ?? answers[`${command} ${args[0]}`] ?? missing;
  };
  return Object.assign(run, { calls });
}

describe('detectEngine (automatic)', () => {
  it('takes docker when its daemon answers', async () => {
    const exec = machine({ docker: ok('27.1.0'), podman: ok() });
    expect(await detectEngine(undefined, exec)).toEqual({ kind: 'docker', command: 'docker' });
  });

  it('skips a docker client without a daemon and takes podman', async () => {
    const exec = machine({
      docker: fails('Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?'),
      podman: ok('runc'),
    });
    expect(await detectEngine(undefined, exec)).toEqual({ kind: 'podman', command: 'podman' });
    expect(exec.calls[0]).toMatch(/^docker info/);
  });

  it('falls back to buildah last', async () => {
    const exec = machine({ buildah: ok('{}') });
    expect((await detectEngine(undefined, exec)).kind).toBe('buildah');
    expect(exec.calls.map((c) => c.split(' ')[0])).toEqual(['docker', 'podman', 'buildah']);
  });

  it('fails with what was tried and what to do when nothing works', async () => {
    const exec = machine({ docker: fails('Cannot connect to the Docker daemon') });
    const error = await detectEngine(undefined, exec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect(String((error as Error).message)).toMatch(/docker: Cannot connect to the Docker daemon; podman: not installed; buildah: not installed/);
    expect(String((error as Error).message)).toMatch(/--engine/);
  });
});

describe('detectEngine (asked for)', () => {
  it('uses the named engine and does not try others', async () => {
    const exec = machine({ podman: ok(), docker: ok() });
    expect(await detectEngine('podman', exec)).toEqual({ kind: 'podman', command: 'podman' });
    expect(exec.calls).toHaveLength(1);
  });

  it('refuses a named engine that does not work, without falling back', async () => {
    const exec = machine({ docker: fails('Cannot connect to the Docker daemon'), podman: ok() });
    await expect(detectEngine('docker', exec)).rejects.toThrow(/"docker" does not work here: Cannot connect/);
  });

  it('knows a wrapper path by its file name', async () => {
    const exec = machine({ '/opt/tools/podman.sh': ok() });
    expect(await detectEngine('/opt/tools/podman.sh', exec)).toEqual({ kind: 'podman', command: '/opt/tools/podman.sh' });
  });

  it('asks --version for a path with an unknown name', async () => {
    const exec = machine({
      '/usr/local/bin/ctr-engine --version': ok('podman version 5.2.0'),
      '/usr/local/bin/ctr-engine info': ok(),
    });
    expect(await detectEngine('/usr/local/bin/ctr-engine', exec)).toEqual({ kind: 'podman', command: '/usr/local/bin/ctr-engine' });
  });

  it('rejects an unknown name', async () => {
    await expect(detectEngine('nerdctl', machine({}))).rejects.toThrow(/Unknown container engine "nerdctl"/);
  });
});
