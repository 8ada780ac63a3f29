// The contract every ecosystem implements: everything that differs per language is a member here,
// so generic code (cli, pipeline, config, render, write, verify, report) never names a language.
// Adding an ecosystem = one folder src/ecosystems/<lang>/ whose index.ts exports an object of this
// type and whose entry.ts exports its EcosystemMarks, one line in src/ecosystems/index.ts,
// templates/<lang>/, fixtures and snapshots.
import type { Interaction } from './interaction.js';
import type { Project } from './project.js';
import type { AssetStage, BaseOption, CommonFacts, Language, Plan, Probe, RuntimeRelease } from './types.js';

/** Choices that steer detection itself (the rest are applied to the facts afterwards). */
export interface DetectOptions {
  packageManager?: string | undefined;
  /** Which program to build when there are several (Go main package, Rust --bin, ...). */
  main?: string | undefined;
  /** --cmd: the start command is given, so a detector need not refuse for lack of one. */
  cmd?: string | undefined;
}

/** Which app of a monorepo to containerize, and where it is built from. */
export interface AppSelector<F extends CommonFacts = CommonFacts> {
  /** What kind of monorepo this understands, for messages ("a Node.js monorepo (npm, yarn or pnpm workspaces)"). */
  describes: string;
  /**
   * With `--app`, or at a repository root holding apps, the app's folder as the project (and a
   * note when it was picked without being asked); null when the folder is no such monorepo.
   */
  select(project: Project, app: string | undefined, interaction?: Interaction): Promise<AppChoice | null>;
  /** The build context when the app lives inside a monorepo, from the detected facts. */
  buildContext(facts: F): AppContext | null;
}

export interface AppChoice {
  project: Project;
  /** Said to the user when the app was picked without --app. */
  note: string | null;
}

export interface AppContext {
  /** The repository root relative to the app folder ("../.."): the Docker build context. */
  context: string;
  /** The app folder relative to the repository root ("apps/api"). */
  appDir: string;
}

/** How a validation error names an ecosystem field: "The Cargo package name (from Cargo.toml [package] name)". */
export interface FieldLabel<F extends CommonFacts = CommonFacts> {
  label: string;
  /** The file the value comes from, when the fact itself names none. */
  fallback: string;
  /** The fact's own source, preferred when it names a file. */
  source?(facts: F): string;
}

/** What --compare's naive Dockerfile may know of the project: fixed-set values and file presence. */
export interface NaiveInput {
  packageManager: string;
  /** A checked version string ("22", "3.13"). */
  runtimeVersion: string;
  /** True when the file exists at the root of the build context. */
  has(file: string): boolean;
  /** A file's text at the root of the build context, or null. */
  read(file: string): string | null;
}

/**
 * What the registry knows of an ecosystem before loading its code (src/ecosystems/<lang>/entry.ts):
 * its name and marker files, and checks by file names alone. The CLI loads only the ecosystems
 * these say may apply, so a run compiles one ecosystem's code, not eleven.
 */
export interface EcosystemMarks {
  language: Language;
  /** Root files that mark this ecosystem; also named in "nothing recognisable" errors. */
  markers: string[];
  /** By file names only: false when the folder certainly is not this ecosystem; true loads it, and its recognizes() decides. */
  mayBe(project: Project): boolean;
  /**
   * For an ecosystem with monorepo support (Ecosystem.apps): false when the folder can be neither
   * such a monorepo's root nor an app inside one, so the ecosystem need not be loaded to select an app.
   */
  mayHoldApps?(project: Project): boolean;
  /** True when the ecosystem builds assets for another's app (Ecosystem.assetBuilder), so an app with asset needs loads it. */
  buildsAssets?: boolean;
}

/** A registry entry: the marks, and the ecosystem's code loaded on demand (src/ecosystems/index.ts). */
export interface EcosystemEntry extends EcosystemMarks {
  load(): Promise<Ecosystem>;
}

export interface Ecosystem<F extends CommonFacts = CommonFacts> {
  language: Language;
  /** Root files that mark this ecosystem (the same list as its EcosystemMarks). */
  markers: string[];
  /** Does the folder hold this ecosystem's project? May read manifests (mayBe has said it might). */
  recognizes(project: Project): boolean;
  /**
   * Why this ecosystem's manifest here only serves another ecosystem's app (a package.json that
   * lints or builds assets beside a Python or Go app), or null when it may be the app itself.
   * When several ecosystems are present, tooling ones step aside.
   */
  tooling(project: Project): string | null;
  /**
   * The ecosystem whose project this one reads more narrowly here (a package.json whose output is
   * only files is a static site, not a Node.js app), or null: when both recognize the folder, this
   * one takes the other's place. Optional: most ecosystems refine none.
   */
  refines?(project: Project): Language | null;
  /** Monorepo support, or null when this ecosystem has none (then --app is refused for it). */
  apps: AppSelector<F> | null;
  /** Pure over the project files; throws UserError for malformed manifests. */
  detect(project: Project, options: DetectOptions): F;
  /** One BaseOption per kind, in BASE_KINDS order, each with its version, images and reason. */
  assess(facts: F): BaseOption[];
  /** Data for templates/<language>/Dockerfile.hbs; everything decided, nothing left to logic. */
  view(facts: F, plan: Plan): Record<string, unknown>;
  /** The runtime as people name it in messages ("Node", "Python"). */
  runtimeName: string;
  /**
   * Every released runtime line with images, oldest first: a pinned version outside it is
   * refused with these listed, and one past its end of life builds with a warning.
   */
  releases(now: Date): RuntimeRelease[];
  /** Labels of this ecosystem's own fact fields, so a refused value names the file to fix. */
  fields: Record<string, FieldLabel<F>>;
  /** File extensions whose names, in a fact's source, count as naming a file ("mod", "gradle"). */
  manifestExtensions: string[];
  /** The single-stage Dockerfile a person writes first (lines after the header), for --compare; null when there is none for this package manager. */
  naive(input: NaiveInput): string[] | null;
  /** RUN instructions that install dependencies, by the package managers' own commands (the cache report). */
  installCommand: RegExp;
  /**
   * For ecosystems whose manifests build assets for another ecosystem's app (a package.json
   * whose build script makes a front end): the stage that builds the folder `output` from the
   * manifest in `dir` by running its `scripts` (default: build), or null when that manifest does
   * not build it. Absent elsewhere.
   */
  assetBuilder?(project: Project, dir: string, output: string, now: Date, scripts?: string[]): AssetStage | null;
  /**
   * How the image stops (src/plan/init.ts): `signals` names the row of
   * src/knowledge/stop-signals.ts for the program this image runs ("node", "gunicorn"), and
   * `printsInit` says the templates print the init partials, so tini can go in front of it.
   * Absent: nothing is said and nothing added.
   */
  stop?: { signals(facts: F): string; printsInit: boolean };
  /**
   * --healthcheck: the exec-form command that asks `url` from inside the final image the plan
   * chose (the runtime itself, or a program the image has), or why nothing there can
   * (src/plan/healthcheck.ts). Absent: no HEALTHCHECK is possible, and the reason says so.
   */
  probe?(facts: F, plan: Plan, url: string): Probe;
}
