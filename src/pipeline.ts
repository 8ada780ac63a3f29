// The whole story in one place: STEPS run in order over one run context. Each step declares the
// slice of the context it reads (Pick<Context, ...>) and returns the fields it adds; none changes
// another step's data. Nothing touches the project folder until everything is decided and
// rendered: verify builds from a copy, record decides what to remember, and write applies the
// files and the record together, all or nothing. Every file is read and written through the file
// layer (src/files/access.ts), inside the project's boundary.
import { resolve } from 'node:path';
import { applyConfig, CONFIG_FILE, pendingConfig, readConfig, recordedChoices, type PendingConfig } from './config/config.js';
import { extraView, restrictForAdditions } from './config/extra.js';
import { buildContextOf, placeFiles, type BuildContext } from './config/layout.js';
import { detectEcosystem } from './detect/index.js';
import { COMPOSE_FILE, COMPOSE_FILES, composeFile } from './compose/compose.js';
import { keptOutWarnings } from './detect/kept-out.js';
import { lintWarnings } from './lint/index.js';
import type { Ecosystem } from './ecosystem.js';
import { ECOSYSTEMS, loadEcosystems } from './ecosystems/index.js';
import { eject, projectTemplateDir, type EjectResult } from './eject.js';
import { DriftError, UsageError, UserError } from './errors.js';
import { FileAccess } from './files/access.js';
import type { Interaction } from './interaction.js';
import type { Options } from './options.js';
import type { Output } from './output.js';
import { chooseBase } from './plan/choose-base.js';
import { withInit } from './plan/init.js';
import { withHealthcheck } from './plan/healthcheck.js';
import { checkKnownVersion, endOfLifeWarning } from './plan/releases.js';
import { today } from './knowledge/clock.js';
import { Project } from './project.js';
import { render, type Overrides } from './render/render.js';
import { commonView } from './render/view.js';
import { buildReport, formatSummary, type Report } from './report.js';
import type { BaseKind, CommonFacts, Plan, RenderedFiles } from './types.js';
import { BESIDE, compareFiles, unifiedDiff, writeFiles, type FileState } from './write/write.js';

/** Everything one run knows, filled in step by step. */
export interface Context {
  /** The command line as parsed. */
  flags: Options;
  output: Output;
  /** Set only when the run may ask (decided once, in cli.ts). */
  interaction: Interaction | undefined;
  /** The folder to containerize (the app's, in a monorepo). */
  project: Project;
  /** The flags over the project's recorded choices (.slim-image/config.json). */
  options: Options;
  ecosystem: Ecosystem;
  /** Detected, with the flags and the answers at the prompts laid on top. */
  facts: CommonFacts;
  plan: Plan;
  /** Said once, at the end: the detector's and the additions'. */
  warnings: string[];
  /** Set for a monorepo app: the repository root is the build context. */
  buildContext: BuildContext | null;
  /** The rendered files, by name. */
  files: RenderedFiles;
  /** What recording the choices in .slim-image/config.json does; written with the files. */
  record: PendingConfig;
  /** --verify's outcome, when asked for. */
  verification: { json: unknown; text: string } | undefined;
  /** What happened (or would happen) to each file on disk. */
  states: FileState[];
  report: Report;
}

type Step = (context: Context) => Partial<Context> | Promise<Partial<Context>>;

const STEPS: Step[] = [openStep, detectStep, planStep, askStep, renderStep, verifyStep, recordStep, writeStep, reportStep];

export interface RunResult {
  report: Report;
  states: FileState[];
}

export async function run(flags: Options, output: Output, interaction?: Interaction): Promise<RunResult> {
  // The fields after these three are added by the steps, in order.
  const context = { flags, output, interaction } as Context;
  for (const step of STEPS) Object.assign(context, await step(context));
  return { report: context.report, states: context.states };
}

/** --eject: copy the built-in templates into the override folder, and stop. */
export async function ejectStep(options: Options, output: Output, interaction?: Interaction): Promise<EjectResult> {
  return eject(openProject(options.dir), options, output, interaction);
}

/**
 * The project folder (in a monorepo, the app's: the ecosystems with monorepo support pick it) and
 * the options with the project's recorded choices laid under the flags.
 */
async function openStep({ flags, output, interaction }: Pick<Context, 'flags' | 'output' | 'interaction'>): Promise<Pick<Context, 'project' | 'options'>> {
  let project = openProject(flags.dir);
  // Only ecosystems with monorepo support whose files are here are loaded (all of them with --app,
  // which must say why it cannot apply).
  const monorepos = ECOSYSTEMS.filter((e) => e.mayHoldApps !== undefined && (flags.app !== undefined || e.mayHoldApps(project)));
  const selectors = (await loadEcosystems(monorepos.filter((e) => flags.language === undefined || e.language === flags.language))).flatMap((e) => (e.apps ? [e.apps] : []));
  if (flags.app !== undefined && selectors.length === 0) {
    const kinds = (await loadEcosystems(monorepos)).flatMap((e) => (e.apps ? [e.apps.describes] : [])).join(' or ');
    throw new UsageError(`--app picks an app of ${kinds}; it does not go with --language ${flags.language}.`);
  }
  for (const selector of selectors) {
    const choice = await selector.select(project, flags.app, interaction);
    if (choice === null) continue;
    if (choice.note) output.info(choice.note);
    project = choice.project;
    break;
  }
  return { project, options: applyConfig(flags, readConfig(project), project.root) };
}

function openProject(dir: string): Project {
  const root = resolve(dir);
  // The boundary of every read and write: the project folder's real path, taken once (the folder
  // itself may be reached through a link, /tmp on macOS for instance).
  const access = new FileAccess(root);
  const probe = access.probe(root);
  if (probe.kind === 'missing') throw new UserError(`The project folder ${dir} does not exist. Pass the path of a project folder, or run inside one.`);
  if (probe.kind !== 'dir' && probe.kind !== 'file') throw new UserError(`Cannot open the project folder ${dir} (${probe.kind === 'unreadable' ? probe.code : 'a symbolic-link loop'}). Pass the path of a project folder.`);
  if (probe.kind !== 'dir') throw new UserError(`${dir} is a file, not a folder. Pass the project's folder (the one holding package.json, pyproject.toml, go.mod, ...).`);
  return new Project(root, access);
}

async function detectStep({ flags, project, options, interaction }: Pick<Context, 'flags' | 'project' | 'options' | 'interaction'>): Promise<Pick<Context, 'ecosystem' | 'facts' | 'options'>> {
  // A port refused by the port rule is named by where it came from: the flag or the recorded choice.
  return detectEcosystem(project, options, interaction, flags.port === undefined ? `${CONFIG_FILE} port` : '--port');
}

function planStep({ ecosystem, facts, options }: Pick<Context, 'ecosystem' | 'facts' | 'options'>): Pick<Context, 'plan'> {
  return { plan: planFor(ecosystem, facts, options) };
}

/** The base choice over the ecosystem's assessment, narrowed by --add-package and friends. */
function planFor(ecosystem: Ecosystem, facts: CommonFacts, options: Pick<Options, 'base'> & Partial<Pick<Options, 'additions' | 'healthcheck'>>, chosenBy?: '--base' | 'at the prompt'): Plan {
  checkKnownVersion(ecosystem, facts, today());
  const assessed = ecosystem.assess(facts);
  const chosen = chooseBase(options.additions ? restrictForAdditions(assessed, options.additions) : assessed, options.base, chosenBy);
  return withHealthcheck(withInit(chosen, ecosystem, facts), ecosystem, facts, options.healthcheck);
}

/** On a terminal: confirm or change the detected values, then pick the base from the menu. */
async function askStep(context: Pick<Context, 'project' | 'ecosystem' | 'facts' | 'plan' | 'options' | 'interaction'>): Promise<Partial<Pick<Context, 'ecosystem' | 'facts' | 'plan'>>> {
  const { project, options, interaction } = context;
  if (!interaction) return {};
  const { askFacts, askBase } = await import('./ask.js');
  const { ecosystem, facts } = await askFacts(project, { ecosystem: context.ecosystem, facts: context.facts }, options, interaction);
  const replanned = planFor(ecosystem, facts, options);
  const base = await askBase(replanned, interaction, options.base);
  const chosenBy = options.base === 'auto' ? 'at the prompt' : '--base';
  return { ecosystem, facts, plan: base === replanned.base ? replanned : planFor(ecosystem, facts, { ...options, base }, chosenBy) };
}

function renderStep({ project, ecosystem, facts, plan, options, flags }: Pick<Context, 'project' | 'ecosystem' | 'facts' | 'plan' | 'options' | 'flags'>): Pick<Context, 'files' | 'warnings' | 'buildContext'> {
  const extra = extraView(options.additions, plan.base);
  const view = { ...commonView(facts, plan, extra.view), ...ecosystem.view(facts, plan) };
  const overrides = templateDir(project, options, flags);
  const files = render(ecosystem.language, view, overrides);
  const { packages, env, labels, buildArgs } = options.additions;
  const customized = overrides !== undefined || packages.length + env.length + labels.length + buildArgs.length > 0;
  const buildContext = buildContextOf(ecosystem, facts);
  if (options.compose) files[COMPOSE_FILE] = composeFile({ project, facts, buildContext }).text;
  return {
    files,
    warnings: [
      ...facts.warnings,
      ...[endOfLifeWarning(ecosystem, facts, plan, today())].filter((w) => w !== null),
      ...extra.warnings,
      ...(plan.healthcheckSkipped ? [plan.healthcheckSkipped] : []),
      ...project.notices,
      ...keptOutWarnings(project),
      ...lintWarnings(files, customized),
    ],
    buildContext,
  };
}

/**
 * Overrides live in the project (.slim-image/templates/, or the folder its config names, which
 * must be inside it) or come from --templates. A folder given on the command line is the user's
 * own choice and may be anywhere (a team's shared folder); its files are still read only inside it.
 */
function templateDir(project: Project, options: Pick<Options, 'templates'>, flags: Pick<Options, 'templates'>): Overrides | undefined {
  if (flags.templates) {
    const dir = resolve(flags.templates);
    const access = new FileAccess(dir, project.access.notices, 'the template folder');
    if (access.probe(dir).kind !== 'dir') throw new UsageError(`--templates ${flags.templates} is not a folder. Pass a folder that mirrors the built-in templates/ layout.`);
    return { dir, access };
  }
  const dir = options.templates ? resolve(options.templates) : projectTemplateDir(project);
  const probe = project.access.probe(dir);
  const label = options.templates ? `The templates folder of ${CONFIG_FILE} (${project.relative(dir)})` : project.relative(dir);
  if (probe.kind === 'outside') {
    throw new UserError(`${label} leads outside the project through a symbolic link; templates are read only from inside it. Replace the link with a real folder, or pass the folder with --templates.`);
  }
  if (probe.kind === 'dir') return { dir, access: project.access };
  if (options.templates) throw new UserError(`${label} is not a folder. Fix "templates" in ${CONFIG_FILE}, or create the folder.`);
  return undefined;
}

/** --verify: build and run from a copy, before anything is written, so a failure changes nothing. */
async function verifyStep(context: Pick<Context, 'project' | 'ecosystem' | 'facts' | 'plan' | 'files' | 'options' | 'output' | 'buildContext'>): Promise<Pick<Context, 'verification'>> {
  const { project, ecosystem, facts, plan, files, options, output } = context;
  if (!options.verify) return { verification: undefined };
  if (context.buildContext !== null) {
    throw new UserError('--verify does not build monorepo apps yet (their build context is the repository root). Generate without --verify, then build from the root as printed.');
  }
  const { verify, verifyJson, formatVerify } = await import('./verify/index.js');
  const report = await verify({
    projectDir: project.root,
    files,
    written: false,
    ecosystem,
    port: facts.port.value,
    packageManager: facts.packageManager.value,
    runtimeVersion: plan.runtimeVersion,
    engine: options.engine ?? process.env.SLIM_IMAGE_ENGINE,
    keepImage: options.keepImage,
    compare: options.compare,
    json: options.json,
    output,
  });
  const text = formatVerify(report);
  if (!report.ok) throw new UserError(`The image built but did not pass verification, so nothing was written:\n${text}`);
  return { verification: { json: verifyJson(report), text } };
}

/** --check compares, --dry-run only looks, otherwise the files are written (a monorepo app's beside its Dockerfile). */
async function writeStep(context: Pick<Context, 'project' | 'facts' | 'files' | 'buildContext' | 'options' | 'interaction' | 'output' | 'record'>): Promise<Pick<Context, 'states'>> {
  const { project, facts, files, buildContext, options, interaction, output, record } = context;
  const placed = placeFiles(files, buildContext);
  if (options.check) return { states: checkFiles(project, placed) };
  if (options.dryRun) {
    const linked = (file: string): void =>
      output.warn(`${file} is a symbolic link; writing would refuse it (create-slim-image never writes through a link), so replace the link with a regular file (or remove it) before running without --dry-run.`);
    return { states: compareFiles(project.root, placed, project.access, linked) };
  }
  if (!options.force) refuseOtherComposeFile(project, placed);
  const resolveConflict = interaction ? (await import('./ask.js')).conflictResolver(interaction, output) : undefined;
  const states = await writeFiles(project.root, placed, {
    force: options.force,
    access: project.access,
    extra: record.change ? [record.change] : [],
    ...(resolveConflict ? { resolveConflict } : {}),
    // Beside the user's files, compose.slim.yaml builds Dockerfile.slim.
    beside: (renamed) => {
      const compose = BESIDE[COMPOSE_FILE]!;
      return compose in renamed ? { ...renamed, [compose]: composeFile({ project, facts, buildContext, dockerfile: BESIDE.Dockerfile! }).text } : renamed;
    },
  });
  const beside = states.find((s) => s.file === BESIDE.Dockerfile);
  if (beside) output.info(`Your Dockerfile is untouched; the new one is ${beside.file}: build it with docker build -f ${beside.file} .`);
  if (record.status === 'created' || record.status === 'updated') {
    output.info(`${record.status === 'created' ? 'Recorded' : 'Updated'} your choices in ${CONFIG_FILE}; commit it, and reruns (and --check in CI) need no flags.`);
  }
  return { states };
}

/**
 * compose.yaml beside another compose file the project has (docker-compose.yml, ...) would take
 * its place, since Compose reads compose.yaml first: refused without --force, like overwriting.
 */
function refuseOtherComposeFile(project: Project, files: RenderedFiles): void {
  if (!(COMPOSE_FILE in files)) return;
  const [state] = compareFiles(project.root, { [COMPOSE_FILE]: files[COMPOSE_FILE]! }, project.access);
  if (state?.status === 'identical') return;
  const others = COMPOSE_FILES.filter((name) => name !== COMPOSE_FILE && project.isFile(name));
  if (others.length === 0) return;
  throw new UserError(
    `${others.join(' and ')} already ${others.length > 1 ? 'exist' : 'exists'} in ${project.root}; --compose writes ${COMPOSE_FILE}, which Compose reads in its place ` +
      '(https://docs.docker.com/compose/intro/compose-application-model/#the-compose-file), so nothing was written. ' +
      `Run again with --force to write ${COMPOSE_FILE} anyway, without --compose to leave your compose file alone, or --dry-run to see it.`,
  );
}

function checkFiles(project: Project, files: RenderedFiles): FileState[] {
  const states = compareFiles(project.root, files, project.access);
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

/**
 * Decides the record of the choices that differ from detection, so a rerun needs no flags (README
 * "Reproducible reruns"); the write step writes it together with the files.
 */
function recordStep({ project, ecosystem, facts, plan, options, output }: Pick<Context, 'project' | 'ecosystem' | 'facts' | 'plan' | 'options' | 'output'>): Pick<Context, 'record'> {
  if (options.check || options.dryRun) return { record: { status: 'none', change: null } };
  let recommended: BaseKind = plan.base;
  if (options.base === 'auto') {
    try {
      recommended = planFor(ecosystem, facts, { base: 'auto', additions: options.additions }).base;
    } catch {
      recommended = plan.base;
    }
  }
  const choices = recordedChoices(options, facts, plan, recommended, project.root);
  if (options.templates !== undefined && choices.templates === undefined) {
    output.info(`--templates ${options.templates} is outside the project, so ${CONFIG_FILE} does not record it; pass it on every run.`);
  }
  return { record: pendingConfig(project.root, choices, project.access) };
}

function reportStep(context: Pick<Context, 'facts' | 'plan' | 'files' | 'warnings' | 'buildContext' | 'verification' | 'states' | 'options' | 'output'>): Pick<Context, 'report'> {
  const { facts, plan, files, warnings, buildContext, verification, states, options, output } = context;
  if (buildContext) output.info(`Build it from the repository root (${buildContext.context}): ${buildContext.command}`);
  const report: Report = { ...buildReport(facts, plan, files, warnings, verification?.json), ...(buildContext ? { buildContext } : {}) };
  for (const warning of warnings) output.warn(warning);
  if (options.json) {
    output.out(JSON.stringify(report, null, 2));
  } else {
    output.out(formatSummary(report, facts, plan, states, options));
    if (verification) output.out(verification.text);
  }
  return { report };
}
