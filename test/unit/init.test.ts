import { describe, expect, it } from 'vitest';
import { initDecision, initPrefix, withInit } from '../../src/plan/init.js';
import { loadEcosystems } from '../../src/ecosystems/index.js';
import type { CommonFacts, Plan, StartCommand } from '../../src/types.js';

// Every ecosystem's code, loaded as a run loads the one it needs (the registry imports each on demand).
const ECOSYSTEMS = await loadEcosystems();

const exec = (...argv: string[]): StartCommand => ({ kind: 'exec', argv });
const shell = (command: string): StartCommand => ({ kind: 'shell', command });
const plan: Plan = { base: 'distroless', runtimeVersion: '1', builderImage: 'b', runtimeImage: 'r', options: [], reasons: [] };
const facts = (start: StartCommand) => ({ start: { value: start, source: 'test' } }) as unknown as CommonFacts;
const ecosystem = (language: string) => ECOSYSTEMS.find((e) => e.language === language)!;

describe('initDecision: tini in front of runtimes that ignore SIGTERM as PID 1', () => {
  it('Node, Bun, Rust and plain Python get tini, with the source of the fact', () => {
    expect(initDecision('node', exec('node', 'server.js'))).toMatchObject({ tini: true, why: expect.stringContaining('docker-node') });
    expect(initDecision('bun', exec('bun', 'index.ts')).tini).toBe(true);
    expect(initDecision('rust', exec('/app')).tini).toBe(true);
    expect(initDecision('python', exec('python', 'app.py'))).toMatchObject({ tini: true, why: expect.stringContaining('docs.python.org') });
  });
  it('Go, Java, Deno and nginx handle it themselves', () => {
    for (const row of ['go', 'java', 'deno', 'static']) expect(initDecision(row, exec('/app')).tini, row).toBe(false);
  });
  it('a shell start command gets tini with -g: /bin/sh neither stops nor passes SIGTERM on', () => {
    expect(initDecision('go', shell('migrate && /app'))).toMatchObject({ tini: true, why: expect.stringContaining('/bin/sh') });
    expect(initPrefix({ init: true }, facts(shell('a && b')))).toEqual(['/tini', '-g', '--']);
    expect(initPrefix({ init: true }, facts(exec('/app')))).toEqual(['/tini', '--']);
    expect(initPrefix({}, facts(exec('/app')))).toEqual([]);
  });
  it('a row nobody wrote is left alone, and says so', () => {
    expect(initDecision('cobol', exec('/app'))).toMatchObject({ tini: false, why: expect.stringContaining('no fact') });
  });
});

describe('withInit through the ecosystems', () => {
  it('a Python server that handles SIGTERM needs nothing, however it is started; python itself gets tini', () => {
    const python = ecosystem('python');
    const served = (server: string | null, start: StartCommand) => ({ ...facts(start), server }) as unknown as CommonFacts;
    expect(withInit(plan, python, served('gunicorn', exec('gunicorn', 'app:app'))).init).toBe(false);
    expect(withInit(plan, python, served('uvicorn', exec('/opt/venv/bin/uvicorn', 'main:app'))).init).toBe(false);
    expect(withInit(plan, python, served('gunicorn', exec('python3.12', '-m', 'gunicorn', 'app:app'))).init).toBe(false);
    expect(withInit(plan, python, served('flask', exec('python', '-m', 'flask', 'run'))).init).toBe(true);
    expect(withInit(plan, python, served(null, exec('python', 'app.py'))).init).toBe(true);
  });
  it('the reason goes into the plan for --explain', () => {
    expect(withInit(plan, ecosystem('node'), facts(exec('node', 's.js'))).reasons.at(-1)).toMatch(/^stop: tini runs as PID 1/);
  });
  it('a template without the init partials never gets init = true, and the reason says the stop may be slow', () => {
    const go = withInit(plan, ecosystem('go'), facts(shell('./migrate && /app')));
    expect(go.init).toBe(false);
    expect(go.reasons.at(-1)).toMatch(/template has none yet/);
  });
});
