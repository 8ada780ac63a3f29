// Helpers for the e2e suite: a throw-away copy of a fixture, the CLI run, and what is inside
// an image (by exporting a created, never started, container).
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';

export const REPO = path.resolve(import.meta.dirname, '..', '..');
export const CLI = path.join(REPO, 'bin', 'create-slim-image.cjs');

/** Copies test/fixtures/<name> to a temp folder and gives it a .git folder (fixtures cannot hold one). */
export async function fixtureCopy(name: string, own = false): Promise<{ dir: string; args: string[] }> {
  const source = own ? path.join(REPO, 'test', 'e2e', 'fixtures', name) : path.join(REPO, 'test', 'fixtures', name);
  const dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'slim-image-e2e-')), name);
  await cp(source, dir, { recursive: true });
  await mkdir(path.join(dir, '.git'), { recursive: true });
  await writeFile(path.join(dir, '.git', 'config'), '[core]\n\trepositoryformatversion = 0\n');
  await writeFile(path.join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
  const argsFile = path.join(dir, '.slim-args.json');
  const args = existsSync(argsFile) ? (JSON.parse(await readFile(argsFile, 'utf8')) as string[]) : [];
  return { dir, args };
}

/** Files that must never reach an image: secrets, VCS data and tests (paths relative to the project). */
export async function forbiddenFiles(dir: string): Promise<string[]> {
  const found: string[] = [];
  const walk = async (relative: string): Promise<void> => {
    for (const entry of await readdir(path.join(dir, relative), { withFileTypes: true })) {
      const rel = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.name === 'node_modules' || entry.name === 'vendor') continue;
      if (entry.isDirectory()) {
        await walk(rel);
        continue;
      }
      if (isForbidden(rel)) found.push(rel);
    }
  };
  await walk('');
  return found;
}

function isForbidden(rel: string): boolean {
  const parts = rel.split('/');
  const name = parts.at(-1) ?? '';
  if (parts[0] === '.git') return true;
  if (name === '.env' || name.startsWith('.env.')) return !/\.env\.(example|sample)$/.test(name);
  if (parts.slice(0, -1).some((part) => ['test', 'tests', '__tests__'].includes(part))) return true;
  return /\.(test|spec)\.[cm]?[jt]sx?$/.test(name) || /_test\.go$/.test(name) || /^test_.*\.py$|_test\.py$/.test(name);
}

export interface CliRun {
  exitCode: number | undefined;
  stdout: string;
  stderr: string;
  seconds: number;
}

export async function runCli(args: string[], timeoutMs = 14 * 60_000): Promise<CliRun> {
  const started = Date.now();
  const result = await execa('node', [CLI, ...args], { reject: false, timeout: timeoutMs, stdin: 'ignore', env: { CI: '1' } });
  return {
    exitCode: result.exitCode,
    stdout: String(result.stdout),
    stderr: String(result.stderr),
    seconds: (Date.now() - started) / 1000,
  };
}

/** Every path in the image's filesystem ("app/server.js"), from `create` + `export`, never started. */
export async function imageFiles(engine: string, image: string): Promise<string[]> {
  const created = await execa(engine, ['create', image], { timeout: 60_000 });
  const container = String(created.stdout).trim().split('\n').at(-1) ?? '';
  // To a file: podman cannot export into a pipe it did not open itself ("/dev/stdout: no such device").
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'slim-image-e2e-export-'));
  const tarball = path.join(scratch, 'image.tar');
  try {
    await execa(engine, ['export', '-o', tarball, container], { timeout: 120_000 });
    const listing = await execa('tar', ['-tf', tarball], { timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
    return String(listing.stdout)
      .split('\n')
      .map((line) => line.replace(/^\.?\//, '').replace(/\/$/, ''))
      .filter((line) => line !== '');
  } finally {
    await execa(engine, ['rm', '-f', container], { reject: false, timeout: 60_000 });
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Paths of the image that are (or end with) the project-relative path. */
export function matching(files: string[], relative: string): string[] {
  return files.filter((file) => file === relative || file.endsWith(`/${relative}`));
}

/** Starts the image with its port published on 127.0.0.1, asks each path, then removes the container. */
export async function askPaths(engine: string, image: string, port: number, paths: string[]): Promise<Array<{ path: string; status: number; body: string }>> {
  const { stdout: id } = await execa(engine, ['run', '-d', '-p', `127.0.0.1::${port}`, image], { timeout: 120_000 });
  const container = id.trim();
  try {
    const { stdout: mapped } = await execa(engine, ['port', container, `${port}/tcp`], { timeout: 30_000 });
    const hostPort = /:(\d+)\s*$/m.exec(mapped)?.[1];
    if (!hostPort) throw new Error(`no published port for ${port}: ${mapped}`);
    const answers: Array<{ path: string; status: number; body: string }> = [];
    for (const requested of paths) {
      let last: unknown = null;
      for (let attempt = 0; attempt < 60; attempt++) {
        try {
          const response = await fetch(`http://127.0.0.1:${hostPort}${requested}`);
          answers.push({ path: requested, status: response.status, body: await response.text() });
          last = null;
          break;
        } catch (error) {
          last = error;
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
      if (last !== null) throw last instanceof Error ? last : new Error(String(last));
    }
    return answers;
  } finally {
    await execa(engine, ['rm', '-f', container], { reject: false, timeout: 60_000 });
  }
}
