// The first release of a package that supports a CPython minor: wheels built for it (compiled
// packages) or, for pure-Python frameworks, the release that declares it supported. A locked
// (or == pinned) version older than the `since` of a row cannot run on that Python (no wheel: pip
// compiles an sdist written for older CPython APIs, or the framework does not support it), so it
// caps the Python the image may use. Used for requirements pins and Pipfile.lock, which record no
// wheel names; a uv.lock/poetry.lock/pdm.lock that lists wheel files is read directly
// (python-support.ts). A package version at or above every row is not capped here.
// One row per (package, Python minor), sorted by package, then minor; each cites the PyPI files
// page of the release that first shipped wheels for that minor (the release notes where named).

export interface PythonSupportRow {
  /** PEP 503 name. */
  name: string;
  /** The CPython minor ("3.13"). */
  python: string;
  /** The first release of the package supporting it. */
  since: string;
  source: string;
}

const files = (name: string, version: string) => `https://pypi.org/project/${name}/${version}/#files`;
const row = (name: string, python: string, since: string, source = files(name, since)): PythonSupportRow => ({ name, python, since, source });

// Django's supported Python versions per release: the FAQ table ("Python 3.12 support added in 4.2.8", ...).
const DJANGO_FAQ = 'https://docs.djangoproject.com/en/stable/faq/install/#what-python-version-can-i-use-with-django';

export const PYTHON_SUPPORT: readonly PythonSupportRow[] = [
  row('asyncpg', '3.11', '0.27.0'),
  row('asyncpg', '3.12', '0.29.0'),
  row('asyncpg', '3.13', '0.30.0'),
  row('django', '3.11', '4.1.3', DJANGO_FAQ),
  row('django', '3.12', '4.2.8', DJANGO_FAQ),
  row('django', '3.13', '5.1.3', DJANGO_FAQ),
  row('django', '3.14', '5.2.8', DJANGO_FAQ),
  row('greenlet', '3.11', '2.0.0'),
  row('greenlet', '3.12', '3.0.0'),
  row('greenlet', '3.13', '3.1.0'),
  row('numpy', '3.11', '1.23.2'),
  row('numpy', '3.12', '1.26.0'),
  row('numpy', '3.13', '2.1.0'),
  row('numpy', '3.14', '2.3.2'),
  row('pandas', '3.11', '1.5.1'),
  row('pandas', '3.12', '2.1.1'),
  row('pandas', '3.13', '2.2.3'),
  row('pandas', '3.14', '2.3.3'),
  row('psycopg2-binary', '3.11', '2.9.5'),
  row('psycopg2-binary', '3.12', '2.9.9'),
  row('psycopg2-binary', '3.13', '2.9.10'),
  row('psycopg2-binary', '3.14', '2.9.11'),
  row('pyarrow', '3.11', '10.0.1'),
  row('pyarrow', '3.12', '14.0.0'),
  row('pyarrow', '3.13', '18.0.0'),
  row('uvloop', '3.11', '0.17.0'),
  row('uvloop', '3.12', '0.18.0'),
  row('uvloop', '3.13', '0.21.0'),
];
