// Facts about a Python project, beyond the common ones.
import type { CommonFacts, Fact } from '../../types.js';

export const PYTHON_PACKAGE_MANAGERS = ['pip', 'poetry', 'uv', 'pipenv', 'pdm'] as const;
export type PythonPackageManager = (typeof PYTHON_PACKAGE_MANAGERS)[number];

/** The server the start command runs, which decides the env variables that carry host and port. */
export type PythonServer = 'uvicorn' | 'gunicorn' | 'uwsgi' | 'waitress' | 'streamlit' | 'flask' | 'django-runserver' | null;

/**
 * How the server learns its address: through its own environment variables (`server`, the
 * default), from its config file alone (`config`: the file names the port), or through an
 * environment variable that config file reads (`{ variable: "PORT" }` for `http-socket = :$(PORT)`).
 */
export type PythonListen = 'server' | 'config' | { variable: string };

/** One locked (or required) distribution, its name normalized as PEP 503 says. */
export interface PythonPackage {
  name: string;
  version: string | null;
  /** Wheel file names the lockfile lists for it ([] when the lockfile does not say). */
  wheels: string[];
}

export interface PythonFacts extends CommonFacts {
  language: 'python';
  packageManager: Fact<PythonPackageManager>;
  /**
   * Environment variables a package-index URL reads (`${PYPI_TOKEN}`): the install gets each as a
   * BuildKit secret exposed as that variable, never as an ARG or ENV.
   */
  installSecrets: string[];
  /** The lockfile the install reads, or null (pip without a lock: a warning). */
  lockfile: string | null;
  /** Files the dependency install reads, copied before the sources so the install layer caches. */
  installFiles: string[];
  /** pip: the requirements file given to `pip install -r`; null means `pip install .` (PEP 621). */
  requirementsFile: string | null;
  /** Install the project itself into the venv (it has [project.scripts] the start command runs, or pip installs `.`). */
  installProject: boolean;
  /** The project's own optional-dependency extras the image installs (a `prod` extra holding the server). */
  installExtras: string[];
  /** Runtime dependencies (dev groups excluded), from the lockfile when there is one. */
  packages: PythonPackage[];
  /** The server the start command runs (decides the host/port environment). */
  server: PythonServer;
  /** A production server the image installs because no dependency provides one (pinned in knowledge/servers.ts). */
  addedServer: { name: string; version: string } | null;
  /** How the server is told its port (see PythonListen). */
  listen: PythonListen;
  /** Django: the settings module and whether `collectstatic` runs at build time (STATIC_ROOT is set). */
  django: { settingsModule: string | null; collectstatic: boolean } | null;
}
