import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultOptions } from '../../src/cli.js';
import { applyConfig, CONFIG_FILE, readConfig, recordedChoices, saveConfig } from '../../src/config/config.js';
import { UserError } from '../../src/errors.js';
import { Project } from '../../src/project.js';
import type { CommonFacts, Plan } from '../../src/types.js';

function projectWith(config: unknown): Project {
  const dir = mkdtempSync(join(tmpdir(), 'slim-config-'));
  if (config !== undefined) {
    mkdirSync(join(dir, '.slim-image'));
    writeFileSync(join(dir, CONFIG_FILE), typeof config === 'string' ? config : JSON.stringify(config));
  }
  return new Project(dir);
}

const facts: CommonFacts = {
  language: 'node', packageManager: { value: 'npm', source: 'package-lock.json' }, framework: { value: null, source: 'none' },
  runtime: { constraint: null, pinned: false, source: 'default' }, port: { value: 3000, source: 'server.js' },
  start: { value: { kind: 'exec', argv: ['node', 'server.js'] }, source: 'package.json' }, nativeDependencies: [], warnings: [],
};
const plan = { base: 'distroless', runtimeVersion: '24', builderImage: 'b', runtimeImage: 'r', options: [], reasons: [] } as Plan;

describe('.slim-image/config.json', () => {
  it('is optional', () => {
    expect(readConfig(projectWith(undefined))).toBeNull();
  });

  it('lays recorded choices under the flags: a flag wins, additions merge', () => {
    const project = projectWith({ version: 1, port: 9000, base: 'slim', env: { A: 'config', B: 'b' }, addPackages: ['curl'], templates: 'tpl' });
    const flags = { ...defaultOptions(), port: 8080 };
    flags.additions.env.push({ name: 'A', value: 'flag' });
    const options = applyConfig(flags, readConfig(project), project.root);
    expect(options.port).toBe(8080);
    expect(options.base).toBe('slim');
    expect(options.templates).toBe(join(project.root, 'tpl'));
    expect(options.additions.env).toEqual([{ name: 'A', value: 'flag' }, { name: 'B', value: 'b' }]);
    expect(options.additions.packages).toEqual(['curl']);
    expect(applyConfig({ ...defaultOptions(), base: 'alpine' }, readConfig(project), project.root).base).toBe('alpine');
  });

  it('refuses a malformed file with the file, the field and what to do', () => {
    const cases: Array<[unknown, RegExp]> = [
      [{ port: 1 }, /"version" must be 1/],
      [{ version: 2 }, /"version" must be 1/],
      [{ version: 1, colour: 'red' }, /unknown field "colour"/],
      [{ version: 1, port: 70000 }, /"port"/],
      [{ version: 1, base: 'ubuntu' }, /"base" must be one of/],
      [{ version: 1, env: { '1X': 'y' } }, /"env"/],
      [{ version: 1, addPackages: ['a;b'] }, /"addPackages"/],
      [{ version: 1, labels: { 'a.b': 3 } }, /"labels.a.b" must be a string/],
      ['{ not json', /not valid JSON/],
    ];
    for (const [config, message] of cases) {
      const project = projectWith(config);
      expect(() => readConfig(project), JSON.stringify(config)).toThrow(UserError);
      expect(() => readConfig(project)).toThrow(message);
      expect(() => readConfig(project)).toThrow(/config\.json/);
    }
  });

  it('records flags and prompt answers, not what detection found', () => {
    const root = '/repo/app';
    expect(recordedChoices(defaultOptions(), facts, plan, 'distroless', root)).toEqual({ version: 1 });
    const answered: CommonFacts = {
      ...facts,
      port: { value: 8080, source: '--port' },
      start: { value: { kind: 'exec', argv: ['node', 'my server.js'] }, source: '--cmd' },
    };
    const slim = { ...plan, base: 'slim' } as Plan;
    const options = { ...defaultOptions(), runtimeVersion: '22', templates: '/repo/app/.team/templates' };
    options.additions.buildArgs.push({ name: 'V', value: null });
    expect(recordedChoices(options, answered, slim, 'distroless', root)).toEqual({
      version: 1, base: 'slim', runtimeVersion: '22', port: 8080, cmd: "node 'my server.js'", templates: '.team/templates', buildArgs: { V: null },
    });
    // A templates folder outside the project is not recorded: the config may only name folders
    // inside it (readConfig refuses others), so --templates must be passed on every run.
    expect(recordedChoices({ ...options, templates: '/repo/templates' }, answered, slim, 'distroless', root).templates).toBeUndefined();
  });

  it('refuses a templates folder outside the project (absolute or climbing out with ..)', () => {
    for (const templates of ['/etc', '../../..', 'tpl/../../x', '..']) {
      const project = projectWith({ version: 1, templates });
      expect(() => readConfig(project), templates).toThrow(/"templates" must name a folder inside the project/);
    }
    expect(readConfig(projectWith({ version: 1, templates: 'a/../tpl' }))?.templates).toBe('a/../tpl');
  });

  it('is written only when there is something to record, and not rewritten when unchanged', async () => {
    const project = projectWith(undefined);
    expect(await saveConfig(project.root, { version: 1 })).toBe('none');
    expect(await saveConfig(project.root, { version: 1, port: 8080 })).toBe('created');
    expect(await saveConfig(project.root, { version: 1, port: 8080 })).toBe('unchanged');
    expect(await saveConfig(project.root, { version: 1, port: 9090 })).toBe('updated');
    expect(JSON.parse(readFileSync(join(project.root, CONFIG_FILE), 'utf8'))).toEqual({ version: 1, port: 9090 });
    // A written config reads back to the same choices.
    expect(readConfig(new Project(project.root))).toEqual({ version: 1, port: 9090 });
  });
});
