// The gate between detection and rendering: every value taken from a project is checked for what
// it is before any template sees it. Quoting helpers make values inert where they land; this
// refuses values that cannot be made safe, naming the field and the file it came from.
import { UserError } from '../errors.js';
import { shorten } from '../project.js';
import type { CommonFacts } from '../types.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f\u2028\u2029]/;
/** Longest value we put into a Dockerfile; longer ones are refused, not truncated. */
export const MAX_VALUE_LENGTH = 4096;
/**
 * Keys whose strings are paths inside the project (relative, no `..`, no absolute): what COPY
 * and WORKDIR take. Workspace manifests and package folders count too.
 */
const PATH_KEY = /(^|[a-z])(Files?|Dirs?|Path|lockfile|entry|Manifests)$|^(manifests|runtimePackages|dir)$/i;
/** Our own prose (notes, references, warnings) never reaches Dockerfile syntax unquoted. */
const PROSE_KEYS = new Set(['warnings', 'note', 'reference', 'source', 'why']);

export function validateFacts(facts: CommonFacts): void {
  const port = facts.port.value;
  if (port !== null && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    throw new UserError(`The port ${String(port)} (from ${facts.port.source}) is not a whole number from 1 to 65535. Fix it there, or pass --port.`);
  }
  walk(facts, [], facts);
}

function walk(value: unknown, path: string[], facts: CommonFacts): void {
  if (typeof value === 'string') {
    checkString(value, path, facts);
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, String(index)], facts));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (PROSE_KEYS.has(key)) continue;
      walk(child, [...path, key], facts);
    }
  }
}

function checkString(value: string, path: string[], facts: CommonFacts): void {
  const field = describe(path, facts);
  if (CONTROL.test(value)) {
    throw new UserError(
      `${field} contains a newline or control character (${JSON.stringify(value).slice(0, 60)}), which could add instructions to the Dockerfile. ` +
        'Remove it from the project file, or pass the value with its flag (--cmd, --port, --runtime-version).',
    );
  }
  if (value.length > MAX_VALUE_LENGTH) {
    throw new UserError(`${field} is ${value.length} characters long, more than the ${MAX_VALUE_LENGTH} this tool puts into a Dockerfile. Shorten it, or pass the value with its flag.`);
  }
  const key = [...path].reverse().find((p) => !/^\d+$/.test(p)) ?? '';
  if (PATH_KEY.test(key) && (value.startsWith('/') || value.split('/').includes('..'))) {
    throw new UserError(`${field} is "${value}", a path outside the project; only paths inside the project folder can be copied into an image.`);
  }
  // COPY and WORKDIR expand $VAR and ${VAR} even in their JSON form, so a `$` in a path would
  // copy a different path than the project's (or none); no quoting stops that, so refuse it.
  if (PATH_KEY.test(key) && value.includes('$')) {
    throw new UserError(`${field} is ${JSON.stringify(shorten(value))}, a path with a "$", which a Dockerfile reads as a variable in COPY and WORKDIR. Rename it without "$" and run again.`);
  }
}

const LABELS: Record<string, [string, (f: CommonFacts) => string]> = {
  start: ['The start command', (f) => f.start.source],
  port: ['The port', (f) => f.port.source],
  runtime: ['The runtime version', (f) => f.runtime.source],
  packageManager: ['The package manager', (f) => f.packageManager.source],
  framework: ['The framework', (f) => f.framework.source],
};

type Facts = CommonFacts & Record<string, unknown>;
const sourceOf = (key: string) => (f: Facts): string => {
  const fact = f[key] as { source?: unknown } | undefined;
  return typeof fact?.source === 'string' ? fact.source : '';
};

/**
 * Ecosystem fields, with the file (or folder name) each comes from, so a refusal names what to
 * fix: "The Cargo package name (from Cargo.toml [package] name)" rather than "package". A
 * Fact's own source wins when it names a file; the text after it is the fallback.
 */
const FIELDS: Record<string, [string, (f: Facts) => string, string]> = {
  // Go
  module: ['The Go module path', () => '', 'go.mod module'],
  mainPackage: ['The main package folder', sourceOf('mainPackage'), 'a folder name holding package main (go build ./<folder>)'],
  mainCandidates: ['A main package folder', () => '', 'a folder name holding package main'],
  manifestFiles: ['A Go manifest path', () => '', 'go.work use lines or the module folders'],
  muslTags: ['A Go build tag', () => '', 'go.mod requirements'],
  cgo: ['A cgo reason', () => '', 'the Go sources or go.mod requirements'],
  // Rust
  package: ['The Cargo package name', () => '', 'Cargo.toml [package] name'],
  bin: ['The binary name', sourceOf('bin'), 'Cargo.toml [[bin]] name or a src/bin/<name>.rs file name'],
  binCandidates: ['A binary name', () => '', 'Cargo.toml [[bin]] names or src/bin/<name>.rs file names'],
  systemLinked: ['A crate name', () => '', 'Cargo.lock'],
  // Java
  jar: ['The jar file name', () => '', 'pom.xml artifactId, version and finalName, or build.gradle / settings.gradle / gradle.properties (rootProject.name, version, archiveFileName)'],
  mainClass: ['The main class', sourceOf('mainClass'), 'pom.xml, build.gradle or the Java sources'],
  javaVersion: ['The Java version', sourceOf('javaVersion'), 'pom.xml or build.gradle'],
  frameworkVersion: ['The framework version', () => '', 'pom.xml or build.gradle'],
  buildFiles: ['A build file name', () => '', 'the project folder'],
  buildDirs: ['A build folder name', () => '', 'the project folder'],
  artifact: ['The build artifact', () => '', 'pom.xml or build.gradle'],
  jvmOptions: ['A JVM option', () => '', 'the framework configuration'],
  // Python
  packages: ['A dependency name or version', (f) => String(f.lockfile ?? f.requirementsFile ?? ''), 'pyproject.toml'],
  installFiles: ['A dependency file name', () => '', 'requirements.txt -r/-c lines or the lockfile names'],
  requirementsFile: ['The requirements file name', () => '', 'the project folder'],
  django: ['The Django settings module', () => '', 'manage.py DJANGO_SETTINGS_MODULE'],
  // Node
  buildScript: ['The build script', () => '', 'package.json scripts'],
  packageManagerVersion: ['The package manager version', () => '', 'package.json packageManager'],
  runtimeFiles: ['A file the final image copies', () => '', 'package.json, the framework config or Rocket.toml'],
  workspace: ['The workspace app folder', () => '', 'the workspaces in package.json or pnpm-workspace.yaml'],
};

/** Sources are prose ("the only binary target"); one that names no file gets the fallback. */
const NAMES_A_FILE = /[\w-]+\.(toml|json|xml|mod|work|gradle|kts|lock|txt|py|properties|ya?ml|rs|java)\b|--\w/;

function describe(path: string[], facts: CommonFacts): string {
  const top = path[0] ?? '';
  const label = LABELS[top];
  if (label) return `${label[0]} (from ${shorten(label[1](facts))})`;
  if (top === 'nativeDependencies') {
    const dep = facts.nativeDependencies[Number(path[1])];
    return `The dependency name "${dep?.name.slice(0, 40) ?? '?'}" (from ${dep?.source ?? 'a lockfile'})`;
  }
  const field = FIELDS[top];
  if (field) {
    const source = field[1](facts as Facts);
    return `${field[0]} (from ${shorten(NAMES_A_FILE.test(source) ? source : field[2])})`;
  }
  return `The detected value ${path.join('.')} (from the ${facts.language} project files)`;
}
