// Registry credentials in NuGet.config (README "Registry credentials"). The restore needs the
// file, so it is copied into the build stage: a literal password there would sit in the build
// cache, so it is refused, naming the line; a value that reads an environment variable
// (`%NUGET_TOKEN%`, which NuGet expands:
// https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file#using-environment-variables)
// is allowed, and the variable reaches the restore step only, as a BuildKit secret.
import type { Project } from '../../project.js';
import { shorten } from '../../project.js';
import { UserError } from '../../errors.js';
import { lineOf } from '../../detect/port.js';
import { xml } from '../../lazy.js';
import { checkWellFormed } from './msbuild.js';

/** Keys under <packageSourceCredentials> whose values are secrets (https://learn.microsoft.com/en-us/nuget/reference/nuget-config-file#packagesourcecredentials). */
const SECRET_KEYS = new Set(['password', 'cleartextpassword']);
const VARIABLE = /%([A-Za-z_][A-Za-z0-9_]{0,100})%/g;

/** The environment variables NuGet.config credentials read; throws for a literal secret. */
export function credentialVariables(project: Project, file: string): string[] {
  const text = project.readText(file) ?? '';
  checkWellFormed(file, text);
  const doc = new (xml().XMLParser)({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => name === 'add' }).parse(text.replace(/^\uFEFF/, '')) as Record<string, unknown>;
  const configuration = doc.configuration;
  const credentials = configuration !== null && typeof configuration === 'object' ? (configuration as Record<string, unknown>).packageSourceCredentials : undefined;
  if (credentials === null || typeof credentials !== 'object') return [];
  const variables = new Set<string>();
  for (const [source, entries] of Object.entries(credentials as Record<string, unknown>)) {
    const adds = entries !== null && typeof entries === 'object' ? (entries as Record<string, unknown>).add : undefined;
    for (const add of Array.isArray(adds) ? adds : []) {
      const key = typeof add?.['@key'] === 'string' ? (add['@key'] as string) : '';
      const value = typeof add?.['@value'] === 'string' ? (add['@value'] as string) : '';
      const found = [...value.matchAll(VARIABLE)].map((m) => m[1]!);
      for (const v of found) variables.add(v);
      if (SECRET_KEYS.has(key.toLowerCase()) && value !== '' && found.length === 0) {
        const at = text.indexOf(value);
        throw new UserError(
          `${lineOf(file, text, at < 0 ? 0 : at)} holds a literal ${key} for the package source "${shorten(source, 60)}": the restore copies NuGet.config into the build, so the secret would stay in the build cache. ` +
            `Write value="%NUGET_TOKEN%" instead (NuGet reads environment variables there), and build with docker build --secret id=NUGET_TOKEN,env=NUGET_TOKEN .`,
        );
      }
    }
  }
  return [...variables].sort();
}
