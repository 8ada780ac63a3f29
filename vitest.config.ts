import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    // Version catalogs depend on the date; pin it so golden files change only when we change them.
    env: { SLIM_IMAGE_TODAY: '2026-11-27' },
    testTimeout: 30_000,
    reporters: ['default', './test/reporters/counts.ts'],
  },
});
