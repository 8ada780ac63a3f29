// The version rules every ecosystem shares: an unknown pinned version is refused with the known
// ones listed; a version past its end of life builds with a warning; a range is never refused here.
import { describe, expect, it } from 'vitest';
import { loadEcosystems } from '../../src/ecosystems/index.js';
import { UserError } from '../../src/errors.js';
import { checkKnownVersion, endOfLifeWarning } from '../../src/plan/releases.js';
import type { RuntimeRequirement } from '../../src/types.js';

// Every ecosystem's code, loaded as a run loads the one it needs (the registry imports each on demand).
const ECOSYSTEMS = await loadEcosystems();

const NOW = new Date('2026-11-27T00:00:00Z');
const pinned = (constraint: string, source = '--runtime-version'): { runtime: RuntimeRequirement } => ({ runtime: { constraint, pinned: true, source } });
const ecosystem = (language: string) => ECOSYSTEMS.find((e) => e.language === language)!;

describe('every ecosystem', () => {
  it.each(ECOSYSTEMS.map((e) => [e.language, e]))('%s lists its released lines, oldest first, each with a valid end date or none', (_language, e) => {
    const releases = e.releases(NOW);
    expect(releases.length).toBeGreaterThan(2);
    for (const r of releases) if (r.endOfLife !== null) expect(r.endOfLife).toMatch(/^\d{4}-\d{2}(-\d{2})?$/);
    // As people write it: capitalised ("Node", "Python"), or ".NET".
    expect(e.runtimeName).toMatch(/^\.?[A-Z]/);
  });

  it.each(ECOSYSTEMS.map((e) => [e.language, e]))('%s refuses an unknown pinned version, listing the known ones', (_language, e) => {
    const known = e.releases(NOW).map((r) => r.version);
    let message = '';
    try {
      checkKnownVersion(e, pinned('99'), NOW);
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      message = (error as Error).message;
    }
    expect(message).toContain(`${e.runtimeName} 99 (--runtime-version) is not a version`);
    expect(message).toContain(known.at(-1)!);
    expect(message).toContain('--runtime-version');
    // Every known version passes, and a range is left to the planner.
    for (const version of known) expect(() => checkKnownVersion(e, pinned(version), NOW)).not.toThrow();
    expect(() => checkKnownVersion(e, { runtime: { constraint: '>=1', pinned: false, source: 'x' } }, NOW)).not.toThrow();
  });
});

describe('end of life', () => {
  it('warns for a line past its end, naming the date, the source and the maintained lines', () => {
    const warning = endOfLifeWarning(ecosystem('node'), pinned('18', '.nvmrc'), { runtimeVersion: '18' }, NOW);
    expect(warning).toBe('Node 18 (pinned by .nvmrc) reached end of life on 2025-04-30: its images get no security fixes. Move to a maintained version (22, 24, 26).');
    expect(endOfLifeWarning(ecosystem('python'), pinned('3.10', '.python-version'), { runtimeVersion: '3.10' }, NOW)).toMatch(/Python 3\.10 .* end of life in 2026-10/);
    expect(endOfLifeWarning(ecosystem('java'), pinned('22'), { runtimeVersion: '22' }, NOW)).toMatch(/Java 22 .* on 2024-09-17/);
  });

  it('is silent for a maintained line, and counts a month to its end', () => {
    expect(endOfLifeWarning(ecosystem('node'), pinned('24'), { runtimeVersion: '24' }, NOW)).toBeNull();
    expect(endOfLifeWarning(ecosystem('python'), pinned('3.10'), { runtimeVersion: '3.10' }, new Date('2026-10-31T12:00:00Z'))).toBeNull();
    expect(endOfLifeWarning(ecosystem('python'), pinned('3.10'), { runtimeVersion: '3.10' }, new Date('2026-11-01T00:00:00Z'))).not.toBeNull();
    expect(endOfLifeWarning(ecosystem('rust'), pinned('1.75'), { runtimeVersion: '1.75' }, NOW)).toBeNull();
  });
});

describe('from the command line', () => {
  const EXAMPLE = new URL('../../examples/express-api', import.meta.url).pathname;
  const run = async (...args: string[]) => {
    const { main } = await import('../../src/cli.js');
    const { memoryOutput } = await import('../../src/output.js');
    const output = memoryOutput();
    const code = await main([EXAMPLE, '--yes', '--dry-run', '--json', ...args], output);
    return { code, stdout: output.stdout.join('\n'), stderr: output.stderr.join('\n') };
  };

  it('--runtime-version 99 is refused with exit 1 and nothing rendered', async () => {
    const result = await run('--runtime-version', '99');
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/Node 99 .* known Node versions are .*24, 25, 26/);
  });

  it('an end-of-life pin builds, with the warning in the report', async () => {
    const result = await run('--runtime-version', '18');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as { runtimeVersion: string; warnings: string[] };
    expect(report.runtimeVersion).toBe('18');
    expect(report.warnings.some((w) => w.startsWith('Node 18 (pinned by --runtime-version) reached end of life'))).toBe(true);
  });
});
