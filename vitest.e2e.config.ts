// The end-to-end suite: real image builds with a container engine (npm run test:e2e).
// Kept out of the default `vitest run` by its file names (*.e2e.ts, not *.test.ts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    // One engine, two cores: builds run one after another.
    fileParallelism: false,
    testTimeout: 15 * 60_000,
    hookTimeout: 5 * 60_000,
    reporters: ['verbose', './test/reporters/counts.ts'],
  },
});
