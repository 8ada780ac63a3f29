// pip requirements files: the packages they name, following `-r` includes and reading `-c`
// constraints files (which pin versions but add no packages). Paths in a file are relative to
// that file, as pip reads them.
import { posix } from 'node:path';
import { UserError } from '../../errors.js';
import type { Project } from '../../project.js';
import { normalizePackageName } from './knowledge/native.js';
import type { PythonPackage } from './types.js';

export interface Requirements {
  /** The named packages (dev files are never read unless included), in file order, no duplicates. */
  packages: PythonPackage[];
  /** Every file read, the top one first: all must be in the image before `pip install -r`. */
  files: string[];
  /** A line installs a local path (`.`, `-e .`, `./pkg`): the install needs the sources. */
  needsSources: boolean;
}

/** Where a project keeps its runtime requirements, most specific first. */
const REQUIREMENTS_CANDIDATES = [
  'requirements.txt',
  'requirements/production.txt',
  'requirements/prod.txt',
  'requirements/base.txt',
  'requirements/main.txt',
  'requirements-prod.txt',
  'requirements.lock',
];

/** The requirements file pip should install, or null. */
export function findRequirementsFile(project: Project): string | null {
  return REQUIREMENTS_CANDIDATES.find((file) => project.isFile(file)) ?? null;
}

/** Lines of a requirements file with comments stripped and `\` continuations joined. */
function logicalLines(text: string): string[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  return joined
    .split(/\r?\n/)
    .map((line) => line.replace(/(^|\s)#.*$/, '').trim())
    .filter((line) => line !== '');
}

const OPTION_WITH_FILE = /^(-r|--requirement|-c|--constraint)(?:\s*=\s*|\s+)(\S+)$/;
const NAME = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/;

/**
 * The packages and files of a requirements file and everything it includes. The includes are
 * walked with an explicit stack, not recursion, so a chain of thousands of `-r` files cannot
 * overflow the call stack; each file is read once, so a cycle ends where it closes. Packages keep
 * pip's order: an included file's packages come where its `-r` line is.
 */
export function readRequirements(project: Project, top: string): Requirements {
  const packages = new Map<string, PythonPackage>();
  const pins = new Map<string, string>();
  const files: string[] = [];
  const seen = new Set<string>();
  let needsSources = false;

  interface Frame { file: string; lines: string[]; next: number; constraintsOnly: boolean }
  const open = (file: string, constraintsOnly: boolean, from: string | null): Frame => {
    const text = project.readText(file);
    if (text === null) {
      throw new UserError(`${from ?? file} includes ${file}, which does not exist. Fix the -r/-c line or add the file.`);
    }
    seen.add(file);
    files.push(file);
    return { file, lines: logicalLines(text), next: 0, constraintsOnly };
  };

  const stack: Frame[] = [open(top, false, null)];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1] as Frame;
    if (frame.next >= frame.lines.length) {
      stack.pop();
      continue;
    }
    const { file, constraintsOnly } = frame;
    const line = frame.lines[frame.next++] as string;
    const include = OPTION_WITH_FILE.exec(line);
    if (include) {
      const target = posix.normalize(posix.join(posix.dirname(file), include[2] as string));
      if (target.startsWith('../') || posix.isAbsolute(target)) {
        throw new UserError(`${file} includes ${include[2]}, outside the project folder, which a Docker build cannot read. Move the file into the project.`);
      }
      if (!seen.has(target)) stack.push(open(target, constraintsOnly || include[1] === '-c' || include[1] === '--constraint', file));
      continue;
    }
    if (line.startsWith('-e ') || line.startsWith('--editable') || /^\.{1,2}(\/|$)/.test(line) || line.startsWith('file:')) {
      if (!constraintsOnly) needsSources = true;
      continue;
    }
    if (line.startsWith('-')) continue; // --index-url, --hash on its own line, --only-binary ...
    const match = NAME.exec(line.split(';')[0]!.trim());
    if (!match || /:\/\//.test(line.split(/\s@\s/)[0] ?? '')) continue;
    const name = normalizePackageName(match[1] as string);
    const pin = /^===?\s*([^\s,;]+)/.exec((match[3] as string).trim())?.[1] ?? null;
    if (constraintsOnly) {
      if (pin) pins.set(name, pin);
      continue;
    }
    if (!packages.has(name)) packages.set(name, { name, version: pin, wheels: [] });
  }

  const list = [...packages.values()].map((p) => ({ ...p, version: p.version ?? pins.get(p.name) ?? null }));
  return { packages: list, files, needsSources };
}
