// The interactive step: confirm or change what detection found, then pick the base from a menu
// that shows all four kinds, the recommended one marked and why each other is or is not possible.
// Only values the user did not already give as flags are asked.
import { confirm, input, select } from '@inquirer/prompts';
import { applyOverrides, type Detected } from './detect/index.js';
import { validateFacts } from './detect/validate.js';
import { ANSWERED_PORT, portRefusal, settingOf } from './detect/port.js';
import { applyDeployEvidence } from './evidence/index.js';
import type { Options } from './options.js';
import type { Interaction } from './interaction.js';
import type { Project } from './project.js';
import { startArgv } from './report.js';
import type { BaseKind, Plan } from './types.js';
import type { Output } from './output.js';
import { terminalMessage } from './terminal-text.js';
import { BESIDE, unifiedDiff, type FileState, type Resolution } from './write/write.js';

export function inquirerInteraction(): Interaction {
  // This module is imported only by interactive runs (cli.ts and pipeline.ts load it lazily), so
  // non-interactive runs (CI, --yes) never pay for the prompt library. Named imports let the
  // bundle keep only these three prompts (not the editor prompt and its encoding tables).
  // Prompts show project values (sources, commands, reasons): shown through the same sanitiser
  // as every other print (src/terminal-text.ts), so they cannot move the cursor or reorder text.
  return {
    select: async (q) => select({
      ...q,
      message: terminalMessage(q.message),
      choices: q.choices.map((c) => ({
        ...c,
        ...(c.name === undefined ? {} : { name: terminalMessage(c.name) }),
        ...(c.description === undefined ? {} : { description: terminalMessage(c.description) }),
        ...(typeof c.disabled === 'string' ? { disabled: terminalMessage(c.disabled) } : {}),
      })),
    } as never),
    input: async (q) => input({ ...q, message: terminalMessage(q.message) }),
    confirm: async (q) => confirm({ ...q, message: terminalMessage(q.message) }),
  };
}

export async function askFacts(project: Project, detected: Detected, options: Options, interaction: Interaction): Promise<Detected> {
  const { facts, ecosystem } = detected;
  let current = detected;
  const answers: Pick<Options, 'runtimeVersion' | 'port' | 'cmd'> = {
    runtimeVersion: options.runtimeVersion,
    port: options.port,
    cmd: options.cmd,
  };
  if (options.packageManager === undefined) {
    const pm = (await interaction.input({
      message: `Package manager (found ${facts.packageManager.value} from ${facts.packageManager.source})`,
      default: facts.packageManager.value,
    })).trim();
    if (pm !== facts.packageManager.value) {
      // Detected again, with the deploy files laid under it as the first detection had them.
      const again = ecosystem.detect(project, { packageManager: pm, main: options.main, cmd: options.cmd });
      current = { ecosystem, facts: applyDeployEvidence(facts.languageSource ? { ...again, languageSource: facts.languageSource } : again, project) };
    }
  }
  if (answers.runtimeVersion === undefined) {
    const found = facts.runtime.constraint ?? 'any';
    const version = (await interaction.input({
      message: `Runtime version (project asks for ${found}, from ${facts.runtime.source}; leave as is to let the base decide)`,
      default: facts.runtime.constraint ?? '',
    })).trim();
    if (version !== '' && version !== (facts.runtime.constraint ?? '')) answers.runtimeVersion = version;
  }
  if (answers.port === undefined) {
    const port = (await interaction.input({
      message: `Port the app listens on (${current.facts.port.value === null ? 'none found' : `found from ${current.facts.port.source}; ${portHow(current.facts)}`}; empty for none)`,
      default: current.facts.port.value === null ? '' : String(current.facts.port.value),
      // The answer goes through the port rule like --port: a port the app cannot be told is refused, with why.
      validate: (value) => {
        const text = value.trim();
        if (text === '') return true;
        if (!(/^\d{1,5}$/.test(text) && Number(text) >= 1 && Number(text) <= 65535)) return 'a port is a whole number from 1 to 65535';
        return portRefusal(current.facts, Number(text), 'Port') ?? true;
      },
    })).trim();
    if (port !== '' && Number(port) !== current.facts.port.value) answers.port = Number(port);
  }
  if (answers.cmd === undefined) {
    const shown = facts.start.value.kind === 'exec' ? startArgv(facts.start.value).join(' ') : facts.start.value.command;
    const cmd = (await interaction.input({ message: `Start command (from ${facts.start.source})`, default: shown })).trim();
    if (cmd !== '' && cmd !== shown) answers.cmd = cmd;
  }
  const facts2 = applyOverrides(current.facts, answers, portSource(facts, options));
  validateFacts(facts2, current.ecosystem);
  return { ecosystem: current.ecosystem, facts: facts2 };
}

/** Where a port given before the prompts came from (the detect step named it: --port or the recorded choice), else the answer. */
function portSource(detected: Detected['facts'], options: Options): string {
  if (options.port === undefined) return ANSWERED_PORT;
  return detected.port.value === options.port ? detected.port.source : '--port';
}

/** How the app is told its port, in a few words for the prompt. */
function portHow(facts: Detected['facts']): string {
  const setting = settingOf(facts);
  if (setting.kind === 'env') return `the image can set it through ${Object.keys(setting.env).join(', ')}`;
  if (setting.kind === 'argument') return 'the image can set it as a start argument';
  if (setting.kind === 'fixed') return `fixed at ${setting.where}`;
  return 'how the app is told it is not known';
}

export async function askBase(plan: Plan, interaction: Interaction, requested: BaseKind | 'auto' = 'auto'): Promise<BaseKind> {
  if (requested !== 'auto') return requested;
  return interaction.select<BaseKind>({
    message: 'Final base image',
    default: plan.base,
    choices: plan.options.map((option) => ({
      value: option.kind,
      name: `${option.kind}${option.kind === plan.base ? ' (recommended)' : ''}${option.runtimeImage ? `  ${option.runtimeImage}` : ''}`,
      description: option.why,
      disabled: option.possible ? false : `not possible: ${option.why}`,
    })),
  });
}

/**
 * Files on disk differ from the new ones: show the differences, write the new pair beside them
 * (Dockerfile.slim), overwrite, or cancel. Every answer given so far is kept by the first three.
 */
export function conflictResolver(interaction: Interaction, output: Output): (differing: FileState[]) => Promise<Resolution> {
  return async (differing) => {
    const names = differing.map((s) => s.file).join(' and ');
    const beside = [...new Set(differing.map((s) => BESIDE[s.file] ?? `${s.file}.slim`))].join(' and ');
    for (;;) {
      const answer = await interaction.select<Resolution | 'diff'>({
        message: `${names} ${differing.length > 1 ? 'exist and differ' : 'exists and differs'} from what would be generated. What now?`,
        default: 'diff',
        choices: [
          { value: 'diff', name: 'Show the differences' },
          { value: 'beside', name: `Keep ${names}; write the new files beside ${differing.length > 1 ? 'them' : 'it'} (${beside})` },
          { value: 'overwrite', name: `Overwrite ${names}` },
          { value: 'cancel', name: 'Cancel; write nothing' },
        ],
      });
      if (answer !== 'diff') return answer;
      for (const state of differing) output.out(unifiedDiff(state.file, state.current ?? '', state.next));
    }
  };
}
