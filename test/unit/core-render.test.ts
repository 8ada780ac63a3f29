import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { chooseBase } from '../../src/plan/choose-base.js';
import { assessNode, nodeView } from '../../src/ecosystems/node/plan.js';
import { render } from '../../src/render/render.js';
import { commonView } from '../../src/render/view.js';
import { nodeFacts } from '../../src/ecosystems/node/test/facts.js';

function overrides(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'slim-tpl-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

// A real view: the common part plus the node part, from facts like a small Express app's.
const facts = nodeFacts();
const plan = chooseBase(assessNode(facts, new Date('2026-11-27T00:00:00Z')), 'slim');
const view = { ...commonView(facts, plan), ...nodeView(facts, plan) };

describe('rendering', () => {
  it('renders the built-in node templates', () => {
    const files = render('node', view);
    expect(files.Dockerfile?.split('\n')[0]).toBe('# syntax=docker/dockerfile:1');
    expect(files.Dockerfile).toContain('CMD ["node", "server.js"]');
    expect(files['.dockerignore']).toContain('node_modules/');
  });

  it('a file in the override folder replaces the built-in one; a partial replaces a partial', () => {
    const dir = overrides({
      'node/dockerignore.hbs': 'only-this\n',
      'partials/header.hbs': '# syntax=docker/dockerfile:1\n# team header for {{language}}\n',
    });
    const files = render('node', view, dir);
    expect(files['.dockerignore']).toBe('only-this\n');
    expect(files.Dockerfile).toContain('# team header for node');
    expect(files.Dockerfile).toContain('CMD ["node", "server.js"]');
  });

  it('an unknown field in an override is a user error with the template path and line', () => {
    const dir = overrides({ 'node/Dockerfile.hbs': 'FROM x\nLABEL a={{nosuchfield}}\n' });
    expect(() => render('node', view, dir)).toThrow(UserError);
    expect(() => render('node', view, dir)).toThrow(/node\/Dockerfile\.hbs:2/);
  });

  it('an unbalanced block in an override is a user error', () => {
    const dir = overrides({ 'node/Dockerfile.hbs': 'FROM x\n{{#if port}}\nEXPOSE {{port}}\n' });
    expect(() => render('node', view, dir)).toThrow(/Dockerfile\.hbs/);
  });

  it('a value with a newline is refused rather than rendered', () => {
    expect(() => render('node', { ...view, cmd: ['node', 'a.js"]\nRUN echo pwned #'] })).toThrow(UserError);
  });

  it('quotes and shell syntax in a value stay inside its JSON string', () => {
    const files = render('node', { ...view, cmd: ['node', 'a.js"] RUN $(id) `id` #'] });
    const cmd = files.Dockerfile?.split('\n').find((l) => l.startsWith('CMD '));
    expect(JSON.parse(cmd!.slice(4))).toEqual(['node', 'a.js"] RUN $(id) `id` #']);
  });
});
