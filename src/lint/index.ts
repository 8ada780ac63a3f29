// Lints a generated Dockerfile by BuildKit's build checks (src/lint/rules.ts), with the
// .dockerignore that goes beside it (CopyIgnoredFile). Pure: text in, findings out.
import { parseDockerignore } from './dockerignore.js';
import { parseDockerfile } from './parse.js';
import { buildModel, RULES, type Finding } from './rules.js';

export type { Finding } from './rules.js';
export { RULES } from './rules.js';

export interface LintOptions {
  /** Also run the checks BuildKit runs only when asked (`# check=experimental=all`). */
  experimental?: boolean;
}

export function lintDockerfile(dockerfile: string, dockerignore: string | null, options: LintOptions = {}): Finding[] {
  const parsed = parseDockerfile(dockerfile);
  const input = { dockerfile: parsed, dockerignore: dockerignore === null ? null : parseDockerignore(dockerignore) };
  const model = buildModel(parsed);
  return RULES.filter((rule) => options.experimental || !rule.experimental)
    .flatMap((rule) => rule.check(input, model).map((f) => ({ rule: rule.name, line: f.line, message: f.message, url: rule.url })))
    .sort((a, b) => a.line - b.line || a.rule.localeCompare(b.rule));
}

/** "line 12: UndefinedVar: Usage of undefined variable '$FOO' (https://...)". */
export function formatFinding(finding: Finding): string {
  return `line ${finding.line}: ${finding.rule}: ${finding.message} (${finding.url})`;
}

/**
 * Warnings for a rendered Dockerfile that breaks a build check (the experimental ones left out,
 * as `docker build` leaves them out). The built-in templates pass them all (the snapshot test),
 * so a finding comes from a template override, an addition (--env, --build-arg, ...) or a
 * project value that lands in the Dockerfile (a static site's build variable named API_TOKEN):
 * the warning says which line and rule, and where to read about it.
 */
export function lintWarnings(files: Record<string, string>, customized: boolean): string[] {
  const dockerfile = files.Dockerfile;
  if (dockerfile === undefined) return [];
  return lintDockerfile(dockerfile, files['.dockerignore'] ?? null).map(
    (f) =>
      `The Dockerfile breaks BuildKit's build check ${f.rule} at line ${f.line}: ${f.message} (${f.url}). ` +
      '`docker build` will warn about it too. ' +
      (customized
        ? 'It comes from a template override or an addition (--env, --build-arg, ...): fix it there.'
        : 'The built-in templates pass every check, so a value from the project put it there (a variable named like a secret, say): ' +
          'rename it, or pass a secret as a build secret instead; if it is none of those, please report it.'),
  );
}
