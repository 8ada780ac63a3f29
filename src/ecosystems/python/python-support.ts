// Which Pythons the locked packages run on. A compiled package locked at a version whose Linux
// wheels stop at cp312 caps the image at 3.12: on 3.13 pip would compile its sdist, which needs a
// compiler and headers, and old sdists often do not build against newer CPython at all. The
// evidence is the wheel file names the lockfile records (uv.lock, poetry.lock, pdm.lock); for
// requirements pins and Pipfile.lock, which record none, the knowledge table of first supporting
// releases (knowledge/python-support.ts).
import { PYTHON_SUPPORT } from './knowledge/python-support.js';
import type { PythonPackage } from './types.js';

/** One locked package that limits the Python minor, and why. */
export interface PythonCap {
  name: string;
  version: string;
  /** The newest CPython minor it runs on ("3.12"). */
  max: string;
  /** Where the limit comes from: the lockfile's wheel names, or the knowledge table's row. */
  evidence: 'wheels' | string;
}

const WHEEL_TAGS = 'https://packaging.python.org/en/latest/specifications/platform-compatibility-tags/';

const parts = (v: string): number[] => (/^\d+(?:\.\d+)*/.exec(v)?.[0] ?? '0').split('.').map(Number);

/** Numeric comparison of release versions ("2.9.10" > "2.9.9"); pre/post suffixes are ignored. */
export function compareReleases(a: string, b: string): number {
  const [pa, pb] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/** "cp312" -> "3.12"; other interpreters (pp39, py3) -> null. */
function cpythonMinor(tag: string): string | null {
  const m = /^cp3(\d{1,2})$/.exec(tag);
  return m ? `3.${m[1]}` : null;
}

/**
 * The newest minor the Linux wheels of a package are built for, or null when they do not limit
 * it (a pure-Python wheel, an abi3 wheel that works on every later CPython, no Linux wheel).
 */
export function newestWheelMinor(wheels: string[]): string | null {
  let newest: string | null = null;
  for (const wheel of wheels) {
    const fields = wheel.replace(/\.whl$/, '').split('-');
    if (fields.length < 5) continue;
    const [pythonTags, abi, platform] = fields.slice(-3) as [string, string, string];
    if (abi === 'none' || abi === 'abi3') return null;
    if (!/linux/.test(platform)) continue;
    if (/t$/.test(abi)) continue; // free-threaded build (cp313t): not the default interpreter
    for (const tag of pythonTags.split('.')) {
      const minor = cpythonMinor(tag);
      if (minor && (newest === null || compareReleases(minor, newest) > 0)) newest = minor;
    }
  }
  return newest;
}

/** The cap the knowledge table gives a version: the minor before the first one it is too old for. */
function tableCap(name: string, version: string): { max: string; source: string } | null {
  const rows = PYTHON_SUPPORT.filter((r) => r.name === name && compareReleases(version, r.since) < 0);
  const first = rows.sort((a, b) => compareReleases(a.python, b.python))[0];
  if (!first) return null;
  const [major, minor] = parts(first.python) as [number, number];
  return { max: `${major}.${minor - 1}`, source: first.source };
}

/** Every locked package that limits the Python minor, the tightest first. */
export function pythonCaps(packages: PythonPackage[]): PythonCap[] {
  const caps: PythonCap[] = [];
  for (const pkg of packages) {
    if (pkg.version === null) continue;
    const newest = pkg.wheels.length > 0 ? newestWheelMinor(pkg.wheels) : null;
    if (newest !== null) {
      caps.push({ name: pkg.name, version: pkg.version, max: newest, evidence: 'wheels' });
      continue;
    }
    const cap = tableCap(pkg.name, pkg.version);
    if (cap) caps.push({ name: pkg.name, version: pkg.version, max: cap.max, evidence: cap.source });
  }
  return caps.sort((a, b) => compareReleases(a.max, b.max) || a.name.localeCompare(b.name));
}

/** The minors among `candidates` every cap allows. */
export function withinCaps(candidates: readonly string[], caps: readonly PythonCap[]): string[] {
  const tightest = caps[0];
  return tightest ? candidates.filter((c) => compareReleases(c, tightest.max) <= 0) : [...candidates];
}

/** "the locked greenlet 3.0.1, psycopg2-binary 2.9.9 run on Python 3.12 at most (...)" for the reasons. */
export function describeCaps(caps: readonly PythonCap[]): string {
  const tightest = caps[0];
  if (!tightest) return '';
  const binding = caps.filter((c) => c.max === tightest.max);
  const shown = binding.slice(0, 4).map((c) => `${c.name} ${c.version}`).join(', ') + (binding.length > 4 ? ` and ${binding.length - 4} more` : '');
  const fromWheels = binding.some((c) => c.evidence === 'wheels');
  const sources = [...new Set(binding.filter((c) => c.evidence !== 'wheels').map((c) => c.evidence))].slice(0, 2);
  const evidence = [fromWheels ? `their locked wheels stop at cp${tightest.max.replace('.', '')}, ${WHEEL_TAGS}` : null, ...sources].filter(Boolean).join('; ');
  return `the locked ${shown} run${binding.length > 1 ? '' : 's'} on Python ${tightest.max} at most (${evidence})`;
}
