// The shared vocabulary of the pipeline: what detection finds (facts), what planning decides
// (a plan with reasons) and what the report prints. Ecosystem-specific facts extend CommonFacts.

/** An ecosystem's name ("node", "python", ...): one of LANGUAGES in src/ecosystems/index.ts, the registry. */
export type Language = string;

/** Final-image kinds, smallest first: `--base auto` takes the first one that works. */
export const BASE_KINDS = ['scratch', 'distroless', 'alpine', 'slim'] as const;
export type BaseKind = (typeof BASE_KINDS)[number];

/** A detected value and where it came from ("package.json engines.node", "--port", "default"). */
export interface Fact<T> {
  value: T;
  source: string;
}

/**
 * What the project asks of the runtime version. `constraint` is a semver range in the
 * ecosystem's own notation turned into node-semver syntax ("22", ">=20", "~3.12"), or null when
 * the project says nothing. `pinned` is true when the project names one version (an .nvmrc, a
 * .python-version, a --runtime-version), which then wins over "smallest base".
 */
export interface RuntimeRequirement {
  constraint: string | null;
  pinned: boolean;
  source: string;
}

/** Packages by distribution family; names differ between Debian and Alpine. */
export interface OsPackages {
  debian: string[];
  alpine: string[];
}

/** A dependency with compiled code or OS-library needs, as classified by a knowledge table. */
export interface NativeDependency {
  name: string;
  version: string | null;
  /** True when no musl build exists (or it is unknown): rules out alpine. */
  glibcOnly: boolean;
  /** OS packages needed to build it (in the builder stage). */
  build: OsPackages;
  /** OS packages needed at run time (in the final stage): rules out distroless when non-empty. */
  runtime: OsPackages;
  /** Set when the final image needs more than libraries (a browser, a shell): rules out distroless. */
  blocksDistroless: string | null;
  /**
   * Environment the dependency needs in the builder and the final stage (puppeteer: use the
   * distribution's chromium instead of downloading Chrome). Optional: most need none.
   */
  env?: Record<string, string>;
  /** One sentence: what it is and why it matters for the image. */
  note: string;
  /** The file it was found in (a lockfile or manifest). */
  source: string;
  /** Where the knowledge about it comes from (a URL or repository path). */
  reference: string;
}


/** How the app starts. `exec` runs without a shell; `shell` needs /bin/sh (rules out distroless). */
export type StartCommand =
  | { kind: 'exec'; argv: string[] }
  | { kind: 'shell'; command: string };

/**
 * How the app is told which port to listen on, found by the detector beside the port. The port
 * rule (src/detect/port.ts) reads it to decide whether a port asked for (--port, the prompt, a
 * deploy file) can be set, and what the image sets for it.
 * - `env`: the app reads `env`'s variables ("{port}" in a value stands for the port);
 * - `argument`: its start command takes the port: `format` ("--addr=:{port}") replaces the argv
 *   element `replaces` ("--port=8080"), or is appended when that is null;
 * - `fixed`: a literal at `where` that nothing outside the code moves;
 * - `unknown`: not found (no port, or no way to tell how it is chosen).
 */
export type PortSetting =
  | { kind: 'env'; env: Record<string, string>; default: number | null; where: string; always?: boolean }
  | { kind: 'argument'; format: string; replaces: string | null; default: number | null; where: string }
  | { kind: 'fixed'; where: string }
  /** The image's own server configuration, which the Dockerfile writes, listens on the port (a static site's nginx). */
  | { kind: 'image'; where: string }
  | { kind: 'unknown'; where?: string };

/** What every detector returns; ecosystems add their own fields. */
export interface CommonFacts {
  language: Language;
  packageManager: Fact<string>;
  framework: Fact<string | null>;
  runtime: RuntimeRequirement;
  port: Fact<number | null>;
  /** How the app is told its port; absent means unknown. */
  portSetting?: PortSetting;
  /**
   * The program built, by the name its binary gets (a Go main, a Cargo binary, a Maven module),
   * and the others the project could build: deploy files run it by this name (its subcommand), and
   * with several programs, deploy files that do not name it say nothing about its port.
   */
  program?: { name: string; others: string[] };
  start: Fact<StartCommand>;
  nativeDependencies: NativeDependency[];
  /** Why this ecosystem was taken when the folder held several (absent when it was alone or named). */
  languageSource?: string;
  /**
   * Folders the build or the running app needs that the repository does not hold, because a
   * front-end build produces them (a Go `//go:embed ui/build` of a Vite app's output).
   */
  assetNeeds?: AssetNeed[];
  /** The stages that produce them, decided from the other ecosystems' manifests (see src/plan/assets.ts). */
  assetStages?: AssetStage[];
  /**
   * The app's runtime dependencies by their package registry's name, for the backing services of
   * --compose (src/compose/). Optional: an ecosystem that does not fill it gets a compose file
   * with the app alone.
   */
  dependencies?: PackageDependency[];
  /** Things the user should know that do not stop generation. */
  warnings: string[];
}

/**
 * Registries as package URLs name them (https://github.com/package-url/purl-spec): npm, pypi,
 * golang (a module path), cargo (a crate, or `crate/feature` for an enabled feature, as Cargo
 * writes features of dependencies), maven (`group:artifact`), gem, composer (a package or a
 * required PHP extension `ext-pdo_pgsql`), nuget.
 */
export type PackageRegistry = 'npm' | 'pypi' | 'golang' | 'cargo' | 'maven' | 'gem' | 'composer' | 'nuget';

export interface PackageDependency {
  registry: PackageRegistry;
  name: string;
  /** The file it was read from ("package.json", "uv.lock", "go.mod"). */
  source: string;
}

/** A runtime line with images, for the shared version checks: "22", "3.13", "1.24", "21". */
export interface RuntimeRelease {
  version: string;
  /** The day (YYYY-MM-DD) or month (YYYY-MM) its fixes end, or null when it has no end date here. */
  endOfLife: string | null;
}

/** One row of the base menu: can this kind work, with which version and images, and why. */
export interface BaseOption {
  kind: BaseKind;
  possible: boolean;
  /** Why it is possible or not, one sentence. */
  why: string;
  runtimeVersion: string | null;
  builderImage: string | null;
  runtimeImage: string | null;
  /** Works, but only when asked for with --base (Java's alpine JRE): auto skips it. */
  onRequestOnly?: boolean;
}

/** What an ecosystem says about probing its image (--healthcheck): the exec-form command, or why it cannot. */
export type Probe = { command: string[] } | { impossible: string };

export interface Plan {
  base: BaseKind;
  runtimeVersion: string;
  builderImage: string;
  runtimeImage: string;
  /** All four kinds, in BASE_KINDS order, for the menu and --explain. */
  options: BaseOption[];
  reasons: string[];
  /** tini runs as PID 1 in front of the start command (src/plan/init.ts); absent means no. */
  init?: boolean;
  /** --healthcheck: the exec-form probe command (src/plan/healthcheck.ts); absent means none. */
  healthcheck?: string[];
  /** --healthcheck was asked for and no HEALTHCHECK was written: why (a warning). */
  healthcheckSkipped?: string;
}

/** The rendered output: file name -> contents. */
export type RenderedFiles = Record<string, string>;

/** A folder the app needs that only a front-end build makes. */
export interface AssetNeed {
  /** Relative to the project root, no trailing slash: "ui/build". */
  path: string;
  /** What needs it: "ui/serve.go //go:embed build/*". */
  source: string;
  /**
   * The package.json scripts that make it, in order (jsbundling's `build` and cssbundling's
   * `build:css` both write app/assets/builds); absent means `build`.
   */
  scripts?: string[];
}

/**
 * A stage that builds assets from another ecosystem's manifest (a package.json build script)
 * before the app's own build; everything decided, ready for the template.
 */
export interface AssetStage {
  /** The folder holding the manifest, relative to the project root ("ui"); "." for the root. */
  dir: string;
  /** Fully qualified builder image. */
  image: string;
  /** Manifest and lockfile paths relative to `dir`, copied before the install for layer caching. */
  manifests: string[];
  /** Commands that put the package manager in place, argv each. */
  setup: string[][];
  install: string[];
  cacheMount: string;
  build: string[];
  /** Further build commands after `build`, argv each (a second package.json script); absent means none. */
  extraBuilds?: string[][];
  /** The output folder relative to the project root ("ui/build"), which the app's stage copies. */
  outputDir: string;
  /** Why this stage exists and how it was chosen, for the reasons. */
  reason: string;
}
