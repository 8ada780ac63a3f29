// The contract every language implements. Adding an ecosystem means one module that satisfies
// this interface (detector + base assessment + template view), one template folder
// `templates/<language>/`, fixtures and snapshots; it is then listed in src/ecosystems.ts.
import type { Project } from './project.js';
import type { BaseOption, CommonFacts, Language, Plan } from './types.js';

/** Choices that steer detection itself (the rest are applied to the facts afterwards). */
export interface DetectOptions {
  packageManager?: string | undefined;
  /** Which program to build when there are several (Go main package, Rust --bin, ...). */
  main?: string | undefined;
}

export interface Ecosystem<F extends CommonFacts = CommonFacts> {
  language: Language;
  /** Root files that mark this ecosystem; also named in "nothing recognisable" errors. */
  markers: string[];
  /** Cheap check: does the folder look like this ecosystem? */
  recognizes(project: Project): boolean;
  /** Pure over the project files; throws UserError for malformed manifests. */
  detect(project: Project, options: DetectOptions): F;
  /** One BaseOption per kind, in BASE_KINDS order, each with its version, images and reason. */
  assess(facts: F): BaseOption[];
  /** Data for templates/<language>/Dockerfile.hbs; everything decided, nothing left to logic. */
  view(facts: F, plan: Plan): Record<string, unknown>;
}
