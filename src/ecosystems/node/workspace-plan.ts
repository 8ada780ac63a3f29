// The Node view for an app inside a workspace (monorepo). Same stages as a single package, with
// the repository root as the build context: the root install files plus the app's workspace
// manifests are copied before an install scoped to the app, production dependencies are
// installed for the app alone, and the final stage gets the app and the workspace packages it
// imports at their repository paths, so the links in node_modules resolve.
// Sources for each package manager's scoping flags:
// - npm --workspace / --include-workspace-root: https://docs.npmjs.com/cli/using-npm/workspaces
// - pnpm --filter "<name>..." (the package and its dependencies): https://pnpm.io/filtering
// - yarn 2+ `workspaces focus [--production]`, `workspaces foreach --recursive --topological --from`:
//   https://yarnpkg.com/cli/workspaces/focus, https://yarnpkg.com/cli/workspaces/foreach
// - turbo run --filter: https://turbo.build/repo/docs/reference/run ; nx run <project>:<target>: https://nx.dev/reference/nx-commands
// pnpm deploy is not used: pnpm 10 needs inject-workspace-packages (or --legacy) for it, and the
// files it copies depend on the app's "files"/.npmignore/.gitignore (https://pnpm.io/cli/deploy).
import type { NodeFacts } from './types.js';
import type { WorkspaceFacts } from './workspaces.js';
import type { PackageManagerRecipe } from './knowledge/package-managers.js';

export interface CopyStep {
  /** Stage to copy from, or null for the build context. */
  from: string | null;
  source: string;
  target: string;
}

/** The fields a single-package view has for these keys (what nodeView returns without a workspace). */
export function singlePackageFields() {
  return {
    workspaceManifests: [] as Array<{ source: string; target: string }>,
    depsCopy: { source: '/app/node_modules', target: './node_modules' },
    appWorkdir: null as string | null,
    workspace: null as { appDir: string; dockerfile: string; context: string } | null,
  };
}

export function workspaceView(facts: NodeFacts, ws: WorkspaceFacts, recipe: PackageManagerRecipe) {
  // Yarn 1 has no per-workspace install: detection then lists every workspace manifest.
  const manifests = ws.allManifests ?? ws.manifests;
  const install = scopedInstall(facts, ws, recipe);
  const buildCommand = ws.buildOrder.length === 0 && ws.orchestrator === null ? null : workspaceBuild(facts, ws);
  const app = ws.appDir;
  const from = buildCommand === null ? null : 'build';
  const stagePath = (path: string) => (from === null ? path : `/app/${path}`);
  const appCopies: CopyStep[] = buildCommand === null || facts.runtimeFiles === null
    ? [{ from, source: stagePath(app), target: `./${app}` }]
    : facts.runtimeFiles.map((path) => ({
        from,
        source: `/app/${app}/${path}`,
        // Next.js standalone output mirrors the repository (apps/web/server.js, node_modules).
        target: path === '.next/standalone' ? './' : `./${app}/${path}`,
      }));
  const packageCopies: CopyStep[] = ws.runtimePackages.map((dir) => ({ from, source: stagePath(dir), target: `./${dir}` }));
  return {
    workspaceManifests: manifests.map((path) => ({ source: path, target: `${path.slice(0, -'package.json'.length)}` })),
    installAll: install.all,
    installProd: install.prod,
    buildCommand,
    // The deps stage holds only manifests and node_modules folders: all of it goes to the final stage.
    depsCopy: { source: '/app', target: './' },
    copySources: false,
    copies: [...packageCopies, ...appCopies],
    appWorkdir: `/app/${app}`,
    workspace: { appDir: app, dockerfile: `${app}/Dockerfile`, context: ws.context },
  };
}

function scopedInstall(facts: NodeFacts, ws: WorkspaceFacts, recipe: PackageManagerRecipe): { all: string[]; prod: string[] } {
  switch (facts.packageManager.value) {
    case 'npm':
      // The root's devDependencies (typescript, turbo) are part of most monorepo builds.
      return {
        all: [...recipe.installAll, `--workspace=${ws.appDir}`, '--include-workspace-root'],
        prod: [...recipe.installProd, `--workspace=${ws.appDir}`],
      };
    case 'pnpm':
      return {
        all: withFilter(recipe.installAll, `${ws.appName}...`),
        prod: withFilter(recipe.installProd, `${ws.appName}...`),
      };
    case 'yarn':
      return facts.yarnBerry
        ? { all: ['yarn', 'workspaces', 'focus', ws.appName], prod: ['yarn', 'workspaces', 'focus', '--production', ws.appName] }
        // Yarn 1 cannot install one workspace: it installs them all (every manifest is copied).
        : { all: recipe.installAll, prod: recipe.installProd };
    case 'bun':
      throw new Error('bun workspaces are refused by detection');
  }
}

/** pnpm takes --filter before the command's own flags: `pnpm install --filter=api... --frozen-lockfile`. */
function withFilter(command: string[], selector: string): string[] {
  const [tool, verb, ...rest] = command;
  return [tool!, verb!, `--filter=${selector}`, ...rest];
}

function workspaceBuild(facts: NodeFacts, ws: WorkspaceFacts): string[] {
  const pm = facts.packageManager.value;
  const exec = pm === 'pnpm' ? ['pnpm', 'exec'] : pm === 'yarn' ? ['yarn'] : ['npx', '--no-install'];
  if (ws.orchestrator === 'turbo') return [...exec, 'turbo', 'run', 'build', `--filter=${ws.appName}`];
  if (ws.orchestrator === 'nx') return [...exec, 'nx', 'run', `${ws.appName}:build`];
  switch (pm) {
    case 'npm':
      // npm runs the script in each named workspace; they are listed dependencies first.
      return ['npm', 'run', 'build', ...ws.buildOrder.map((b) => `--workspace=${b.dir}`)];
    case 'pnpm':
      // pnpm runs filtered scripts in dependency order and skips packages without the script.
      return ['pnpm', `--filter=${ws.appName}...`, 'run', 'build'];
    case 'yarn':
      return facts.yarnBerry
        ? ['yarn', 'workspaces', 'foreach', '--recursive', '--topological', '--from', ws.appName, 'run', 'build']
        : ['yarn', 'workspace', ws.appName, 'run', 'build'];
    case 'bun':
      throw new Error('bun workspaces are refused by detection');
  }
}
