// The build step and what it leaves for the final image: `scripts.build`, TypeScript output
// (tsconfig outDir), framework output folders, and the list of paths the final stage copies.
import type { Project } from '../../project.js';
import type { StartCommand } from '../../types.js';
import { NEXT_STANDALONE, RUNTIME_ASSET_FOLDERS } from './knowledge/frameworks.js';
import { hasDependency, type PackageJson } from './manifest.js';
import { NEXT_CONFIG_FILES, type FrameworkResult } from './framework.js';
import { nodeEntry } from './start.js';
import { tsconfigOutDir } from './tsconfig.js';


/** Folders that only a build produces: a start command running from one of them implies that output. */
const BUILD_FOLDERS = ['dist', 'build', 'out', 'lib', '.output'];

export interface BuildResult {
  buildScript: string | null;
  typescript: boolean;
  /** The build output folder, or null when unknown or nothing is built. */
  output: string | null;
  runtimeFiles: string[] | null;
  selfContained: boolean;
  env: Record<string, string>;
  warnings: string[];
}

export function detectBuild(project: Project, pkg: PackageJson, fw: FrameworkResult, start: StartCommand, buildSteps: string[] = []): BuildResult {
  const warnings: string[] = [];
  const typescript = hasDependency(pkg, 'typescript') || project.isFile('tsconfig.json');
  // The build script, else a build step the start script ran before the server (`npm run assets && node app.js`).
  const buildScript = pkg.scripts.build !== undefined && pkg.scripts.build.trim() !== '' ? 'build' : (buildSteps[0] ?? null);
  const skipped = buildSteps.filter((step) => step !== buildScript);
  if (skipped.length > 0) {
    warnings.push(
      `The start script also runs ${skipped.map((s) => `scripts.${s}`).join(', ')} before the server; the build stage runs only scripts.${buildScript}, ` +
        'so make that script run the others too.',
    );
  }
  const rule = fw.rule;
  const env = { ...(rule?.env ?? {}), ...(fw.nextStandalone ? NEXT_STANDALONE.env : {}) };

  if (buildScript === null) {
    if (rule?.output) warnings.push(`${rule.name} apps need a production build, but package.json has no scripts.build; add one (${rule.source}).`);
    return { buildScript, typescript, output: null, runtimeFiles: null, selfContained: false, env, warnings };
  }

  const tsOut = typescript ? tsconfigOutDir(project) : null;
  const entry = nodeEntry(start);
  const entryFolder = entry === null ? null : (BUILD_FOLDERS.find((f) => entry.startsWith(`${f}/`) || entry === f) ?? null);
  const output = rule?.id === 'nestjs' && tsOut ? tsOut : (rule?.output ?? tsOut ?? entryFolder);

  if (fw.nextStandalone) {
    return {
      buildScript, typescript, output: '.next',
      runtimeFiles: NEXT_STANDALONE.runtimeFiles.filter((p) => p.startsWith('.next/') || project.exists(p)),
      selfContained: true, env, warnings,
    };
  }
  if (output === null) return { buildScript, typescript, output, runtimeFiles: null, selfContained: false, env, warnings };

  const selfContained = rule?.selfContained ?? false;
  let runtimeFiles: string[];
  if (rule?.runtimeFiles) {
    // Build outputs are there after the build; everything else only if the project has it.
    // The rule names the framework's default output folder; a project that moves it (NestJS with
    // another tsconfig outDir) gets its own folder copied instead.
    const moved = rule.output !== null && rule.output !== output
      ? rule.runtimeFiles.map((p) => (p === rule.output ? output : p.startsWith(`${rule.output}/`) ? `${output}${p.slice(rule.output!.length)}` : p))
      : rule.runtimeFiles;
    runtimeFiles = moved.filter((p) => p === output || p.startsWith(`${output}/`) || project.exists(p));
    if (rule.id === 'next') runtimeFiles.push(...NEXT_CONFIG_FILES.filter((f) => project.isFile(f)));
  } else {
    runtimeFiles = [output, 'package.json', ...RUNTIME_ASSET_FOLDERS.filter((f) => project.isDir(f))];
  }
  return { buildScript, typescript, output, runtimeFiles: [...new Set(runtimeFiles)], selfContained, env, warnings };
}
