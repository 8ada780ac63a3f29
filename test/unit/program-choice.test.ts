import { describe, expect, it } from 'vitest';
import { chooseProgram, serviceByListening, serviceByName } from '../../src/detect/program-choice.js';

describe('chooseProgram', () => {
  it('takes the first tier that names one candidate, narrows on tiers that name several, skips tiers naming none or all', () => {
    const tiers = [
      { why: 'nothing', names: [] },
      { why: 'everything', names: ['a', 'b', 'c'] },
      { why: 'two', names: ['b', 'c'] },
      { why: 'names c and a', names: ['a', 'c'] },
    ];
    expect(chooseProgram(['a', 'b', 'c'], tiers)).toEqual({ chosen: 'c', why: 'two; names c and a' });
  });

  it('returns null when nothing tells the candidates apart', () => {
    expect(chooseProgram(['a', 'b'], [{ why: 'both', names: ['a', 'b'] }, { why: 'none', names: [] }])).toBeNull();
  });
});

describe('serviceByName', () => {
  it('picks the daemon or server of a client/server pair', () => {
    expect(serviceByName(['wtf', 'wtf-storybook', 'wtfd'])).toEqual(['wtfd']);
    expect(serviceByName(['tunnel', 'tunnel_server'])).toEqual(['tunnel_server']);
  });

  it('picks a service-named program only when every other is a helper', () => {
    expect(serviceByName(['api', 'migrate', 'seed-data'])).toEqual(['api']);
    // Several services (a microservice repository): nothing to pick.
    expect(serviceByName(['barista', 'kitchen', 'web'])).toEqual([]);
    expect(serviceByName(['api', 'worker'])).toEqual([]);
  });
});

describe('serviceByListening', () => {
  it('prefers the program that listens over tools, but not over a worker', () => {
    expect(serviceByListening(['notes', 'notesd', 'notes-migrate'], ['notesd'])).toEqual(['notesd']);
    expect(serviceByListening(['api', 'worker'], ['api'])).toEqual([]);
  });
});
