import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pythonTooling } from '../tooling.js';
import { Project } from '../../../project.js';

function project(files: Record<string, string>): Project {
  const root = mkdtempSync(join(tmpdir(), 'py-tooling-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return new Project(root);
}

describe('pythonTooling', () => {
  it('steps aside for a requirements.txt of documentation and check tools only', () => {
    expect(pythonTooling(project({ 'requirements.txt': '# docs\nmkdocs-material\nmkdocs-minify-plugin==0.8\n' }))).toBe('requirements.txt lists only documentation tools (mkdocs-material, mkdocs-minify-plugin), no app');
    expect(pythonTooling(project({ 'requirements.txt': 'Sphinx>=7\nsphinxcontrib-mermaid\nruff\n' }))).toMatch(/documentation and code checks tools/);
  });

  it('keeps Python when one requirement is not a tool, or an app manifest exists', () => {
    expect(pythonTooling(project({ 'requirements.txt': 'mkdocs\nflask\n' }))).toBeNull();
    expect(pythonTooling(project({ 'requirements.txt': 'mkdocs\n', 'app.py': 'print(1)\n' }))).toBeNull();
    expect(pythonTooling(project({ 'requirements.txt': 'mkdocs\n', 'pyproject.toml': '[project]\nname = "x"\n' }))).toBeNull();
    expect(pythonTooling(project({ 'pyproject.toml': '[tool.ruff]\nline-length = 100\n' }))).toBeNull();
  });
});
