import { describe, expect, it } from 'vitest';
import { checkHealthcheckPath, withHealthcheck } from '../../src/plan/healthcheck.js';
import { loadEcosystems } from '../../src/ecosystems/index.js';
import type { CommonFacts, Plan } from '../../src/types.js';

// Every ecosystem's code, loaded as a run loads the one it needs (the registry imports each on demand).
const ECOSYSTEMS = await loadEcosystems();

const plan = (base: Plan['base'], runtimeImage = 'r'): Plan => ({ base, runtimeVersion: '1', builderImage: 'b', runtimeImage, options: [], reasons: [] });
const facts = (port: number | null) => ({ port: { value: port, source: 'test' }, start: { value: { kind: 'exec', argv: ['x'] }, source: 'test' } }) as unknown as CommonFacts;
const ecosystem = (language: string) => ECOSYSTEMS.find((e) => e.language === language)!;

describe('--healthcheck', () => {
  it('takes a URL path only: nothing a Dockerfile, JSON or a shell would read', () => {
    expect(checkHealthcheckPath('/health')).toBe('/health');
    expect(checkHealthcheckPath('/api/v1/ping?full=1')).toBe('/api/v1/ping?full=1');
    for (const bad of ['health', '/a b', '/"x', "/a'", '/a\\b', '/$(id)', '/a;b', '/a\nb', `/${'x'.repeat(300)}`]) {
      expect(() => checkHealthcheckPath(bad), bad).toThrow(/--healthcheck takes a URL path/);
    }
  });
  it('runs the runtime itself on distroless, with the URL as an argument, never inside the code (Node, Python, Bun)', () => {
    const node = withHealthcheck(plan('distroless'), ecosystem('node'), facts(3000), '/health');
    expect(node.healthcheck).toEqual(['/nodejs/bin/node', '-e', expect.stringContaining('fetch(process.argv.at(-1))'), 'http://127.0.0.1:3000/health']);
    expect(withHealthcheck(plan('slim'), ecosystem('node'), facts(3000), '/').healthcheck?.[0]).toBe('node');
    expect(withHealthcheck(plan('distroless'), ecosystem('python'), facts(8000), '/').healthcheck).toEqual(['/opt/venv/bin/python', '-c', expect.stringContaining('urlopen(sys.argv[-1]'), 'http://127.0.0.1:8000/']);
    expect(withHealthcheck(plan('distroless'), ecosystem('bun'), facts(3000), '/').healthcheck?.[0]).toBe('/usr/local/bin/bun');
  });
  it('the static site asks with the Alpine image\'s wget; its Debian image has no HTTP client', () => {
    expect(withHealthcheck(plan('alpine'), ecosystem('static'), facts(8080), '/').healthcheck).toEqual(['wget', '-q', '-O', '/dev/null', 'http://127.0.0.1:8080/']);
    expect(withHealthcheck(plan('slim'), ecosystem('static'), facts(8080), '/').healthcheckSkipped).toMatch(/no HTTP client/);
  });
  it('writes nothing and says why when nothing in the image can ask (Go, Rust, Java) or there is no port', () => {
    for (const language of ['go', 'rust', 'java']) {
      const p = withHealthcheck(plan('distroless'), ecosystem(language), facts(8080), '/');
      expect(p.healthcheck, language).toBeUndefined();
      expect(p.healthcheckSkipped, language).toMatch(/orchestrator's HTTP probe/);
    }
    expect(withHealthcheck(plan('distroless'), ecosystem('node'), facts(null), '/').healthcheckSkipped).toMatch(/serves no port/);
  });
  it('changes nothing without the flag', () => {
    const p = plan('distroless');
    expect(withHealthcheck(p, ecosystem('node'), facts(3000), undefined)).toBe(p);
  });
});
