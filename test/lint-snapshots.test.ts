// Every golden Dockerfile under snapshots/ passes BuildKit's build checks (src/lint, the rules of
// https://docs.docker.com/reference/build-checks/ that need no pulled image), the experimental
// InvalidDefinitionDescription included, with the .dockerignore beside it for CopyIgnoredFile.
// It reads snapshots/ itself, so a new ecosystem's snapshots are covered without a line here.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatFinding, lintDockerfile } from '../src/lint/index.js';

const SNAPSHOTS = join(import.meta.dirname, '..', 'snapshots');
const cases = readdirSync(SNAPSHOTS).filter((name) => existsSync(join(SNAPSHOTS, name, 'Dockerfile'))).sort();

describe('build checks over every golden Dockerfile', () => {
  it('has snapshots', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, () => {
      const dockerfile = readFileSync(join(SNAPSHOTS, name, 'Dockerfile'), 'utf8');
      const ignoreFile = join(SNAPSHOTS, name, '.dockerignore');
      const dockerignore = existsSync(ignoreFile) ? readFileSync(ignoreFile, 'utf8') : null;
      expect(dockerignore, `snapshots/${name} has no .dockerignore to check COPY sources against`).not.toBeNull();
      const findings = lintDockerfile(dockerfile, dockerignore, { experimental: true });
      expect(findings.map((f) => `snapshots/${name}/Dockerfile ${formatFinding(f)}`)).toEqual([]);
    });
  }
});
