// Golden files: every folder under test/fixtures/ is an input project; its Dockerfile,
// .dockerignore and report (without the files) must match snapshots/<case>/ exactly, and the
// Dockerfile must pass dockerfile-utils with zero problems. A fixture whose .slim-args.json asks
// for --compose also has its compose.yaml there, checked against the compose subset we write
// (test/compose-schema.ts). Update with `vitest run -u`, then read the diff like code.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validate } from 'dockerfile-utils';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli.js';
import { memoryOutput } from '../src/output.js';
import { composeProblems } from './compose-schema.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const SNAPSHOTS = join(import.meta.dirname, '..', 'snapshots');
const cases = readdirSync(FIXTURES).filter((name) => !name.startsWith('.')).sort();

function extraArgs(name: string): string[] {
  const argsFile = join(FIXTURES, name, '.slim-args.json');
  return existsSync(argsFile) ? (JSON.parse(readFileSync(argsFile, 'utf8')) as string[]) : [];
}

async function generate(name: string) {
  const dir = join(FIXTURES, name);
  const output = memoryOutput();
  const code = await main([dir, '--yes', '--dry-run', '--json', ...extraArgs(name)], output);
  return { code, output };
}

describe('golden files', () => {
  it('has fixtures', () => {
    expect(cases.length).toBeGreaterThan(0);
  });

  for (const name of cases) {
    it(name, async () => {
      const { code, output } = await generate(name);
      expect(output.stderr.filter((l) => l.startsWith('error')), output.stderr.join('\n')).toEqual([]);
      expect(code).toBe(0);
      const report = JSON.parse(output.stdout.join('\n')) as { files: Record<string, string> };
      const { files, ...rest } = report;
      await expect(files.Dockerfile).toMatchFileSnapshot(join(SNAPSHOTS, name, 'Dockerfile'));
      await expect(files['.dockerignore']).toMatchFileSnapshot(join(SNAPSHOTS, name, '.dockerignore'));
      await expect(`${JSON.stringify(rest, null, 2)}\n`).toMatchFileSnapshot(join(SNAPSHOTS, name, 'report.json'));
      const compose = files['compose.yaml'];
      expect(compose !== undefined, 'compose.yaml is written exactly when the fixture passes --compose').toBe(extraArgs(name).includes('--compose'));
      if (compose !== undefined) {
        await expect(compose).toMatchFileSnapshot(join(SNAPSHOTS, name, 'compose.yaml'));
        expect(composeProblems(compose)).toEqual([]);
      }
      expect(unqualifiedImages(files.Dockerfile ?? '')).toEqual([]);
      const problems = validate(files.Dockerfile ?? '');
      expect(problems.map((p) => `${p.range.start.line + 1}: ${p.message}`)).toEqual([]);
    });
  }
});

/**
 * Images a FROM or COPY --from names without a registry (podman and buildah with short-name
 * enforcing refuse those); stage names and scratch are not images.
 */
function unqualifiedImages(dockerfile: string): string[] {
  const stages = new Set([...dockerfile.matchAll(/^FROM\s+\S+\s+AS\s+(\S+)/gim)].map((m) => m[1]!.toLowerCase()));
  const images = [
    ...[...dockerfile.matchAll(/^FROM\s+(?:--platform=\S+\s+)?(\S+)/gim)].map((m) => m[1]!),
    ...[...dockerfile.matchAll(/--from=(\S+)/g)].map((m) => m[1]!),
  ];
  return images.filter((image) => image !== 'scratch' && !stages.has(image.toLowerCase()) && !/^[^/]*[.:][^/]*\//.test(image));
}
