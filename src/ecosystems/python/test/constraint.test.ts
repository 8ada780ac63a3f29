import { describe, expect, it } from 'vitest';
import { plainPythonVersion, pythonConstraintToSemver } from '../constraint.js';
import { pickVersion } from '../../../plan/versions.js';

const MAINTAINED = ['3.14', '3.13', '3.12', '3.11'];
const pick = (text: string, candidates = MAINTAINED) =>
  pickVersion({ constraint: pythonConstraintToSemver(text), pinned: false, source: 'test' }, candidates);

describe('Python constraints to semver', () => {
  it.each([
    ['>=3.11', '3.14'],
    ['>=3.10,<3.13', '3.12'],
    ['~=3.11', '3.14'], // compatible release: >=3.11, <4
    ['~=3.11.2', '3.11'], // >=3.11.2, <3.12
    ['==3.12.*', '3.12'],
    ['>=3.11, !=3.14.*', '3.13'],
    ['^3.12', '3.14'], // Poetry caret
    ['~3.12', '3.12'], // Poetry tilde
    ['>=3.9 <3.12', '3.11'], // Poetry allows spaces between clauses
    ['>=3.8,<3.10 || >=3.12,<3.13', '3.12'],
    ['3.11', '3.11'],
    ['==3.13.2', '3.13'],
    ['>=3.12.0rc1', '3.14'],
  ])('%s picks %s', (text, expected) => {
    expect(pick(text)).toBe(expected);
  });

  it('keeps ranges that distroless cannot meet out of 3.13', () => {
    expect(pick('>=3.11', ['3.13'])).toBe('3.13');
    expect(pick('<3.13', ['3.13'])).toBeNull();
    expect(pick('>=3.14', ['3.13'])).toBeNull();
  });

  it('ignores a single excluded patch release', () => {
    expect(pick('>=3.12,!=3.12.1', ['3.12'])).toBe('3.12');
  });

  it('returns null for text that is no version constraint', () => {
    expect(pythonConstraintToSemver('latest')).toBeNull();
    expect(pythonConstraintToSemver('')).toBeNull();
    expect(pythonConstraintToSemver('>=three')).toBeNull();
  });
});

describe('plain Python versions', () => {
  it.each([
    ['3.12', '3.12'],
    ['3.12.4', '3.12.4'],
    ['python-3.11.9', '3.11.9'],
    ['cpython-3.13', '3.13'],
    ['3.13t', '3.13'],
  ])('%s -> %s', (text, expected) => {
    expect(plainPythonVersion(text)).toBe(expected);
  });

  it('rejects other interpreters and garbage', () => {
    expect(plainPythonVersion('pypy3.10')).toBeNull();
    expect(plainPythonVersion('system')).toBeNull();
    expect(plainPythonVersion('2.7.18')).toBeNull();
  });
});
