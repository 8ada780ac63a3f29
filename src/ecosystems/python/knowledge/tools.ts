// Versions of the Python packaging tools the generated builder stages install, pinned so a
// build today and a build next month use the same tool. Bump them here (with the source).
// None of them reaches the final image: they run in the builder only.

interface PinnedTool {
  name: string;
  version: string;
  source: string;
}

/** uv is copied from its distroless image: `COPY --from=ghcr.io/astral-sh/uv:<version> /uv /bin/`. */
export const UV: PinnedTool = {
  name: 'uv',
  version: '0.11.7',
  // astral-sh/uv docs/guides/integration/docker.md recommends pinning the image tag; 0.11.7 is a
  // published tag (release notes: https://github.com/astral-sh/uv/releases/tag/0.11.7; seen pinned
  // in ZeitOnline/httpbin#204, 2026-04-22).
  source: 'https://github.com/astral-sh/uv/releases/tag/0.11.7',
};

/** Poetry plus its export plugin (Poetry 2 no longer bundles `poetry export`). */
export const POETRY: PinnedTool = {
  name: 'poetry',
  version: '2.1.3',
  source: 'https://github.com/python-poetry/poetry/releases/tag/2.1.3',
};

export const POETRY_EXPORT: PinnedTool = {
  name: 'poetry-plugin-export',
  version: '1.9.0',
  source: 'https://github.com/python-poetry/poetry-plugin-export/releases/tag/1.9.0',
};

/** `pipenv requirements` (since 2022.4.8) turns Pipfile.lock into a requirements file. */
export const PIPENV: PinnedTool = {
  name: 'pipenv',
  version: '2024.4.1',
  source: 'https://github.com/pypa/pipenv/releases/tag/v2024.4.1',
};

/** `pdm export --prod` turns pdm.lock into a requirements file with hashes. */
export const PDM: PinnedTool = {
  name: 'pdm',
  version: '2.22.4',
  source: 'https://github.com/pdm-project/pdm/releases/tag/2.22.4',
};

/** Every pinned tool, sorted by name. */
export const PYTHON_TOOLS: readonly PinnedTool[] = [PDM, PIPENV, POETRY, POETRY_EXPORT, UV];
