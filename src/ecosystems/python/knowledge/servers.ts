// How each Python server is told to listen on all interfaces and on the image's port, through
// environment variables rather than flags, so the start command stays the same when --port
// changes the port. Servers default to 127.0.0.1, which is unreachable from outside a container.
// `env` is called with "{port}", which the port rule (src/detect/port.ts) fills in.
import type { PythonServer } from '../types.js';

interface ServerEnv {
  env: (port: string) => Record<string, string>;
  source: string;
}

export const PYTHON_SERVER_ENV: Record<Exclude<PythonServer, null>, ServerEnv> = {
  // uvicorn's CLI reads every option from UVICORN_<OPTION> (click auto_envvar_prefix).
  uvicorn: {
    env: (port) => ({ UVICORN_HOST: '0.0.0.0', UVICORN_PORT: port }),
    source: 'https://www.uvicorn.org/settings/',
  },
  // "GUNICORN_CMD_ARGS: command-line arguments in the environment", e.g. --bind=0.0.0.0:8000.
  gunicorn: {
    env: (port) => ({ GUNICORN_CMD_ARGS: `--bind=0.0.0.0:${port}` }),
    source: 'https://docs.gunicorn.org/en/stable/settings.html#settings',
  },
  // Every streamlit config option can be set as STREAMLIT_<SECTION>_<OPTION>.
  streamlit: {
    env: (port) => ({ STREAMLIT_SERVER_ADDRESS: '0.0.0.0', STREAMLIT_SERVER_PORT: port, STREAMLIT_SERVER_HEADLESS: 'true' }),
    source: 'https://docs.streamlit.io/develop/concepts/configuration/options',
  },
  // uWSGI reads every option from UWSGI_<OPTION> ("Environment variables" in its configuration docs).
  uwsgi: {
    env: (port) => ({ UWSGI_HTTP_SOCKET: `0.0.0.0:${port}`, UWSGI_MASTER: 'true', UWSGI_DIE_ON_TERM: 'true' }),
    source: 'https://uwsgi-docs.readthedocs.io/en/latest/Configuration.html#environment-variables',
  },
  // waitress-serve listens on 0.0.0.0:8080 unless told otherwise; the port is a flag of the start command.
  waitress: {
    env: () => ({}),
    source: 'https://docs.pylonsproject.org/projects/waitress/en/stable/runner.html',
  },
  // `flask run` reads its options from FLASK_RUN_<OPTION>.
  flask: {
    env: (port) => ({ FLASK_RUN_HOST: '0.0.0.0', FLASK_RUN_PORT: port }),
    source: 'https://flask.palletsprojects.com/en/stable/cli/#setting-command-options',
  },
  // runserver takes the address as an argument (detect/python/app.ts puts it there).
  'django-runserver': {
    env: () => ({}),
    source: 'https://docs.djangoproject.com/en/stable/ref/django-admin/#runserver',
  },
};

/** A production server the image installs when the dependencies have none (pinned, like the tools). */
export interface AddedServer {
  name: string;
  version: string;
  source: string;
}

export const ADDED_SERVERS: Record<'gunicorn' | 'uvicorn' | 'uwsgi', AddedServer> = {
  // Flask's and Django's deployment docs name gunicorn first among WSGI servers.
  gunicorn: { name: 'gunicorn', version: '23.0.0', source: 'https://pypi.org/project/gunicorn/23.0.0/' },
  uvicorn: { name: 'uvicorn', version: '0.32.0', source: 'https://pypi.org/project/uvicorn/0.32.0/' },
  // Only when the project's own uwsgi.ini says how it is served.
  uwsgi: { name: 'uwsgi', version: '2.0.28', source: 'https://pypi.org/project/uWSGI/2.0.28/' },
};
