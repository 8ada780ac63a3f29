// The arguments a repository's own deploy files give its compiled program. Many servers are one
// binary with subcommands (`shiori server`, `lldap run`): started bare they print help and exit.
// An existing Dockerfile, Procfile or compose file that runs the program by name says which
// subcommand serves. Only the leading subcommand words are taken: options and their values after
// them (`--config-file /data/x.toml`, `-p $PORT`) name that deployment's files, variables and
// hosts, which the generated image does not have, so they are left out and counted in the reason.
import { yaml } from '../lazy.js';
import type { Project } from '../project.js';
import { COMPOSE_FILES, GENERATED, finalStage, inDeployDirs, instructions, readOrNull } from './deploy-files.js';

export interface LaunchArgs {
  args: string[];
  /** Where they come from: "Dockerfile CMD", "Procfile web". */
  source: string;
  /** How many arguments after the subcommand words were left out. */
  dropped: number;
}

/** A subcommand word: lower-case letters, digits, - and _, as CLI frameworks name commands. */
const SUBCOMMAND = /^[a-z][a-z0-9_-]{0,39}$/;
/** Folders an entrypoint script named by a Dockerfile is looked for in (its own basename). */
const SCRIPT_DIRS = ['.', 'docker', 'deploy', 'scripts', 'bin', '.docker', 'build'];

const basename = (path: string) => path.slice(path.lastIndexOf('/') + 1);

/** Words of a command: an exec-form JSON array, or a shell form split at white space. */
function words(form: string): string[] {
  const text = form.trim();
  if (text.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(text);
      return Array.isArray(parsed) && parsed.every((w) => typeof w === 'string') ? (parsed as string[]) : [];
    } catch {
      return [];
    }
  }
  return text.split(/\s+/).filter((w) => w !== '');
}

function leading(rest: string[], source: string): LaunchArgs | null {
  let n = 0;
  while (n < rest.length && SUBCOMMAND.test(rest[n] as string)) n++;
  return n === 0 ? null : { args: rest.slice(0, n), source, dropped: rest.length - n };
}

/**
 * An entrypoint script that hands its arguments to the program (`exec /app/lldap "$@"`), so the
 * Dockerfile's CMD is the program's arguments.
 */
function scriptPassesArgs(project: Project, script: string, program: string): boolean {
  const name = basename(script);
  for (const dir of SCRIPT_DIRS) {
    const rel = dir === '.' ? name : `${dir}/${name}`;
    if (!project.isFile(rel)) continue;
    const text = readOrNull(project, rel);
    if (text === null) continue;
    for (const line of text.split('\n')) {
      const tokens = line.trim().split(/\s+/);
      const at = tokens.findIndex((t) => basename(t) === program);
      if (at >= 0 && ['"$@"', '$@', '"${@}"'].includes(tokens[at + 1] ?? '')) return true;
    }
  }
  return false;
}

function fromDockerfiles(project: Project, program: string): LaunchArgs | null {
  for (const file of inDeployDirs(project, (name) => /^dockerfile(\.[\w-]+)?$/i.test(name))) {
    const text = readOrNull(project, file);
    if (text === null || text.includes(GENERATED)) continue;
    const final = finalStage(instructions(text));
    const last = (keyword: string) => final.filter(([k]) => k === keyword).at(-1)?.[1] ?? null;
    const entrypoint = words(last('ENTRYPOINT') ?? '');
    const cmd = words(last('CMD') ?? '');
    if (entrypoint.length > 0 && basename(entrypoint[0] as string) === program) {
      const found = leading([...entrypoint.slice(1), ...cmd], `${file} ENTRYPOINT and CMD`);
      if (found) return found;
    } else if (entrypoint.length === 1 && scriptPassesArgs(project, entrypoint[0] as string, program)) {
      const found = leading(cmd, `${file} CMD (which ${basename(entrypoint[0] as string)} passes on)`);
      if (found) return found;
    } else if (entrypoint.length === 0 && cmd.length > 0 && basename(cmd[0] as string) === program) {
      const found = leading(cmd.slice(1), `${file} CMD`);
      if (found) return found;
    }
  }
  return null;
}

/** Procfile `web:` (https://devcenter.heroku.com/articles/procfile). */
function fromProcfile(project: Project, program: string): LaunchArgs | null {
  const text = readOrNull(project, 'Procfile');
  if (text === null) return null;
  for (const line of text.split('\n')) {
    const colon = line.indexOf(':');
    if (colon < 0 || line.slice(0, colon).trim() !== 'web') continue;
    const tokens = words(line.slice(colon + 1));
    if (tokens.length > 0 && basename(tokens[0] as string) === program) return leading(tokens.slice(1), 'Procfile web');
  }
  return null;
}

/** Does an existing Dockerfile's final ENTRYPOINT run the program itself? Then CMD and compose `command` are its arguments. */
function entrypointIsProgram(project: Project, program: string): boolean {
  return inDeployDirs(project, (name) => /^dockerfile(\.[\w-]+)?$/i.test(name)).some((file) => {
    const text = readOrNull(project, file);
    if (text === null || text.includes(GENERATED)) return false;
    const entrypoint = words(finalStage(instructions(text)).filter(([k]) => k === 'ENTRYPOINT').at(-1)?.[1] ?? '');
    return entrypoint.length === 1 && basename(entrypoint[0] as string) === program;
  });
}

/**
 * A compose service whose `command` runs the program, or, when the repository's Dockerfile has
 * the program as its ENTRYPOINT, the `command` of the service that runs that image (named after
 * the program, or built here): compose's command replaces CMD
 * (https://docs.docker.com/reference/compose-file/services/#command).
 */
function fromCompose(project: Project, program: string): LaunchArgs | null {
  const viaEntrypoint = entrypointIsProgram(project, program);
  for (const file of inDeployDirs(project, (name) => COMPOSE_FILES.includes(name))) {
    const text = readOrNull(project, file);
    if (text === null) continue;
    let services: unknown;
    try {
      services = (yaml().parse(text, { maxAliasCount: 100 }) as { services?: unknown } | null)?.services;
    } catch {
      continue;
    }
    if (services === null || typeof services !== 'object') continue;
    for (const [name, service] of Object.entries(services as Record<string, unknown>)) {
      const { command, image, build } = (service ?? {}) as { command?: unknown; image?: unknown; build?: unknown };
      const tokens = typeof command === 'string' ? words(command) : Array.isArray(command) && command.every((w) => typeof w === 'string') ? (command as string[]) : [];
      if (tokens.length > 0 && basename(tokens[0] as string) === program) {
        const found = leading(tokens.slice(1), `${file} services.${name}.command`);
        if (found) return found;
      }
      const imageName = typeof image === 'string' ? basename(image.split(':')[0] as string) : null;
      if (viaEntrypoint && tokens.length > 0 && (name === program || imageName === program || build !== undefined)) {
        const found = leading(tokens, `${file} services.${name}.command (the Dockerfile's ENTRYPOINT is ${program})`);
        if (found) return found;
      }
    }
  }
  return null;
}

/** The subcommand the repository's deploy files run `program` with, best source first; null when none. */
export function launchArgs(project: Project, program: string): LaunchArgs | null {
  return fromDockerfiles(project, program) ?? fromProcfile(project, program) ?? fromCompose(project, program);
}
