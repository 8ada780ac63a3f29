// Facts about a Deno project, beyond the common ones.
import type { CommonFacts } from '../../types.js';

export interface DenoFacts extends CommonFacts {
  language: 'deno';
  /** deno.json or deno.jsonc. */
  config: string;
  /** deno.lock when present: the install is then frozen (--frozen). */
  lockfile: string | null;
  /** The module the start command runs, cached in the builder (deno install --entrypoint). */
  entry: string | null;
  /** The task that builds before the app runs (Fresh: `deno task build`), or null. */
  buildTask: string | null;
  /** Files copied before the install: the config, the lockfile, package.json (only existing ones). */
  installFiles: string[];
}
