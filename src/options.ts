// The one options object. `undefined` means "not decided yet": flags fill it, `--yes` lays the
// defaults under them, detection proposes, prompts ask only for what is still open.
import type { BaseKind, Language } from './types.js';

export interface Options {
  dir: string;
  yes: boolean;
  language: Language | undefined;
  base: BaseKind | 'auto';
  runtimeVersion: string | undefined;
  packageManager: string | undefined;
  port: number | undefined;
  cmd: string | undefined;
  main: string | undefined;
  templates: string | undefined;
  dryRun: boolean;
  json: boolean;
  force: boolean;
  check: boolean;
  explain: boolean;
  verify: boolean;
  engine: string | undefined;
  keepImage: boolean;
  compare: boolean;
}

/** Every default in one place: help text, --yes and the tests read it. */
export const DEFAULTS = {
  dir: '.',
  base: 'auto',
} as const satisfies Partial<Options>;
