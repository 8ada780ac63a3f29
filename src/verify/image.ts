// What the engine can tell about a built image, and whether it holds a shell.
import { exec as defaultExec, type Exec } from './exec.js';
import type { Engine } from './engine.js';
import { parseBytes } from './format.js';

export interface ImageFacts {
  sizeBytes: number;
  layers: number;
  /** The configured USER, or "root" when the image sets none. */
  user: string;
}

const TIMEOUT_MS = 60_000;

export async function inspectImage(engine: Engine, image: string, exec: Exec = defaultExec): Promise<ImageFacts> {
  if (engine.kind === 'buildah') return inspectWithBuildah(engine, image, exec);
  const result = await exec(engine.command, ['image', 'inspect', image], { timeoutMs: TIMEOUT_MS });
  if (result.exitCode !== 0) throw new Error(`${engine.command} image inspect ${image} failed: ${result.stderr.trim()}`);
  return parseInspect(result.stdout);
}

/** docker and podman print the same shape: [{ Size, RootFS: { Layers }, Config: { User } }]. */
export function parseInspect(json: string): ImageFacts {
  const parsed = JSON.parse(json) as unknown;
  const first = (Array.isArray(parsed) ? parsed[0] : parsed) as
    | { Size?: number; RootFS?: { Layers?: unknown[] }; Config?: { User?: string } }
    | undefined;
  if (!first || typeof first.Size !== 'number') throw new Error('image inspect printed no Size');
  return {
    sizeBytes: first.Size,
    layers: first.RootFS?.Layers?.length ?? 0,
    user: normaliseUser(first.Config?.User),
  };
}

async function inspectWithBuildah(engine: Engine, image: string, exec: Exec): Promise<ImageFacts> {
  const result = await exec(engine.command, ['inspect', '--type', 'image', image], { timeoutMs: TIMEOUT_MS });
  if (result.exitCode !== 0) throw new Error(`buildah inspect ${image} failed: ${result.stderr.trim()}`);
  const info = JSON.parse(result.stdout) as {
    OCIv1?: { config?: { User?: string }; rootfs?: { diff_ids?: unknown[] } };
  };
  // buildah inspect has no total size; `buildah images --json` has it per image.
  const list = await exec(engine.command, ['images', '--json', image], { timeoutMs: TIMEOUT_MS });
  const rows = list.exitCode === 0 ? (JSON.parse(list.stdout) as Array<{ size?: number | string }>) : [];
  const raw = rows[0]?.size;
  const size = typeof raw === 'number' ? raw : parseBytes(String(raw ?? ''));
  return {
    sizeBytes: size ?? 0,
    layers: info.OCIv1?.rootfs?.diff_ids?.length ?? 0,
    user: normaliseUser(info.OCIv1?.config?.User),
  };
}

function normaliseUser(user: string | undefined): string {
  const value = (user ?? '').trim();
  return value === '' ? 'root' : value;
}

/** "root", "0", "0:0", "root:root" run as uid 0; names and numbers otherwise do not. */
export function isRootUser(user: string): boolean {
  const name = user.split(':')[0]?.trim() ?? '';
  return name === '' || name === 'root' || name === '0';
}

/**
 * True when the image can run a shell: `/bin/sh`, or `sh` anywhere on the image's PATH (the
 * distroless :debug images keep busybox in /busybox). Runs it with the entrypoint replaced and no
 * network; a missing executable makes the runtime fail with exit 126/127.
 */
export async function hasShell(engine: Engine, image: string, exec: Exec = defaultExec): Promise<boolean> {
  for (const shell of ['/bin/sh', 'sh']) {
    if (engine.kind === 'buildah') {
      if (await buildahRuns(engine, image, shell, exec)) return true;
      continue;
    }
    const result = await exec(
      engine.command,
      ['run', '--rm', '--network', 'none', '--entrypoint', shell, image, '-c', 'exit 0'],
      { timeoutMs: TIMEOUT_MS },
    );
    if (result.exitCode === 0) return true;
  }
  return false;
}

async function buildahRuns(engine: Engine, image: string, shell: string, exec: Exec): Promise<boolean> {
  const from = await exec(engine.command, ['from', '--pull=never', image], { timeoutMs: TIMEOUT_MS });
  if (from.exitCode !== 0) return false;
  const container = from.stdout.trim().split('\n').at(-1) ?? '';
  try {
    const result = await exec(engine.command, ['run', '--network', 'none', container, '--', shell, '-c', 'exit 0'], {
      timeoutMs: TIMEOUT_MS,
    });
    return result.exitCode === 0;
  } finally {
    await exec(engine.command, ['rm', container], { timeoutMs: TIMEOUT_MS });
  }
}

export async function removeImage(engine: Engine, image: string, exec: Exec = defaultExec): Promise<void> {
  const args = engine.kind === 'buildah' ? ['rmi', '-f', image] : ['image', 'rm', '-f', image];
  await exec(engine.command, args, { timeoutMs: TIMEOUT_MS });
}
