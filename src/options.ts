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
  /** --eject: copy the built-in templates into the override folder and stop. */
  eject: boolean;
  /** --compose: also write compose.yaml with the backing services the dependencies show. */
  compose: boolean;
  /** --app: the workspace folder of one app in a monorepo, relative to dir. */
  app: string | undefined;
  /** --healthcheck: the URL path a HEALTHCHECK asks (src/plan/healthcheck.ts). */
  healthcheck: string | undefined;
  /** Per-stage additions (--add-package, --env, --label, --build-arg), validated at parse time. */
  additions: Additions;
}

/** What a team adds to the generated Dockerfile without writing a template. */
export interface Additions {
  /** OS packages for the runtime stage, Debian names (mapped to Alpine names on alpine). */
  packages: string[];
  env: Array<{ name: string; value: string }>;
  labels: Array<{ key: string; value: string }>;
  /** Build arguments of the builder stage; value null means declared without a default. */
  buildArgs: Array<{ name: string; value: string | null }>;
}

export function emptyAdditions(): Additions {
  return { packages: [], env: [], labels: [], buildArgs: [] };
}

/** Every default in one place: help text, --yes and the tests read it. */
export const DEFAULTS = {
  dir: '.',
  base: 'auto',
} as const satisfies Partial<Options>;
