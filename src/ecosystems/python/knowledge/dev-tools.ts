// PyPI packages that only build documentation or check code, never serve an app: a repository
// whose Python requirements are all of these (a Go or Node app's mkdocs site) has no Python app.
// `prefix` rows cover a tool's plugin family (mkdocs-material, sphinxcontrib-mermaid). Sorted by
// name; each row cites the project's own page.
export interface PythonDevToolRow {
  name: string;
  /** Also matches names starting with `name-` (a plugin family). */
  prefix: boolean;
  kind: 'docs' | 'lint' | 'test';
  source: string;
}

export const PYTHON_DEV_TOOLS: readonly PythonDevToolRow[] = [
  { name: 'black', prefix: false, kind: 'lint', source: 'https://pypi.org/project/black/' },
  { name: 'codespell', prefix: false, kind: 'lint', source: 'https://pypi.org/project/codespell/' },
  { name: 'flake8', prefix: true, kind: 'lint', source: 'https://pypi.org/project/flake8/' },
  { name: 'furo', prefix: false, kind: 'docs', source: 'https://pypi.org/project/furo/' },
  { name: 'mike', prefix: false, kind: 'docs', source: 'https://pypi.org/project/mike/' },
  { name: 'mkdocs', prefix: true, kind: 'docs', source: 'https://www.mkdocs.org/user-guide/installation/' },
  { name: 'myst-parser', prefix: false, kind: 'docs', source: 'https://pypi.org/project/myst-parser/' },
  { name: 'pre-commit', prefix: false, kind: 'lint', source: 'https://pre-commit.com/#install' },
  { name: 'pymdown-extensions', prefix: false, kind: 'docs', source: 'https://pypi.org/project/pymdown-extensions/' },
  { name: 'ruff', prefix: false, kind: 'lint', source: 'https://pypi.org/project/ruff/' },
  { name: 'sphinx', prefix: true, kind: 'docs', source: 'https://www.sphinx-doc.org/en/master/usage/installation.html' },
  { name: 'sphinxcontrib', prefix: true, kind: 'docs', source: 'https://pypi.org/search/?q=sphinxcontrib' },
  { name: 'yamllint', prefix: false, kind: 'lint', source: 'https://pypi.org/project/yamllint/' },
];

/** The row a (normalized) package name belongs to, or undefined. */
export function pythonDevTool(name: string): PythonDevToolRow | undefined {
  return PYTHON_DEV_TOOLS.find((row) => row.name === name || (row.prefix && name.startsWith(`${row.name}-`)));
}
