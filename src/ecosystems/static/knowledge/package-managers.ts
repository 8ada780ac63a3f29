// How each package manager installs everything for the build, reproducibly. Sources:
// npm ci https://docs.npmjs.com/cli/commands/npm-ci; yarn classic --frozen-lockfile
// https://classic.yarnpkg.com/lang/en/docs/cli/install/; yarn berry --immutable
// https://yarnpkg.com/cli/install; pnpm --frozen-lockfile --store-dir https://pnpm.io/cli/install;
// bun --frozen-lockfile https://bun.sh/docs/cli/install. Cache folders are mounted with
// RUN --mount=type=cache (https://docs.docker.com/build/cache/optimize/#use-cache-mounts).
// Corepack and yarn are not in the Node >= 25 images (https://github.com/nodejs/docker-node#corepack),
// so package managers are installed with npm, which every official node image has.

export type SitePackageManager = 'npm' | 'yarn' | 'pnpm' | 'bun';

export interface Recipe {
  install: string[];
  cacheDir: string;
  run: string[];
}

export function recipe(pm: SitePackageManager, opts: { lockfile: boolean; yarnBerry: boolean }): Recipe {
  switch (pm) {
    case 'npm':
      return { install: opts.lockfile ? ['npm', 'ci'] : ['npm', 'install'], cacheDir: '/root/.npm', run: ['npm', 'run'] };
    case 'yarn':
      return opts.yarnBerry
        ? { install: ['yarn', 'install', '--immutable'], cacheDir: '/root/.yarn/berry/cache', run: ['yarn', 'run'] }
        : { install: ['yarn', 'install', '--frozen-lockfile'], cacheDir: '/usr/local/share/.cache/yarn', run: ['yarn', 'run'] };
    case 'pnpm':
      return { install: ['pnpm', 'install', '--frozen-lockfile', '--store-dir=/pnpm/store'], cacheDir: '/pnpm/store', run: ['pnpm', 'run'] };
    case 'bun':
      return { install: ['bun', 'install', '--frozen-lockfile'], cacheDir: '/root/.bun/install/cache', run: ['bun', 'run'] };
  }
}

/** Commands that put the package manager into the builder, or null when the image has it. */
export function setup(pm: SitePackageManager, opts: { version: string | null; yarnBerry: boolean; nodeMajor: number }): string[][] | null {
  switch (pm) {
    case 'npm':
      return opts.version ? [['npm', 'install', '--global', `npm@${opts.version}`]] : null;
    case 'yarn':
      if (opts.yarnBerry) return opts.nodeMajor >= 25 ? [['npm', 'install', '--global', 'corepack@0.34'], ['corepack', 'enable']] : [['corepack', 'enable']];
      if (opts.nodeMajor >= 25 || opts.version) return [['npm', 'install', '--global', '--force', `yarn@${opts.version ?? '1.22.22'}`]];
      return null;
    case 'pnpm':
      return [['npm', 'install', '--global', `pnpm@${opts.version ?? '9'}`]];
    case 'bun':
      return [['npm', 'install', '--global', `bun@${opts.version ?? '1'}`]];
  }
}

/** Lockfiles in the order they decide the package manager. */
export const LOCKFILES: ReadonlyArray<{ file: string; pm: SitePackageManager; source: string }> = [
  { file: 'pnpm-lock.yaml', pm: 'pnpm', source: 'https://pnpm.io/git#lockfiles' },
  { file: 'yarn.lock', pm: 'yarn', source: 'https://classic.yarnpkg.com/lang/en/docs/yarn-lock/' },
  { file: 'bun.lock', pm: 'bun', source: 'https://bun.sh/docs/install/lockfile' },
  { file: 'bun.lockb', pm: 'bun', source: 'https://bun.sh/docs/install/lockfile' },
  { file: 'package-lock.json', pm: 'npm', source: 'https://docs.npmjs.com/cli/configuring-npm/package-lock-json' },
  { file: 'npm-shrinkwrap.json', pm: 'npm', source: 'https://docs.npmjs.com/cli/configuring-npm/npm-shrinkwrap-json' },
];
