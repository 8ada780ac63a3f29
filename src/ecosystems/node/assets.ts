// A package.json that builds a front end for another ecosystem's app (a Vite UI a Go server
// embeds): the stage that installs with the folder's own package manager and runs its build
// script in a Node builder, so the folder the app needs exists when the app is built.
import type { Project } from '../../project.js';
import type { AssetStage } from '../../types.js';
import { qualifiedImage } from '../../plan/choose-base.js';
import { nodeImages } from './knowledge/images.js';
import { packageManagerRecipe, packageManagerSetup } from './knowledge/package-managers.js';
import { resolveNodeMajor } from './knowledge/versions.js';
import { readPackageJson } from './manifest.js';
import { detectPackageManager } from './package-manager.js';
import { detectNodeVersion } from './version.js';

/**
 * The stage that builds `output` from the package.json in `dir`, or null when that folder has no
 * package.json with the scripts (`build` unless the need names others: a Rails app's jsbundling
 * `build` and cssbundling `build:css`), or `output` is not inside it (the build writes its own tree).
 */
export function nodeAssetBuilder(project: Project, dir: string, output: string, now: Date, scripts: string[] = ['build']): AssetStage | null {
  const prefix = dir === '.' ? '' : `${dir}/`;
  if (!project.isFile(`${prefix}package.json`) || (prefix !== '' && !output.startsWith(prefix))) return null;
  const folder = prefix === '' ? project : project.sub(dir);
  let pkg;
  try {
    pkg = readPackageJson(folder);
  } catch {
    return null; // a package.json that does not parse builds nothing we can rely on
  }
  if (scripts.length === 0 || scripts.some((name) => (pkg.scripts[name] ?? '').trim() === '')) return null;
  const pm = detectPackageManager(folder, pkg, undefined);
  const version = detectNodeVersion(folder, pkg, now);
  const major = resolveNodeMajor(version.runtime.constraint, now);
  if (major === null) return null;
  const recipe = packageManagerRecipe(pm.packageManager.value, { lockfile: pm.lockfile !== null, yarnBerry: pm.yarnBerry });
  return {
    dir,
    image: qualifiedImage(nodeImages.debianBuilder(String(major))),
    manifests: ['package.json', ...(pm.lockfile ? [pm.lockfile] : []), ...pm.installFiles.filter((f) => f !== 'package.json' && f !== pm.lockfile)],
    setup: packageManagerSetup(pm.packageManager.value, { version: pm.packageManagerVersion, yarnBerry: pm.yarnBerry, nodeMajor: major }) ?? [],
    install: recipe.installAll,
    cacheMount: recipe.cacheDir,
    build: [...recipe.run, scripts[0]!],
    ...(scripts.length > 1 ? { extraBuilds: scripts.slice(1).map((name) => [...recipe.run, name]) } : {}),
    outputDir: output,
    reason: `${prefix}package.json ${scripts.map((name) => `scripts.${name}`).join(' and ')} build${scripts.length > 1 ? '' : 's'} it with ${pm.packageManager.value} (${pm.packageManager.source}) on Node ${major} (${version.runtime.source})`,
  };
}
