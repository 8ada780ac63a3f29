// `npm test`, the README's test command: unit tests (test/unit/, src/ecosystems/<lang>/test/),
// golden files and runs of the built CLI. The safety suites (test/safety*.test.ts: hostile input,
// properties, a 100,000-file tree) run with `npm run test:safety` (vitest.safety.config.ts), the
// real image builds with `npm run test:e2e` (vitest.e2e.config.ts); `.ci/run` runs all three.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/safety*.test.ts', 'node_modules/**'],
    // Version catalogs depend on the date; pin it so golden files change only when we change them.
    env: { SLIM_IMAGE_TODAY: '2026-11-27' },
    testTimeout: 30_000,
    // One temporary folder per run, removed at the end (test/temp-folder.ts).
    globalSetup: ['./test/temp-folder.ts'],
    reporters: ['default', './test/reporters/counts.ts'],
  },
});
