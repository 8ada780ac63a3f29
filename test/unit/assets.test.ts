// Asset stages: a folder the app embeds that only a front-end build makes is matched to the
// nearest package.json whose build script makes it, built in a Node stage with its own package
// manager; nothing that builds it is said in a warning.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveAssets } from '../../src/detect/assets.js';
import { loadEcosystems } from '../../src/ecosystems/index.js';
import { Project } from '../../src/project.js';
import type { CommonFacts } from '../../src/types.js';

// Every ecosystem's code, loaded as a run loads the one it needs (the registry imports each on demand).
const ECOSYSTEMS = await loadEcosystems();

const NOW = new Date('2026-11-27T00:00:00Z');

function project(files: Record<string, string>): Project {
  const root = mkdtempSync(join(tmpdir(), 'slim-assets-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return new Project(root);
}

const goFacts = (path: string): CommonFacts => ({
  language: 'go',
  packageManager: { value: 'go', source: 'go.mod' },
  framework: { value: null, source: 'go.mod' },
  runtime: { constraint: null, pinned: false, source: 'go.mod' },
  port: { value: 8080, source: 'main.go' },
  start: { value: { kind: 'exec', argv: ['/app'] }, source: 'the binary' },
  nativeDependencies: [],
  warnings: [],
  assetNeeds: [{ path, source: 'ui/serve.go //go:embed build/*' }],
});

describe('resolveAssets', () => {
  it('builds the folder from the nearest package.json with a build script, with its own package manager and Node', () => {
    const p = project({
      'ui/package.json': JSON.stringify({ name: 'ui', scripts: { build: 'vite build' }, engines: { node: '>=22 <23' } }),
      'ui/yarn.lock': '# yarn lockfile v1\n',
    });
    const [stage] = resolveAssets(goFacts('ui/build'), p, ECOSYSTEMS, NOW).assetStages!;
    expect(stage).toMatchObject({ dir: 'ui', image: 'docker.io/library/node:22-bookworm-slim', manifests: ['package.json', 'yarn.lock'], install: ['yarn', 'install', '--frozen-lockfile'], build: ['yarn', 'run', 'build'], outputDir: 'ui/build' });
    expect(stage!.reason).toContain('ui/package.json scripts.build');
  });

  it('takes the repository root package.json when the front end builds from there', () => {
    const p = project({ 'package.json': JSON.stringify({ name: 'x', scripts: { build: 'vite build --outDir web/dist' } }), 'package-lock.json': '{"lockfileVersion":3,"packages":{"":{}}}' });
    const facts = resolveAssets(goFacts('web/dist'), p, ECOSYSTEMS, NOW);
    expect(facts.assetStages!.map((s) => [s.dir, s.install])).toEqual([['.', ['npm', 'ci']]]);
  });

  it('warns, naming the embedding file, when no build script makes the folder', () => {
    const p = project({ 'ui/package.json': JSON.stringify({ name: 'ui', scripts: { lint: 'eslint .' } }) });
    const facts = resolveAssets(goFacts('ui/build'), p, ECOSYSTEMS, NOW);
    expect(facts.assetStages).toEqual([]);
    expect(facts.warnings.join(' ')).toMatch(/^ui\/serve\.go \/\/go:embed build\/\* needs ui\/build, which the repository does not hold/);
  });

  it('runs every script the need names, in order (a Rails app: jsbundling `build`, cssbundling `build:css`), and none is missing', () => {
    const files = { 'package.json': JSON.stringify({ name: 'app', scripts: { build: 'esbuild app/javascript/*.*', 'build:css': 'tailwindcss -o app/assets/builds/application.css' } }), 'yarn.lock': '# yarn lockfile v1\n' };
    const need = (scripts: string[]) => ({ ...goFacts('x'), language: 'ruby', assetNeeds: [{ path: 'app/assets/builds', source: 'jsbundling-rails and cssbundling-rails in Gemfile.lock', scripts }] });
    const [stage] = resolveAssets(need(['build', 'build:css']), project(files), ECOSYSTEMS, NOW).assetStages!;
    expect(stage).toMatchObject({ dir: '.', build: ['yarn', 'run', 'build'], extraBuilds: [['yarn', 'run', 'build:css']], outputDir: 'app/assets/builds' });
    expect(stage!.reason).toContain('package.json scripts.build and scripts.build:css build it');
    const missing = resolveAssets(need(['build', 'build:js']), project(files), ECOSYSTEMS, NOW);
    expect(missing.assetStages).toEqual([]);
    expect(missing.warnings.join(' ')).toMatch(/needs app\/assets\/builds, which the repository does not hold and no build script here makes/);
  });

  it('leaves facts without needs untouched', () => {
    const facts = { ...goFacts('x'), assetNeeds: [] };
    expect(resolveAssets(facts, project({}), ECOSYSTEMS, NOW)).toBe(facts);
  });
});
