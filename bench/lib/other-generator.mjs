// The other generator: @flydotio/dockerfile (fly-apps/dockerfile-node), the closest existing
// tool. Installed by the bench into bench/.cache/flydotio with `npm install --prefix`, pinned,
// so it is not a dependency of create-slim-image.
//
// How it is run (read from its index.js and gdf.js, version below):
// - it has no dry run: it writes Dockerfile and .dockerignore into the current folder, so it
//   runs on a copy, and those two files are removed before each timed run (each run does the
//   whole work, like ours with --dry-run);
// - `--force` overwrites without asking (otherwise it prompts on a conflict);
// - NODE_ENV=test keeps it from running `npm install` of modules it wants to add (it adds
//   @sveltejs/adapter-node to SvelteKit apps, foreman for --nginx-root);
// - its Dockerfile starts `ARG NODE_VERSION=<full version>` taken from the Node running it or
//   from engines.node, and `FROM node:${NODE_VERSION}-slim`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

export const PACKAGE = '@flydotio/dockerfile';
export const VERSION = '0.7.10';

/** Installs the pinned version into cacheDir when missing; returns the path of its CLI script. */
export function ensureOtherGenerator(cacheDir, log = () => {}) {
  const prefix = path.join(cacheDir, 'flydotio');
  const pkgDir = path.join(prefix, 'node_modules', ...PACKAGE.split('/'));
  const manifest = path.join(pkgDir, 'package.json');
  const installed = existsSync(manifest) ? JSON.parse(readFileSync(manifest, 'utf8')).version : null;
  if (installed !== VERSION) {
    log(`installing ${PACKAGE}@${VERSION} into ${prefix}`);
    mkdirSync(prefix, { recursive: true });
    const npm = spawnSync('npm', ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--loglevel=error', `${PACKAGE}@${VERSION}`], {
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    if (npm.status !== 0) throw new Error(`npm install ${PACKAGE}@${VERSION} failed (exit ${npm.status})`);
  }
  return path.join(pkgDir, JSON.parse(readFileSync(manifest, 'utf8')).bin.dockerfile);
}

/** The environment it runs with (see above). */
export const OTHER_ENV = { NODE_ENV: 'test', NO_COLOR: '1', FORCE_COLOR: '0' };

/** Removes what it writes, so the next run starts from the same tree. */
export function resetOutputs(dir) {
  for (const name of ['Dockerfile', '.dockerignore']) rmSync(path.join(dir, name), { force: true });
}

/** Runs it once in dir (for the image builds); returns its Dockerfile text. */
export function generateWithOther(cli, dir) {
  resetOutputs(dir);
  const run = spawnSync(process.execPath, [cli, '--force'], { cwd: dir, env: { ...process.env, ...OTHER_ENV }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${PACKAGE} failed in ${dir}: ${(run.stderr || run.stdout).trim().split('\n').slice(-3).join(' | ')}`);
  return readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
}
