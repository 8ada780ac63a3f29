// How each Node package manager installs reproducibly inside an image. Sources:
// - npm ci / --omit=dev: https://docs.npmjs.com/cli/commands/npm-ci
// - yarn classic --frozen-lockfile / --production: https://classic.yarnpkg.com/lang/en/docs/cli/install/
// - yarn berry --immutable, `workspaces focus --production`: https://yarnpkg.com/cli/install, https://yarnpkg.com/cli/workspaces/focus
// - pnpm --frozen-lockfile / --prod / --store-dir: https://pnpm.io/cli/install
// - bun --frozen-lockfile / --production: https://bun.sh/docs/cli/install
// - cache folders, mounted with RUN --mount=type=cache (https://docs.docker.com/build/cache/optimize/#use-cache-mounts):
//   npm ~/.npm (https://docs.npmjs.com/cli/v11/using-npm/config#cache); yarn 1 as root on Linux
//   /usr/local/share/.cache/yarn (https://github.com/yarnpkg/yarn/blob/master/src/util/user-home-dir.js);
//   yarn berry ~/.yarn/berry/cache (https://yarnpkg.com/configuration/yarnrc#cacheFolder); bun
//   ~/.bun/install/cache (https://bun.sh/docs/install/cache); pnpm's store is set with --store-dir.
// - Corepack is not shipped with Node >= 25 (docker-node README; nodejs/node#61207), so package
//   managers are installed with npm, which every official node image has.
import type { NodePackageManager } from '../types.js';

export interface PackageManagerRecipe {
  /** Install everything (for the build stage). */
  installAll: string[];
  /** Install production dependencies only (for the final node_modules). */
  installProd: string[];
  /** Cache mount target for the package store. */
  cacheDir: string;
  /** The run-script command prefix: `npm run`. */
  run: string[];
}

export function packageManagerRecipe(pm: NodePackageManager, opts: { lockfile: boolean; yarnBerry: boolean }): PackageManagerRecipe {
  switch (pm) {
    case 'npm':
      return opts.lockfile
        ? { installAll: ['npm', 'ci'], installProd: ['npm', 'ci', '--omit=dev'], cacheDir: '/root/.npm', run: ['npm', 'run'] }
        : { installAll: ['npm', 'install'], installProd: ['npm', 'install', '--omit=dev'], cacheDir: '/root/.npm', run: ['npm', 'run'] };
    case 'yarn':
      return opts.yarnBerry
        ? {
            installAll: ['yarn', 'install', '--immutable'],
            installProd: ['yarn', 'workspaces', 'focus', '--all', '--production'],
            cacheDir: '/root/.yarn/berry/cache',
            run: ['yarn', 'run'],
          }
        : {
            installAll: ['yarn', 'install', '--frozen-lockfile'],
            installProd: ['yarn', 'install', '--frozen-lockfile', '--production'],
            cacheDir: '/usr/local/share/.cache/yarn',
            run: ['yarn', 'run'],
          };
    case 'pnpm':
      return {
        installAll: ['pnpm', 'install', '--frozen-lockfile', '--store-dir=/pnpm/store'],
        installProd: ['pnpm', 'install', '--frozen-lockfile', '--prod', '--store-dir=/pnpm/store'],
        cacheDir: '/pnpm/store',
        run: ['pnpm', 'run'],
      };
    case 'bun':
      return {
        installAll: ['bun', 'install', '--frozen-lockfile'],
        installProd: ['bun', 'install', '--frozen-lockfile', '--production'],
        cacheDir: '/root/.bun/install/cache',
        run: ['bun', 'run'],
      };
  }
}

/**
 * The command that puts the package manager into the builder, or null when the image has it.
 * npm is in every node image; yarn 1 is bundled with node images up to 24; the rest come from
 * the npm registry at the version the project pins (packageManager field) or a safe default.
 */
export function packageManagerSetup(pm: NodePackageManager, opts: { version: string | null; yarnBerry: boolean; nodeMajor: number }): string[][] | null {
  switch (pm) {
    case 'npm':
      return opts.version ? [['npm', 'install', '--global', `npm@${opts.version}`]] : null;
    case 'yarn':
      if (opts.yarnBerry) {
        // Berry is run through corepack, which reads the version from packageManager or .yarnrc.yml's yarnPath.
        return opts.nodeMajor >= 25 ? [['npm', 'install', '--global', 'corepack@0.34'], ['corepack', 'enable']] : [['corepack', 'enable']];
      }
      if (opts.nodeMajor >= 25 || opts.version) return [['npm', 'install', '--global', '--force', `yarn@${opts.version ?? '1.22.22'}`]];
      return null;
    case 'pnpm':
      // pnpm 9 reads lockfile v9 and still runs dependency build scripts (pnpm 10 does not by default).
      return [['npm', 'install', '--global', `pnpm@${opts.version ?? '9'}`]];
    case 'bun':
      return [['npm', 'install', '--global', `bun@${opts.version ?? '1'}`]];
  }
}
