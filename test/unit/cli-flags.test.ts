// Flag mistakes are said in the flag table's words and exit 2: an unknown flag with the nearest
// known one, a value flag without its value with an example, never parseArgs' internal wording.
import { describe, expect, it } from 'vitest';
import { main, nearestFlag, parseCommandLine } from '../../src/cli.js';
import { UsageError } from '../../src/errors.js';
import { memoryOutput } from '../../src/output.js';

const usage = (argv: string[]): string => {
  try {
    parseCommandLine(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
};

describe('unknown flags', () => {
  it.each([
    ['--dryrun', 'dry-run'],
    ['--jsn', 'json'],
    ['--runtime-verison', 'runtime-version'],
    ['--packagemanager', 'package-manager'],
    ['--forse', 'force'],
    ['--Yes', 'yes'],
  ])('%s: did you mean --%s?', (flag, meant) => {
    expect(usage([flag])).toContain(`did you mean --${meant}?`);
  });

  it('suggests nothing when no flag is near, and names the flag it did not know', () => {
    const message = usage(['--frobnicate']);
    expect(message).toContain('--frobnicate');
    expect(message).not.toContain('did you mean');
    expect(usage(['-x'])).toContain('Unknown option -x');
  });

  it('keeps suggestions to near misses', () => {
    expect(nearestFlag('verify', ['verify', 'version'])).toBe('verify');
    expect(nearestFlag('x', ['yes', 'json'])).toBeUndefined();
    expect(nearestFlag('templtes', ['templates', 'main'])).toBe('templates');
  });

  it('refuses a value on a flag that takes none', () => {
    expect(usage(['--yes=1'])).toMatch(/--yes takes no value/);
  });
});

describe('a value flag without its value', () => {
  it('at the end: names the flag and shows an example', () => {
    expect(usage(['--port'])).toBe('--port needs a value, e.g. --port 8080.');
    expect(usage(['.', '--language'])).toBe('--language needs a value, e.g. --language python.');
  });

  it('before another flag: says which, instead of calling it ambiguous', () => {
    const message = usage(['--port', '--yes']);
    expect(message).toBe('--port needs a value before --yes, e.g. --port 8080.');
    expect(message).not.toMatch(/ambiguous/);
  });

  it('before a dash value: shows the equals form', () => {
    expect(usage(['--cmd', '-c'])).toContain('--cmd=-c');
  });

  it('takes values given with = or after the flag, and a path after --', () => {
    expect(parseCommandLine(['--port=8080']).kind).toBe('run');
    expect(parseCommandLine(['--cmd=--serve', '--yes'])).toMatchObject({ options: { cmd: '--serve', yes: true } });
    expect(parseCommandLine(['--port', '9000'])).toMatchObject({ options: { port: 9000 } });
    expect(parseCommandLine(['--', '--odd-folder'])).toMatchObject({ options: { dir: '--odd-folder' } });
  });
});

describe('exit codes', () => {
  it('every flag mistake exits 2 with one line and no stack trace', async () => {
    for (const argv of [['--dryrun'], ['--port', '--yes'], ['--port'], ['--yes=1'], ['-x']]) {
      const output = memoryOutput();
      expect(await main(argv, output), argv.join(' ')).toBe(2);
      expect(output.stderr.join('\n')).not.toMatch(/\n\s+at /);
    }
  });
});
