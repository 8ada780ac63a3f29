// The one port rule (issue 14): the port the image exposes is the port the app will listen on,
// set through the app's own mechanism when it has one, and explained when it cannot be.
//
// Every way a port reaches the image goes through here: the detector's port and PortSetting (how
// the app is told its port: a variable it reads, an argument of its start command, a literal),
// deploy files (src/evidence), --port, the answer at the prompt and a recorded port. withPort()
// lays a port over the facts (refusing one the app cannot be told), portEnv() is the environment
// the ecosystems' views print, and describePort() says how it is set, for the report.
import { UserError } from '../errors.js';
import type { CommonFacts, Fact, PortSetting, StartCommand } from '../types.js';

const UNKNOWN: PortSetting = { kind: 'unknown' };

/** The source of a port answered at the prompt (recorded like --port, see config.ts). */
export const ANSWERED_PORT = 'the port answered at the prompt';

export function settingOf(facts: Pick<CommonFacts, 'portSetting'>): PortSetting {
  return facts.portSetting ?? UNKNOWN;
}

/** Replaces "{port}" in a variable's value or an argument's format. */
const fill = (format: string, port: number): string => format.replaceAll('{port}', String(port));

/**
 * Why the app cannot be made to listen on `port`, or null when it can be (or when nothing says
 * it cannot). `asked` names where the port came from ("--port", "the answer").
 */
export function portRefusal(facts: Pick<CommonFacts, 'port' | 'portSetting'>, port: number, asked: string): string | null {
  const setting = settingOf(facts);
  const current = facts.port.value;
  if (setting.kind !== 'fixed' || current === null || current === port) return null;
  return (
    `${asked} ${port}: the app listens on ${current}, fixed at ${setting.where}, and reads no setting the image could change, ` +
    `so an image exposing ${port} would not answer. Change the port there (or make the app read a PORT variable) and run again, ` +
    `or keep ${current}: to reach it on ${port}, publish it when you run the image (docker run -p ${port}:${current}).`
  );
}

/**
 * The facts with `requested` as the port the app listens on: the start command carries it when
 * the app takes it as an argument; a port the app cannot be told is refused (UserError); when
 * nothing says how the app picks its port, the port is taken with a warning.
 */
export function withPort<F extends CommonFacts>(facts: F, requested: Fact<number>): F {
  const refusal = portRefusal(facts, requested.value, requested.source);
  if (refusal !== null) throw new UserError(refusal);
  const setting = settingOf(facts);
  const next: F = { ...facts, port: requested };
  if (setting.kind === 'argument') {
    const moved = withArgument(facts.start.value, setting, requested.value);
    next.start = { ...facts.start, value: moved.start };
    next.portSetting = moved.setting;
  }
  if (setting.kind === 'unknown' && facts.port.value !== null && facts.port.value !== requested.value) {
    next.warnings = [
      ...facts.warnings,
      `${requested.source} says port ${requested.value}, and ${facts.port.source} says ${facts.port.value}, but nothing found says how the app is told its port: ` +
        `the image exposes ${requested.value} and sets nothing, so make sure the app listens on ${requested.value}.`,
    ];
  }
  return next;
}

/** The start command with the port argument written (in place of the one there, or appended). */
function withArgument(start: StartCommand, setting: Extract<PortSetting, { kind: 'argument' }>, port: number): { start: StartCommand; setting: PortSetting } {
  if (start.kind !== 'exec') return { start, setting: { kind: 'unknown', where: `${setting.where}, but the start command is a shell command` } };
  const written = fill(setting.format, port);
  const at = setting.replaces === null ? -1 : start.argv.indexOf(setting.replaces);
  if (at >= 0) {
    const argv = [...start.argv];
    argv[at] = written;
    return { start: { kind: 'exec', argv }, setting: { ...setting, replaces: written } };
  }
  if (port === setting.default) return { start, setting };
  return { start: { kind: 'exec', argv: [...start.argv, written] }, setting: { ...setting, replaces: written } };
}

/**
 * The start command changed (--cmd, the answer at the prompt): a port argument of the detected
 * command no longer applies; variables the app reads still do.
 */
export function forStart<F extends CommonFacts>(facts: F, start: Fact<StartCommand>): F {
  const setting = settingOf(facts);
  const next: F = { ...facts, start };
  if (setting.kind === 'argument') next.portSetting = { kind: 'unknown', where: `the start command comes from ${start.source}` };
  return next;
}

/** The variables the image sets so the app listens on facts.port (none at the app's own default). */
export function portEnv(facts: Pick<CommonFacts, 'port' | 'portSetting'>): Record<string, string> {
  const setting = settingOf(facts);
  const port = facts.port.value;
  if (setting.kind !== 'env' || port === null) return {};
  if (setting.always !== true && port === setting.default) return {};
  return Object.fromEntries(Object.entries(setting.env).map(([name, value]) => [name, fill(value, port)]));
}

/** How the port is set, for the --json report (`portSetting`) and --explain. */
export interface PortReport {
  /** env | argument | fixed | unknown: see PortSetting. */
  by: PortSetting['kind'];
  /** What the image sets: variables, or the start command's argument. */
  env: Record<string, string>;
  argument: string | null;
  /** One sentence: what the app reads and what the image does about it. */
  note: string;
}

export function describePort(facts: Pick<CommonFacts, 'port' | 'portSetting' | 'start'>): PortReport {
  const setting = settingOf(facts);
  const env = portEnv(facts);
  const port = facts.port.value;
  const argument = setting.kind === 'argument' && setting.replaces !== null && facts.start.value.kind === 'exec' && facts.start.value.argv.includes(setting.replaces) ? setting.replaces : null;
  const report = (note: string): PortReport => ({ by: setting.kind, env, argument, note });
  if (port === null) return report('no port: nothing is exposed');
  switch (setting.kind) {
    case 'env': {
      const names = Object.keys(env);
      if (names.length > 0) return report(`${setting.where}; the image sets ${names.map((n) => `${n}=${env[n]}`).join(' ')} so it listens on ${port}`);
      return report(`${setting.where}; ${port} is its default, so the image sets nothing (set ${Object.keys(setting.env).join(' or ')} to move it)`);
    }
    case 'argument':
      if (argument !== null) return report(`${setting.where}; the start command passes ${argument}`);
      return report(`${setting.where}; ${port} is its default, so the start command passes nothing`);
    case 'fixed':
      return report(`fixed at ${setting.where}; to move it, change it there`);
    case 'image':
      return report(`${setting.where}: the server configuration this Dockerfile writes listens on ${port}`);
    case 'unknown':
      return report(`${setting.where ?? 'nothing found says how the app is told its port'}; the image sets nothing, so the app must listen on ${port} by itself`);
  }
}

/** A variable's setting: the app reads `name` ("{port}" by default), else listens on `fallback`. */
export function envSetting(name: string, fallback: number | null, where: string, format = '{port}'): PortSetting {
  return { kind: 'env', env: { [name]: format }, default: fallback, where };
}

/** "file:line" of the character at `index` of `text`. */
export function lineOf(file: string, text: string, index: number): string {
  return `${file}:${text.slice(0, index).split('\n').length}`;
}
