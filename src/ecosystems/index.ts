// The registry: every supported ecosystem, in the order auto-detection tries them. Adding a
// language is one folder under src/ecosystems/ and one line here (plus templates/<lang>/,
// fixtures and snapshots); LANGUAGES, --help, --language and config validation follow from it.
//
// Each line pairs the ecosystem's marks (its entry.ts: names and checks by file names alone) with
// its code, imported only when a run needs it: the bundle keeps each ecosystem in a chunk of its
// own (scripts/bundle.mjs), so a Node.js project's run never compiles the Java or .NET code.
import type { Ecosystem, EcosystemEntry, EcosystemMarks } from '../ecosystem.js';
import type { Project } from '../project.js';
import { nodeMarks } from './node/entry.js';
import { bunMarks } from './bun/entry.js';
import { denoMarks } from './deno/entry.js';
import { goMarks } from './go/entry.js';
import { rustMarks } from './rust/entry.js';
import { rubyMarks } from './ruby/entry.js';
import { pythonMarks } from './python/entry.js';
import { javaMarks } from './java/entry.js';
import { phpMarks } from './php/entry.js';
import { dotnetMarks } from './dotnet/entry.js';
import { staticMarks } from './static/entry.js';

const entry = (marks: EcosystemMarks, load: () => Promise<Ecosystem>): EcosystemEntry => ({ ...marks, load });

export const ECOSYSTEMS: readonly EcosystemEntry[] = [
  entry(nodeMarks, async () => (await import('./node/index.js')).node),
  entry(bunMarks, async () => (await import('./bun/index.js')).bun),
  entry(denoMarks, async () => (await import('./deno/index.js')).deno),
  entry(goMarks, async () => (await import('./go/index.js')).go),
  entry(rustMarks, async () => (await import('./rust/index.js')).rust),
  entry(rubyMarks, async () => (await import('./ruby/index.js')).ruby),
  entry(pythonMarks, async () => (await import('./python/index.js')).python),
  entry(javaMarks, async () => (await import('./java/index.js')).java),
  entry(phpMarks, async () => (await import('./php/index.js')).php),
  entry(dotnetMarks, async () => (await import('./dotnet/index.js')).dotnet),
  entry(staticMarks, async () => (await import('./static/index.js')).staticSite),
];

/** The names --language and .slim-image/config.json accept, in registry order. */
export const LANGUAGES: readonly string[] = ECOSYSTEMS.map((e) => e.language);

/** One ecosystem's code, by name; undefined for a name the registry does not list. */
export async function loadEcosystem(language: string): Promise<Ecosystem | undefined> {
  return ECOSYSTEMS.find((e) => e.language === language)?.load();
}

/** The ecosystems whose code these entries name, in registry order. */
export async function loadEcosystems(entries: readonly EcosystemEntry[] = ECOSYSTEMS): Promise<Ecosystem[]> {
  return Promise.all(entries.map((e) => e.load()));
}

/** The ecosystems that recognize the folder, in registry order: only those its file names may mark are loaded. */
export async function recognizing(project: Project): Promise<Ecosystem[]> {
  const loaded = await loadEcosystems(ECOSYSTEMS.filter((e) => e.mayBe(project)));
  return loaded.filter((e) => e.recognizes(project));
}
