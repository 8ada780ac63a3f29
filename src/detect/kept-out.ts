// Credential-shaped files some builds need (a truststore packed into a Java jar, an OAuth client
// file an app reads): the generated .dockerignore keeps them out all the same, so the run says
// which ones it found and how to put one back, instead of letting the build or the app fail
// later without a word.
import type { Project } from '../project.js';
import { CREDENTIAL_FILES } from '../knowledge/credential-files.js';

const MAX_NAMED = 5;

// A "**/name-glob" pattern as a test on a base name ("*" is any run of characters); null otherwise.
function baseNameTest(pattern: string): RegExp | null {
  const match = /^\*\*\/([^/]+)$/.exec(pattern);
  if (!match) return null;
  const source = match[1]!.replace(/[.+^${}()|[\]\\?]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${source}$`);
}

/** The groups some builds need, with a base-name test per pattern, for the kept-out warning. */
const MAY_BE_NEEDED = CREDENTIAL_FILES.filter((group) => group.mayBeNeeded !== undefined).map((group) => ({
  group,
  tests: group.patterns.map(baseNameTest).filter((test): test is RegExp => test !== null),
}));

export function keptOutWarnings(project: Project): string[] {
  const found = project.find({ extensions: ['.jks', '.keystore', '.json'], maxDepth: 6, maxFiles: 400 });
  const warnings: string[] = [];
  for (const { group, tests } of MAY_BE_NEEDED) {
    const files = found.filter((path) => tests.some((test) => test.test(path.slice(path.lastIndexOf('/') + 1))));
    if (files.length === 0) continue;
    const named = files.slice(0, MAX_NAMED).join(', ') + (files.length > MAX_NAMED ? ` and ${files.length - MAX_NAMED} more` : '');
    warnings.push(
      `.dockerignore keeps ${named} out of the build (${group.what}). If the build or the app needs ${files.length > 1 ? 'one' : 'it'}: ${group.mayBeNeeded} ` +
        `(e.g. "!${files[0]}" in a .dockerignore template override, README "Credentials kept out").`,
    );
  }
  return warnings;
}
