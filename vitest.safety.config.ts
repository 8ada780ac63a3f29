// `npm run test:safety`: the safety and property suites (test/safety*.test.ts). Hostile values in
// every manifest field, malformed files, bad input, secrets in the build context and random
// project trees, for every registered ecosystem (its data: src/ecosystems/<lang>/test/cases.ts).
// Property runs take their seed from SLIM_IMAGE_PROPERTY_SEED when it is set (.ci/run sets and
// prints one per run); a failure prints the seed and the command that replays it.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/safety*.test.ts'],
    // Same date pin as vitest.config.ts: version catalogs depend on the date.
    env: { SLIM_IMAGE_TODAY: '2026-11-27' },
    testTimeout: 30_000,
    // One temporary folder per run, removed at the end (test/temp-folder.ts).
    globalSetup: ['./test/temp-folder.ts'],
    reporters: ['default', './test/reporters/counts.ts'],
  },
});
