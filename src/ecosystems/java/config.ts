// Application configuration (application.properties / application.yml under
// src/main/resources), read for the HTTP port. Only the default profile counts, except that
// Quarkus' `%prod.` keys win because production is what the image runs.
import { yaml } from '../../lazy.js';
import { UserError } from '../../errors.js';
import type { Project } from '../../project.js';
import type { Fact } from '../../types.js';

export const RESOURCES = 'src/main/resources';

/**
 * The port a key names in the first config file that sets it; undefined when none does. With it,
 * the variable a `${PORT:8081}` placeholder reads, and whether a Quarkus `%prod.` key set it.
 */
export function configuredPort(project: Project, files: string[], key: string): (Fact<number | null> & { variable: string | null; prod: boolean }) | undefined {
  // Profiles the default configuration activates (Spring's spring.profiles.active, or its
  // spring.profiles.default) load application-<profile>.* on top, so their port wins.
  const profiles: string[] = [];
  for (const name of files) {
    const rel = `${RESOURCES}/${name}`;
    const text = project.readText(rel);
    if (text === null) continue;
    const values = name.endsWith('.properties') ? parseProperties(text) : parseYaml(text, rel);
    const active = values.get('spring.profiles.active') ?? values.get('spring.profiles.default');
    if (active && !active.includes('${')) for (const p of active.split(',').map((x) => x.trim()).filter((x) => /^[\w.-]+$/.test(x))) profiles.push(p);
  }
  const profileFiles = profiles.reverse().flatMap((p) => files.map((name) => name.replace(/^application\./, `application-${p}.`)));
  for (const name of [...profileFiles, ...files]) {
    const rel = `${RESOURCES}/${name}`;
    const text = project.readText(rel);
    if (text === null) continue;
    const values = name.endsWith('.properties') ? parseProperties(text) : parseYaml(text, rel);
    const prod = values.get(`%prod.${key}`);
    const raw = prod ?? values.get(key);
    if (raw === undefined) continue;
    const variable = /^\$\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?::[^}]*)?\}$/.exec(raw.trim())?.[1] ?? null;
    return { value: portValue(raw), source: `${rel} ${key}`, variable: variable !== null && /^[A-Z][A-Z0-9_]*$/.test(variable) ? variable : null, prod: prod !== undefined };
  }
  return undefined;
}

/**
 * "8081" -> 8081; "${PORT:8081}" (a placeholder with a default) -> 8081; "0" (random) or a
 * placeholder without default -> null, since nothing fixed can be exposed.
 */
function portValue(raw: string): number | null {
  const text = raw.trim();
  const placeholder = /^\$\{[^:}]+:(\d+)\}$/.exec(text);
  const digits = placeholder ? placeholder[1]! : text;
  if (!/^\d+$/.test(digits)) return null;
  const port = Number(digits);
  return port >= 1 && port <= 65535 ? port : null;
}

/** Java .properties: `key=value`, `key: value` or `key value`; # and ! comments; \ continuations. */
function parseProperties(text: string): Map<string, string> {
  const values = new Map<string, string>();
  const lines = text.replace(/\\\r?\n\s*/g, '').split(/\r?\n/);
  for (const line of lines) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('!')) continue;
    // `s`: a value may hold U+2028, which `.` alone would not match (the key would swallow the line).
    // The key's two alternatives take different characters (`[^...\\]`), so it cannot backtrack
    // exponentially over a run of backslashes; the separator has one way to take spaces.
    const match = /^((?:\\.|[^=:\s\\])+)(?:\s*[=:]|\s)\s*(.*)$/s.exec(trimmed);
    if (match) values.set(match[1]!.replace(/\\(.)/g, '$1'), match[2]!.trim());
    else values.set(trimmed, '');
  }
  return values;
}

/** YAML flattened to dotted keys; of several documents, the first without a profile condition. */
function parseYaml(text: string, rel: string): Map<string, string> {
  const values = new Map<string, string>();
  const documents = yaml().parseAllDocuments(text);
  const docs = Array.isArray(documents) ? documents : [documents];
  for (const doc of docs) {
    if (doc.errors.length > 0) {
      throw new UserError(`${rel} is not valid YAML: ${doc.errors[0]!.message.split('\n')[0]}. Fix the file and run again.`);
    }
  }
  for (const doc of docs) {
    const flat = new Map<string, string>();
    flatten(doc.toJS(), '', flat);
    if (flat.has('spring.config.activate.on-profile') || flat.has('spring.profiles')) continue;
    for (const [key, value] of flat) if (!values.has(key)) values.set(key, value);
  }
  return values;
}

function flatten(value: unknown, prefix: string, out: Map<string, string>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
    out.set(prefix, String(value));
  }
}

/** Quarkus' packaging type: `quarkus.package.jar.type` (3.x) or `quarkus.package.type` (older). */
export function quarkusPackageType(project: Project): string | null {
  for (const name of ['application.properties', 'application.yaml', 'application.yml']) {
    const rel = `${RESOURCES}/${name}`;
    const text = project.readText(rel);
    if (text === null) continue;
    const values = name.endsWith('.properties') ? parseProperties(text) : parseYaml(text, rel);
    for (const key of ['quarkus.package.jar.type', 'quarkus.package.type']) {
      const value = values.get(`%prod.${key}`) ?? values.get(key);
      if (value) return value;
    }
  }
  return null;
}
