// The package's own files (templates/, package.json), found from the running code. This module
// sits one folder below the package root wherever it runs: src/paths.ts (tests, through vitest),
// dist/paths.js (tsc's tree) and inside the bundle in dist/ (dist/cli.cjs and its chunks, which
// scripts/bundle.mjs keeps in dist/ itself), so '../' is the root in all three.
export const PACKAGE_ROOT = new URL('../', import.meta.url);
