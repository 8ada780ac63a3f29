// Python before its code is loaded (src/ecosystems/index.ts): a manifest, lockfile or version file
// marks it, and a lone script also counts when nothing else marks the folder.
import type { EcosystemMarks } from '../../ecosystem.js';

const markers = ['pyproject.toml', 'requirements.txt', 'Pipfile', 'uv.lock', 'poetry.lock', 'pdm.lock', 'setup.py', 'manage.py', '.python-version'];
const SCRIPT_MARKERS = ['main.py', 'app.py', 'server.py'];

export const pythonMarks: EcosystemMarks = {
  language: 'python',
  markers,
  mayBe: (project) => markers.some((file) => project.isFile(file)) || SCRIPT_MARKERS.some((file) => project.isFile(file)),
};
