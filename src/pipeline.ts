// The whole story in one place: detect -> plan -> ask -> render -> write (-> verify) -> report.
// Nothing touches the project folder until everything is decided and rendered.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { detectStep, type Detected } from './detect/index.js';
import { DriftError, UserError } from './errors.js';
import type { Options } from './options.js';
import type { Output } from './output.js';
import { chooseBase } from './plan/choose-base.js';
import { render } from './render/render.js';
import { commonView } from './render/view.js';
import { buildReport, formatSummary, type Report } from './report.js';
import type { BaseKind, Language, Plan, RenderedFiles } from './types.js';
import { compareFiles, unifiedDiff, writeFiles, type FileState } from './write/write.js';
import { Project } from './project.js';
import { applyConfig, CONFIG_FILE, readConfig, recordedChoices, saveConfig } from './config/config.js';
import { extraView, restrictForAdditions } from './config/extra.js';
import { buildContextOf, placeFiles } from './config/layout.js';
import { chooseWorkspaceApp } from './ecosystems/node/workspaces.js';
import { eject, projectTemplateDir, type EjectResult } from './eject.js';

/** The prompts the interactive run needs; tests swap in scripted answers. */
export interface Interaction {
  select<T extends string>(question: {
    message: string;
    choices: Array<{ value: T; name: string; description?: string; disabled?: string | false }>;
    default?: T;
  }): Promise<T>;
  input(question: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
}

export interface RunResult {
  report: Report;
  states: FileState[];
}

export async function run(flags: Options, output: Output, interaction?: Interaction): Promise<RunResult> {
  const { project, options } = await projectStep(flags, output, interaction);
  let detected = await detectStep(project, options, interaction);
  let plan = planStep(detected, options);
  if (interaction) ({ detected, plan } = await askStep(project, detected, options, interaction));
  const context = buildContextOf(detected.facts);
  const files = renderStep(project, detected, plan, options);
  const placed = placeFiles(files, context);
  // Verify before writing, from a copy: a failed verify leaves the project exactly as it was.
  const verification = options.verify ? await verifyStep(project, detected, plan, files, options, output, context !== null) : undefined;
  const states = options.check ? checkStep(project, placed) : await writeStep(project, placed, options, interaction);
  if (!options.check && !options.dryRun) configStep(project, detected, plan, options, output);
  if (context) output.info(`Build it from the repository root (${context.context}): ${context.command}`);
  const report: Report = { ...buildReport(detected.facts, plan, files, verification?.json), ...(context ? { buildContext: context } : {}) };
  reportStep(report, detected, plan, states, options, output);
  if (verification && !options.json) output.out(verification.text);
  return { report, states };
}

/** --eject: copy the built-in templates into the override folder, and stop. */
export async function ejectStep(options: Options, output: Output, interaction?: Interaction): Promise<EjectResult> {
  return eject(openProject(options.dir), options, output, interaction);
}

/**
 * The project folder (the app's, in a monorepo) and the options with the project's recorded
 * choices (.slim-image/config.json) laid under the flags.
 */
async function projectStep(flags: Options, output: Output, interaction?: Interaction): Promise<{ project: Project; options: Options }> {
  let project = openProject(flags.dir);
  if (flags.language === undefined || flags.language === 'node') {
    const choice = await chooseWorkspaceApp(project, flags.app, interaction);
    if (choice.note) output.info(choice.note);
    project = choice.project;
  } else if (flags.app !== undefined) {
    throw new UserError('--app picks an app of a Node.js monorepo (npm, yarn or pnpm workspaces); it does not go with --language ' + flags.language + '.');
  }
  return { project, options: applyConfig(flags, readConfig(project), project.root) };
}

/** Records the choices that differ from detection, so a rerun needs no flags (README "Reproducible reruns"). */
function configStep(project: Project, detected: Detected, plan: Plan, options: Options, output: Output): void {
  let recommended: BaseKind = plan.base;
  if (options.base === 'auto') {
    try {
      recommended = planStep(detected, { base: 'auto', additions: options.additions }).base;
    } catch {
      recommended = plan.base;
    }
  }
  const status = saveConfig(project.root, recordedChoices(options, detected.facts, plan, recommended, project.root));
  if (status === 'created' || status === 'updated') {
    output.info(`${status === 'created' ? 'Recorded' : 'Updated'} your choices in ${CONFIG_FILE}; commit it, and reruns (and --check in CI) need no flags.`);
  }
}

function openProject(dir: string): Project {
  const root = resolve(dir);
  let isDir = false;
  try {
    isDir = statSync(root).isDirectory();
  } catch {
    throw new UserError(`The project folder ${dir} does not exist. Pass the path of a project folder, or run inside one.`);
  }
  if (!isDir) throw new UserError(`${dir} is a file, not a folder. Pass the project's folder (the one holding package.json, pyproject.toml, go.mod, ...).`);
  return new Project(root);
}

export function planStep(detected: Detected, options: Pick<Options, 'base'> & Partial<Pick<Options, 'additions'>>): Plan {
  const assessed = detected.ecosystem.assess(detected.facts);
  return chooseBase(options.additions ? restrictForAdditions(assessed, options.additions) : assessed, options.base);
}

async function askStep(project: Project, detected: Detected, options: Options, interaction: Interaction) {
  const { askFacts, askBase } = await import('./ask.js');
  const answered = await askFacts(project, detected, options, interaction);
  const replanned = planStep(answered, options);
  const base = await askBase(replanned, interaction, options.base);
  const finalPlan = base === replanned.base ? replanned : planStep(answered, { ...options, base });
  return { detected: answered, plan: finalPlan };
}

/** Overrides live in the project (.slim-image/templates/) or come from --templates. */
export function templateDir(project: Project, options: Pick<Options, 'templates'>): string | undefined {
  if (options.templates) {
    const dir = resolve(options.templates);
    if (!isDirectory(dir)) throw new UserError(`--templates ${options.templates} is not a folder. Pass a folder that mirrors the built-in templates/ layout.`);
    return dir;
  }
  const own = projectTemplateDir(project);
  return isDirectory(own) ? own : undefined;
}

function renderStep(project: Project, detected: Detected, plan: Plan, options: Options): RenderedFiles {
  const extra = extraView(options.additions, plan.base);
  detected.facts.warnings.push(...extra.warnings);
  const view = { ...commonView(detected.facts, plan, extra.view), ...detected.ecosystem.view(detected.facts, plan) };
  return render(detected.facts.language as Language, view, templateDir(project, options));
}

function checkStep(project: Project, files: RenderedFiles): FileState[] {
  const states = compareFiles(project.root, files);
  const drifted = states.filter((s) => s.status !== 'identical');
  if (drifted.length > 0) {
    const diffs = drifted.map((s) => (s.current === null ? `${s.file} is missing` : unifiedDiff(s.file, s.current, s.next)));
    throw new DriftError(
      `${drifted.map((s) => s.file).join(' and ')} ${drifted.length > 1 ? 'differ' : 'differs'} from what would be generated. ` +
        `Run create-slim-image --force to regenerate, or keep your edits in a template override.\n${diffs.join('\n')}`,
    );
  }
  return states;
}

async function writeStep(project: Project, files: RenderedFiles, options: Options, interaction?: Interaction): Promise<FileState[]> {
  if (options.dryRun) return compareFiles(project.root, files);
  return writeFiles(project.root, files, {
    force: options.force,
    ...(interaction
      ? { confirmOverwrite: (file: string) => interaction.confirm({ message: `${file} exists and differs. Overwrite it?`, default: false }) }
      : {}),
  });
}

async function verifyStep(project: Project, detected: Detected, plan: Plan, files: RenderedFiles, options: Options, output: Output, monorepoApp: boolean) {
  if (monorepoApp) {
    throw new UserError('--verify does not build monorepo apps yet (their build context is the repository root). Generate without --verify, then build from the root as printed.');
  }
  const { verify, verifyJson, formatVerify } = await import('./verify/index.js');
  const report = await verify({
    projectDir: project.root,
    files,
    written: false,
    language: detected.facts.language,
    port: detected.facts.port.value,
    packageManager: detected.facts.packageManager.value,
    runtimeVersion: plan.runtimeVersion,
    engine: options.engine ?? process.env.SLIM_IMAGE_ENGINE,
    keepImage: options.keepImage,
    compare: options.compare,
    json: options.json,
    output,
  });
  const text = formatVerify(report);
  if (!report.ok) throw new UserError(`The image built but did not pass verification, so nothing was written:\n${text}`);
  return { json: verifyJson(report), text };
}

function reportStep(report: Report, detected: Detected, plan: Plan, states: FileState[], options: Options, output: Output): void {
  for (const warning of detected.facts.warnings) output.warn(warning);
  if (options.json) {
    output.out(JSON.stringify(report, null, 2));
    return;
  }
  output.out(formatSummary(report, detected.facts, plan, states, options));
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
