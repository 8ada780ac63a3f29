// The build precompiles the built-in templates (scripts/precompile-templates.mjs); the CLI then
// renders from those. They must cover every template and render exactly what compiling does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseBase } from '../../src/plan/choose-base.js';
import { assessNode, nodeView } from '../../src/ecosystems/node/plan.js';
import { render } from '../../src/render/render.js';
import { commonView } from '../../src/render/view.js';
import { nodeFacts } from '../../src/ecosystems/node/test/facts.js';

const ROOT = join(import.meta.dirname, '..', '..');
const PRECOMPILED = join(ROOT, 'dist', 'render');

describe.runIf(existsSync(join(PRECOMPILED, 'precompiled-partials.cjs')))('precompiled templates (after npm run build)', () => {
  it("has an entry for the current text of every built-in template, in its folder's file", () => {
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.hbs') ? [join(dir, e.name)] : []));
    const files = walk(join(ROOT, 'templates'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const name = relative(join(ROOT, 'templates'), file).split(sep).join('/');
      const specs = createRequire(import.meta.url)(join(PRECOMPILED, `precompiled-${name.split('/')[0]}.cjs`)) as Record<string, { text: string; spec: unknown }>;
      expect(specs[name]?.text, file).toBe(readFileSync(file, 'utf8'));
      expect(specs[name]?.spec, file).toBeDefined();
    }
  });

  it('renders exactly what compiling renders', async () => {
    const built = (await import(join(ROOT, 'dist', 'render', 'render.js'))) as { render: typeof render };
    for (const base of ['distroless', 'alpine', 'slim'] as const) {
      const facts = nodeFacts({ buildScript: 'build', runtimeFiles: ['dist', 'package.json'] });
      const plan = chooseBase(assessNode(facts, new Date('2026-11-27T00:00:00Z')), base);
      const view = { ...commonView(facts, plan), ...nodeView(facts, plan) };
      expect(built.render('node', view)).toEqual(render('node', view));
    }
  });
});
