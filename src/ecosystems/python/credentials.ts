// Package-index credentials in the files the image copies. The Python image copies the
// requirements files (and the whole project) into its layers, so a password or token written in
// an index URL would ship in the final image: such a file is refused. A URL that reads its
// credential from an environment variable (`${PYPI_TOKEN}`, which pip expands in requirements
// files: https://pip.pypa.io/en/stable/reference/requirements-file-format/#using-environment-variables)
// is safe to copy, but the generated install step does not pass that variable: a warning says how.
import { UserError } from '../../errors.js';
import { shorten, type Project } from '../../project.js';

/** scheme://userinfo@ in http(s) URLs (git+https included); ssh's `git@` is a user name, not a secret. */
const URL_USERINFO = /\b((?:git\+)?https?):\/\/([^\s/@"']+)@/g;
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
        const userinfo = match[2] ?? '';
        const [user = '', password] = userinfo.split(/:(.*)/s);
        if (ONLY_VARIABLES.test(userinfo) || (password !== undefined && /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(password))) {
          for (const variable of userinfo.matchAll(VARIABLE)) names.add(variable[1]!);
          continue;
        }
        // A short user name alone (https://deploy@host) is no secret; a long one is a token (ghp_..., a PAT).
        if (password === undefined && user.length < 16) continue;
        const masked = shorten(line.trim().replace(match[0], `${match[1]}://***@`), 100);
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
