import { describe, expect, it } from 'vitest';
import { PYPI_NATIVE, normalizePackageName, pypiNativeRow } from '../knowledge/native.js';
import { PYTHON_TOOLS } from '../knowledge/tools.js';
import { DISTROLESS_PYTHON, PYTHON_RELEASES, maintainedPythons, slimImage } from '../knowledge/versions.js';

describe('PyPI native package table', () => {
  it('keys rows by normalized name, each with a real note', () => {
    for (const row of PYPI_NATIVE) {
      expect(normalizePackageName(row.name)).toBe(row.name);
      expect(row.note.length).toBeGreaterThan(20);
    }
  });

  it('covers the packages the issue names', () => {
    for (const name of ['psycopg2', 'psycopg2-binary', 'psycopg', 'psycopg-binary', 'mysqlclient', 'numpy', 'pandas', 'scipy', 'Pillow',
      'lxml', 'cryptography', 'grpcio', 'orjson', 'pydantic_core', 'uvloop', 'httptools', 'torch', 'tensorflow', 'opencv-python',
      'opencv-python-headless', 'python-ldap', 'confluent-kafka']) {
      expect(pypiNativeRow(name), name).toBeDefined();
    }
  });

  it('keeps glibc-only packages and source builds apart from self-contained wheels', () => {
    expect(pypiNativeRow('psycopg2')).toMatchObject({ manylinux: false, musllinux: false, debian: { build: ['gcc', 'libc6-dev', 'libpq-dev'], runtime: { trixie: ['libpq5'] } } });
    expect(pypiNativeRow('psycopg2-binary')).toMatchObject({ manylinux: true, musllinux: true, debian: { build: [], runtime: { trixie: [] } } });
    for (const name of ['torch', 'tensorflow', 'opencv-python', 'opencv-python-headless', 'mysqlclient', 'python-ldap', 'confluent-kafka']) {
      expect(pypiNativeRow(name)?.musllinux, name).toBe(false);
    }
  });

  it('needs the ODBC driver manager at run time for pyodbc, whose wheels do not bundle it', () => {
    expect(pypiNativeRow('pyodbc')).toMatchObject({ manylinux: true, musllinux: true, debian: { runtime: { bookworm: ['libodbc2'], trixie: ['libodbc2'] } }, alpine: { runtime: ['unixodbc'] } });
  });

  it('names Debian packages per release where trixie renamed them', () => {
    expect(pypiNativeRow('python-ldap')?.debian.runtime).toEqual({ bookworm: ['libldap-2.5-0', 'libsasl2-2'], trixie: ['libldap2', 'libsasl2-2'] });
    expect(pypiNativeRow('opencv-python')?.debian.runtime.trixie).toContain('libglib2.0-0t64');
  });

  it('gives an Alpine runtime package wherever there is a Debian one', () => {
    for (const row of PYPI_NATIVE) {
      if (row.debian.runtime.trixie.length > 0 && row.musllinux) expect(row.alpine.runtime.length, row.name).toBeGreaterThan(0);
    }
  });
});

describe('CPython catalog', () => {
  it('lists 3.10-3.14 with release PEPs and end-of-life months', () => {
    expect(PYTHON_RELEASES.map((r) => r.minor)).toEqual(['3.10', '3.11', '3.12', '3.13', '3.14']);
    for (const r of PYTHON_RELEASES) expect(r.source).toMatch(/^https:\/\/peps\.python\.org\/pep-\d{4}\/$/);
  });

  it('counts a minor as maintained until the end of its end-of-life month', () => {
    expect(maintainedPythons(new Date('2026-10-31T00:00:00Z'))).toEqual(['3.14', '3.13', '3.12', '3.11', '3.10']);
    expect(maintainedPythons(new Date('2026-11-01T00:00:00Z'))).toEqual(['3.14', '3.13', '3.12', '3.11']);
    expect(maintainedPythons(new Date('2025-06-01T00:00:00Z'))).toEqual(['3.13', '3.12', '3.11', '3.10']);
  });

  it('names the Debian release in slim tags, and distroless is 3.13 on trixie', () => {
    expect(slimImage('3.13')).toBe('python:3.13-slim-trixie');
    expect(slimImage('3.11')).toBe('python:3.11-slim-bookworm');
    expect(DISTROLESS_PYTHON).toMatchObject({ minor: '3.13', builder: 'python:3.13-slim-trixie', image: 'gcr.io/distroless/python3-debian13:nonroot' });
  });

  it('pins every build tool to an exact version', () => {
    for (const tool of PYTHON_TOOLS) expect(tool.version).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
