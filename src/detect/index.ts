// The detect step: which ecosystem, then its facts, then the user's overrides laid on top.
import { ChoiceNeeded, UsageError, UserError } from '../errors.js';
import type { Ecosystem } from '../ecosystem.js';
import { ECOSYSTEMS, loadEcosystem, loadEcosystems, recognizing } from '../ecosystems/index.js';
import type { Options } from '../options.js';
import type { Interaction } from '../interaction.js';
import type { Project } from '../project.js';
import { assertNoControl } from '../render/quote.js';
import type { CommonFacts } from '../types.js';
import { parseCommand } from './command.js';
import { validateFacts } from './validate.js';
import { forStart, withPort } from './port.js';
import { applyDeployEvidence } from '../evidence/index.js';
import { today } from '../knowledge/clock.js';
import { resolveAssets } from './assets.js';

export interface Detected {
  ecosystem: Ecosystem;
  facts: CommonFacts;
}

/**
 * Which ecosystem the project is, its facts, and the flags laid on top, checked before any
 * template sees them. The options come back with what was answered at a prompt (--main), so
 * later steps and the recorded choices see it as if it had been passed.
 */
export async function detectEcosystem(project: Project, options: Options, interaction?: Interaction, portSource = '--port'): Promise<Detected & { options: Options }> {
  const { ecosystem, why } = await chooseEcosystem(project, options, interaction);
  const { facts, main } = await detectAsking(ecosystem, project, options, interaction);
  const evidenced = applyDeployEvidence(why === null ? facts : { ...facts, languageSource: why }, project);
  const final = applyOverrides(resolveAssets(evidenced, project, await assetBuilders(evidenced), today()), options, portSource);
  validateFacts(final, ecosystem);
  return { ecosystem, facts: final, options: main === options.main ? options : { ...options, main } };
}

/** The ecosystems that may build the app's asset needs (a front end beside a Go app), loaded only when it has some. */
async function assetBuilders(facts: CommonFacts): Promise<Ecosystem[]> {
  if ((facts.assetNeeds ?? []).length === 0) return [];
  return loadEcosystems(ECOSYSTEMS.filter((e) => e.buildsAssets === true && e.language !== facts.language));
}

/** Detection, and on a terminal, the question a detector could not answer alone (which program). */
async function detectAsking(ecosystem: Ecosystem, project: Project, options: Options, interaction?: Interaction): Promise<{ facts: CommonFacts; main: string | undefined }> {
  try {
    return { facts: ecosystem.detect(project, { packageManager: options.packageManager, main: options.main, cmd: options.cmd }), main: options.main };
  } catch (error) {
    if (!(error instanceof ChoiceNeeded) || !interaction || options.main !== undefined) throw error;
    const main = await interaction.select({ message: error.question, choices: error.choices.map((choice) => ({ value: choice, name: choice })) });
    return { facts: ecosystem.detect(project, { packageManager: options.packageManager, main, cmd: options.cmd }), main };
  }
}

/** The ecosystem of the app, and why it won when several were present (null when it was alone or named). */
async function chooseEcosystem(project: Project, options: Pick<Options, 'language' | 'dir'>, interaction?: Interaction): Promise<{ ecosystem: Ecosystem; why: string | null }> {
  if (options.language) {
    const chosen = await loadEcosystem(options.language);
    if (!chosen) throw new UsageError(`--language ${options.language} is not supported yet; supported: ${ECOSYSTEMS.map((e) => e.language).join(', ')}.`);
    return { ecosystem: chosen, why: null };
  }
  const recognized = await recognizing(project);
  // A narrower reading takes the place of the ecosystem it refines (a static site is a Node.js
  // project whose output is only files), so the two never compete for one folder.
  const refinedBy = new Map(recognized.flatMap((e) => {
    const other = e.refines?.(project) ?? null;
    return other === null ? [] : [[other, e.language] as const];
  }));
  const refined = new Set(refinedBy.keys());
  const candidates = recognized.filter((e) => !refined.has(e.language));
  if (candidates.length === 1) {
    const only = candidates[0]!;
    const aside = recognized.filter((e) => refinedBy.get(e.language) === only.language).map((e) => e.language);
    return { ecosystem: only, why: aside.length === 0 ? null : `${only.language}, which refines ${aside.join(', ')}: it recognizes this ${aside.join(', ')} project as its own` };
  }
  if (candidates.length === 0) {
    const lookedFor = ECOSYSTEMS.map((e) => `${e.language} (${e.markers.join(', ')})`).join('; ');
    throw new UserError(
      `Nothing in ${options.dir} looks like a project this tool knows. Looked for: ${lookedFor}. ` +
        'Run it in the project folder, or pass --language to say what it is.',
    );
  }
  // Tooling steps aside: a package.json that only lints or builds assets beside a Python or Go app.
  const tooling = candidates.map((e) => ({ ecosystem: e, why: e.tooling(project) }));
  const apps = tooling.filter((t) => t.why === null).map((t) => t.ecosystem);
  if (apps.length === 1) {
    const aside = tooling.filter((t) => t.why !== null).map((t) => `${t.ecosystem.language}: ${t.why}`);
    return { ecosystem: apps[0]!, why: `${apps[0]!.language}, the only app here; ${aside.join('; ')}` };
  }
  const names = candidates.map((e) => e.language);
  if (!interaction) {
    throw new UserError(
      `${options.dir} holds more than one kind of project (${names.join(', ')}). Pass --language with one of them, ` +
        'or point at the sub-folder of the app you want to containerize.',
    );
  }
  const language = await interaction.select({
    message: 'Several ecosystems found. Which one is the app?',
    choices: candidates.map((e) => ({ value: e.language, name: e.language, description: `found ${e.markers.filter((m) => project.exists(m)).join(', ')}` })),
  });
  return { ecosystem: candidates.find((e) => e.language === language)!, why: `${language}, answered at the prompt` };
}

/**
 * Flags win over detection; each override says it came from the flag. A port goes through the
 * port rule (src/detect/port.ts): set through the app's own mechanism, or refused when the app
 * cannot be told it. `portSource` names where the port came from ("--port", "the answer").
 */
export function applyOverrides(facts: CommonFacts, options: Pick<Options, 'runtimeVersion' | 'port' | 'cmd'>, portSource = '--port'): CommonFacts {
  let next = { ...facts };
  if (options.runtimeVersion !== undefined) {
    const version = options.runtimeVersion.trim().replace(/^v/, '');
    if (!/^\d{1,3}(\.\d{1,3}){0,2}$/.test(version)) {
      throw new UsageError(`--runtime-version must be a version like 22, 3.13 or 1.24.2; got "${options.runtimeVersion}".`);
    }
    next.runtime = { constraint: version, pinned: true, source: '--runtime-version' };
  }
  if (options.cmd !== undefined) {
    assertNoControl(options.cmd, '--cmd');
    if (options.cmd.trim() === '') throw new UsageError('--cmd needs a command, e.g. --cmd "node server.js".');
    next = forStart(next, { value: parseCommand(options.cmd), source: '--cmd' });
  }
  if (options.port !== undefined) next = withPort(next, { value: options.port, source: portSource });
  return next;
}
