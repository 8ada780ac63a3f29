import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseWorkspaceApp, findWorkspaceRoot, lockedNames, readWorkspaceLayout, workspaceFacts } from '../../src/ecosystems/node/workspaces.js';
import { detectNode } from '../../src/ecosystems/node/detect.js';
import { UserError } from '../../src/errors.js';
import { Project } from '../../src/project.js';
import type { Interaction } from '../../src/interaction.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

function repo(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slim-ws-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), typeof content === 'string' ? content : JSON.stringify(content));
  }
  return dir;
}

describe('workspace layout', () => {
  it('resolves npm workspace globs to package folders, with negations, never entering node_modules', () => {
    const dir = repo({
      'package.json': { workspaces: ['apps/*', 'packages/**', '!packages/legacy'] },
      'apps/api/package.json': { name: 'api' },
      'apps/notes.txt': 'not a folder',
      'apps/empty/README.md': 'no package.json',
      'packages/ui/package.json': { name: '@x/ui' },
      'packages/tools/lint/package.json': { name: '@x/lint' },
      'packages/legacy/package.json': { name: 'legacy' },
      'packages/node_modules/evil/package.json': { name: 'evil' },
    });
    const layout = readWorkspaceLayout(new Project(dir));
    expect(layout?.source).toBe('package.json workspaces');
    expect(layout?.packages().map((p) => p.dir)).toEqual(['apps/api', 'packages/tools/lint', 'packages/ui']);
  });

  it('reads pnpm-workspace.yaml and yarn 1 { packages } and reports turbo/nx', () => {
    const pnpm = readWorkspaceLayout(new Project(join(FIXTURES, 'monorepo-pnpm')));
    expect(pnpm?.source).toBe('pnpm-workspace.yaml');
    expect(pnpm?.packages().map((p) => p.name)).toEqual(['api', 'worker', '@shop/db']);
    const yarn1 = readWorkspaceLayout(new Project(repo({ 'package.json': { workspaces: { packages: ['libs/*'] } }, 'libs/a/package.json': { name: 'a' }, 'nx.json': {} })));
    expect(yarn1?.packages().map((p) => p.dir)).toEqual(['libs/a']);
    expect(yarn1?.orchestrator).toBe('nx');
    expect(readWorkspaceLayout(new Project(join(FIXTURES, 'monorepo-npm-turbo')))?.orchestrator).toBe('turbo');
    expect(readWorkspaceLayout(new Project(join(FIXTURES, 'node-express-npm')))).toBeNull();
  });

  it('a malformed workspaces field is a user error naming it', () => {
    expect(() => readWorkspaceLayout(new Project(repo({ 'package.json': { workspaces: 'apps/*' } })))).toThrow(/"workspaces" must be a list/);
    expect(() => readWorkspaceLayout(new Project(repo({ 'pnpm-workspace.yaml': 'packages: apps/*\n' })))).toThrow(/pnpm-workspace.yaml/);
  });
});

describe('an app inside a workspace', () => {
  it('finds the root above the app folder, and nothing above a standalone project', () => {
    const found = findWorkspaceRoot(join(FIXTURES, 'monorepo-npm-turbo', 'apps', 'api'));
    expect(found?.app.dir).toBe('apps/api');
    expect(findWorkspaceRoot(join(FIXTURES, 'node-express-npm'))).toBeNull();
  });

  it('copies only the manifests the app depends on (dev too), ships only its runtime dependencies, builds dependencies first', () => {
    const found = findWorkspaceRoot(join(FIXTURES, 'monorepo-npm-turbo', 'apps', 'api'))!;
    const ws = workspaceFacts(found.layout, found.app, join(FIXTURES, 'monorepo-npm-turbo', 'apps', 'api'), { everyManifest: true });
    expect(ws.context).toBe('../..');
    expect(ws.manifests).toEqual(['apps/api/package.json', 'packages/shared/package.json', 'packages/tsconfig/package.json']);
    expect(ws.manifests).not.toContain('apps/web/package.json');
    expect(ws.runtimePackages).toEqual(['packages/shared']);
    expect(ws.buildOrder.map((b) => b.dir)).toEqual(['packages/shared', 'apps/api']);
    expect(ws.allManifests).toContain('apps/web/package.json');
  });

  it('several apps and no --app: error naming them, or a question when interactive', async () => {
    const root = new Project(join(FIXTURES, 'monorepo-pnpm'));
    await expect(chooseWorkspaceApp(root, undefined)).rejects.toThrow(UserError);
    await expect(chooseWorkspaceApp(root, undefined)).rejects.toThrow(/apps\/api, apps\/worker.*--app/);
    const asked: string[] = [];
    const interaction = {
      select: async (q: { choices: Array<{ value: string }> }) => { asked.push(...q.choices.map((c) => c.value)); return 'apps/worker'; },
    } as unknown as Interaction;
    const picked = await chooseWorkspaceApp(root, undefined, interaction);
    expect(asked).toEqual(['apps/api', 'apps/worker']);
    expect(picked?.project.root).toBe(join(FIXTURES, 'monorepo-pnpm', 'apps', 'worker'));
  });

  it('--app takes a folder or a package name, and refuses what is not a workspace', async () => {
    const root = new Project(join(FIXTURES, 'monorepo-pnpm'));
    expect((await chooseWorkspaceApp(root, './apps/api/'))?.project.root).toBe(join(FIXTURES, 'monorepo-pnpm', 'apps', 'api'));
    expect((await chooseWorkspaceApp(root, 'worker'))?.project.root).toBe(join(FIXTURES, 'monorepo-pnpm', 'apps', 'worker'));
    await expect(chooseWorkspaceApp(root, 'apps/nope')).rejects.toThrow(/not a workspace package.*apps\/api/);
    await expect(chooseWorkspaceApp(new Project(join(FIXTURES, 'node-express-npm')), 'apps/api')).rejects.toThrow(/declares no workspaces/);
  });

  it('one app: chosen, and said so', async () => {
    const dir = repo({ 'package.json': { workspaces: ['apps/*', 'packages/*'] }, 'apps/api/package.json': { name: 'api' }, 'packages/lib/package.json': { name: 'lib' } });
    const choice = await chooseWorkspaceApp(new Project(dir), undefined);
    expect(choice?.project.root).toBe(join(dir, 'apps', 'api'));
    expect(choice?.note).toContain('apps/api');
  });
});

describe('finding an app\'s workspace dependencies through the lockfile', () => {
  /** apps/api uses @x/ui, which uses @x/core; packages/broken has a package.json no tool can read. */
  function monorepo(lockPackages: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
    return repo({
      'package.json': { name: 'root', workspaces: ['apps/*', 'packages/*'] },
      'apps/api/package.json': { name: '@x/api', dependencies: { '@x/ui': '*', express: '^4.21.0' } },
      'packages/ui/package.json': { name: '@x/ui', dependencies: { '@x/core': '*' } },
      'packages/core/package.json': { name: '@x/core' },
      'packages/broken/package.json': '["not an object"]',
      'package-lock.json': { lockfileVersion: 3, packages: { '': { name: 'root' }, ...lockPackages } },
      ...extra,
    });
  }
  const links = {
    'node_modules/@x/api': { resolved: 'apps/api', link: true },
    'node_modules/@x/ui': { resolved: 'packages/ui', link: true },
    'node_modules/@x/core': { resolved: 'packages/core', link: true },
    'node_modules/express': { version: '4.21.2' },
  };
  const facts = (dir: string) => {
    const found = findWorkspaceRoot(join(dir, 'apps', 'api'))!;
    const locked = lockedNames(found.root, 'package-lock.json', found.root.readJson('package.json') as Record<string, unknown>);
    return { locked, facts: () => workspaceFacts(found.layout, found.app, join(dir, 'apps', 'api'), { locked }), unlocked: () => workspaceFacts(found.layout, found.app, join(dir, 'apps', 'api')) };
  };

  it('reads only the manifests of the packages the app needs: one elsewhere that is broken does not matter', () => {
    const run = facts(monorepo(links));
    expect(run.locked?.workspaces.get('@x/ui')).toBe('packages/ui');
    expect(run.facts().manifests).toEqual(['apps/api/package.json', 'packages/core/package.json', 'packages/ui/package.json']);
    expect(run.facts().runtimePackages).toEqual(['packages/core', 'packages/ui']);
    // Without the lockfile every manifest is read, the broken one too.
    expect(() => run.unlocked()).toThrow(/packages\/broken\/package\.json must contain a JSON object/);
  });

  it('a name the lockfile does not know (a package added since) is looked for in every manifest', () => {
    const dir = monorepo(links, {
      'apps/api/package.json': { name: '@x/api', dependencies: { '@x/ui': '*', '@x/new': '*' } },
      'packages/broken/package.json': { name: '@x/unrelated' },
      'packages/new/package.json': { name: '@x/new' },
    });
    expect(facts(dir).facts().manifests).toEqual(['apps/api/package.json', 'packages/core/package.json', 'packages/new/package.json', 'packages/ui/package.json']);
  });

  it('a link the manifests contradict (a package renamed or moved since) gives way to the manifests', () => {
    const dir = monorepo({ ...links, 'node_modules/@x/ui': { resolved: 'packages/core', link: true } }, { 'packages/broken/package.json': { name: '@x/unrelated' } });
    const run = facts(dir);
    expect(run.facts()).toEqual(run.unlocked());
    expect(run.facts().manifests).toContain('packages/ui/package.json');
  });
});

describe('the manifests an app\'s install copies', () => {
  const layout = (lockfile: Record<string, string>) =>
    repo({
      'package.json': { name: 'root', private: true, workspaces: ['apps/*', 'packages/*'] },
      'apps/api/package.json': { name: 'api', scripts: { start: 'node server.js' }, dependencies: { ui: '1.0.0' } },
      'apps/api/server.js': 'require("http").createServer().listen(3000);\n',
      'packages/ui/package.json': { name: 'ui', version: '1.0.0' },
      'packages/other/package.json': { name: 'other', version: '1.0.0' },
      ...lockfile,
    });

  it('yarn 1, which installs every workspace, copies every manifest; npm only the app\'s and its dependencies\'', () => {
    const yarn = detectNode(new Project(join(layout({ 'yarn.lock': '# yarn lockfile v1\n' }), 'apps', 'api')), {});
    expect(yarn.workspace?.allManifests).toEqual(['apps/api/package.json', 'packages/other/package.json', 'packages/ui/package.json']);
    const npmLock = JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'root' }, 'node_modules/api': { resolved: 'apps/api', link: true }, 'node_modules/ui': { resolved: 'packages/ui', link: true }, 'node_modules/other': { resolved: 'packages/other', link: true } } });
    const npm = detectNode(new Project(join(layout({ 'package-lock.json': npmLock }), 'apps', 'api')), {});
    expect(npm.workspace?.allManifests).toBeNull();
    expect(npm.workspace?.manifests).toEqual(['apps/api/package.json', 'packages/ui/package.json']);
  });
});
