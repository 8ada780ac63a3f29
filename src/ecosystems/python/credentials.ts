// Package-index credentials in the files the image copies. The Python image copies the
// requirements files (and the whole project) into its layers, so a password or token written in
// an index URL would ship in the final image: such a file is refused. A URL that reads its
// credential from an environment variable (`${PYPI_TOKEN}`, which pip expands in requirements
// files: https://pip.pypa.io/en/stable/reference/requirements-file-format/#using-environment-variables)
// is safe to copy, but the generated install step does not pass that variable: a warning says how.
import { UserError } from '../../errors.js';
import { shorten, type Project } from '../../project.js';

/**
 * scheme://userinfo@ in the URLs pip fetches: index options (`-i`, `--index-url`,
 * `--extra-index-url`, `-f`), direct references and VCS URLs (`git+https://`, `hg+https://`,
 * `svn+https://`, `bzr+https://`; https://pip.pypa.io/en/stable/topics/vcs-support/). Schemes are
 * case-insensitive (RFC 3986 section 3.1, https://www.rfc-editor.org/rfc/rfc3986#section-3.1), and
 * pip lower-cases them, so `HTTPS://` and `git+HTTPS://` count too. ssh's `git@` is a user name,
 * not a secret; other schemes (a test database URL in pyproject) are not package-index URLs.
 */
const URL_USERINFO = /\b((?:(?:git|hg|svn|bzr)\+)?https?):\/\/([^\s/@"'<>]+)@/gi;
const ONLY_VARIABLES = /^(?:\$\{[A-Za-z_][A-Za-z0-9_]*\}|:)+$/;
const VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

export interface IndexVariables {
  file: string;
  names: string[];
}

/**
 * Refuses a literal credential in a URL in any of the files; returns the variables URLs read
 * (sorted, per file) so the detector can warn that the build must receive them.
 */
export function checkIndexCredentials(project: Project, files: string[]): IndexVariables[] {
  const found: IndexVariables[] = [];
  for (const file of files) {
    const text = project.readText(file);
    if (text === null) continue;
    const names = new Set<string>();
    text.split(/\r?\n/).forEach((line, index) => {
      if (/^\s*#/.test(line)) return;
      for (const match of line.matchAll(URL_USERINFO)) {
        const userinfo = percentDecoded(match[2] ?? '');
        const [user = '', password] = userinfo.split(/:(.*)/s);
        if (ONLY_VARIABLES.test(userinfo) || (password !== undefined && /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(password))) {
          for (const variable of userinfo.matchAll(VARIABLE)) names.add(variable[1]!);
          continue;
        }
        // A short user name alone (https://deploy@host) is no secret; a long one is a token (ghp_..., a PAT).
        if (password === undefined && user.length < 16) continue;
        // Every userinfo on the line is masked, not only this one: the message never shows a secret.
        const masked = shorten(line.trim().replace(URL_USERINFO, (_all, scheme: string) => `${scheme}://***@`), 100);
        throw new UserError(
          `${file} line ${index + 1} puts a credential in a package-index URL (${masked}). The image copies this file, so the credential would ship in its layers. ` +
            'Replace it with an environment variable (https://${PYPI_USER}:${PYPI_TOKEN}@host/simple, or set PIP_INDEX_URL / UV_INDEX_URL outside the project), then run again; the README section "Registry credentials" shows how to pass it to the build as a secret.',
        );
      }
    });
    if (names.size > 0) found.push({ file, names: [...names].sort() });
  }
  return found;
}

/** `%24%7BTOKEN%7D` is `${TOKEN}`: percent-encoding does not hide a credential, nor make a variable one. */
function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * Requirements files the image copies besides the ones it installs from (requirements-dev.txt,
 * requirements/test.txt): `COPY . .` ships them too, so their URLs are checked as well.
 */
export function otherRequirementsFiles(project: Project): string[] {
  const files = project.list('.').filter((name) => /^requirements.*\.(txt|in)$/i.test(name)).filter((name) => project.isFile(name));
  const nested = project.list('requirements').filter((name) => /\.(txt|in)$/i.test(name)).map((name) => `requirements/${name}`).filter((path) => project.isFile(path));
  return [...files, ...nested];
}
