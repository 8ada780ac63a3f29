// --compose: a compose.yaml that runs the app, built from the generated Dockerfile, with the
// backing services its dependencies show (src/knowledge/backing-services.ts): each on a pinned
// image, with a named volume and a healthcheck, and the app started once they are healthy
// (`depends_on: condition: service_healthy`). The app's connection variables are the names its
// .env.example (or .env.sample) lists, filled with the service's address on the compose network;
// without one, the conventional name (DATABASE_URL, REDIS_URL, ...). Generic: it reads only the
// facts every ecosystem may give (`dependencies`, `port`) and the build context.
//
// The file is built as data and printed by the `yaml` library: project values (paths, variable
// names) are never pasted into YAML text.
// Compose file reference: https://docs.docker.com/reference/compose-file/
import type { BuildContext } from '../config/layout.js';
import { BACKING_SERVICES, SERVICE_DEPENDENCIES, type BackingService, type ServiceId } from '../knowledge/backing-services.js';
import { yaml } from '../lazy.js';
import type { Project } from '../project.js';
import { commentText } from '../render/quote.js';
import type { CommonFacts, PackageDependency } from '../types.js';

/** The file --compose writes. */
export const COMPOSE_FILE = 'compose.yaml';

/**
 * Compose files Compose finds by itself, in the order it looks for them
 * (https://docs.docker.com/compose/intro/compose-application-model/#the-compose-file): an existing
 * one is never replaced or shadowed without --force.
 */
export const COMPOSE_FILES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

/** Example environment files whose variable names the app reads; the first present is used. */
const ENV_EXAMPLES = ['.env.example', '.env.sample'];

/** The app's service name. */
const APP = 'app';

export interface NeededService {
  service: BackingService;
  /** The dependencies that show it, first one first. */
  because: PackageDependency[];
}

/** A dependency row's match: the same name (NuGet without case), or a Go module's major-version path. */
function matches(row: (typeof SERVICE_DEPENDENCIES)[number], dep: PackageDependency): boolean {
  if (row.registry !== dep.registry) return false;
  if (dep.registry === 'nuget') return row.name.toLowerCase() === dep.name.toLowerCase();
  if (dep.registry === 'golang' && dep.name.startsWith(`${row.name}/v`)) return /^\d+$/.test(dep.name.slice(row.name.length + 2));
  return row.name === dep.name;
}

/** The backing services the dependencies show, in BACKING_SERVICES order. */
export function neededServices(dependencies: readonly PackageDependency[]): NeededService[] {
  const found = new Map<ServiceId, PackageDependency[]>();
  for (const dep of dependencies) {
    const row = SERVICE_DEPENDENCIES.find((r) => matches(r, dep));
    if (row) found.set(row.service, [...(found.get(row.service) ?? []), dep]);
  }
  return BACKING_SERVICES.filter((s) => found.has(s.id)).map((service) => ({ service, because: found.get(service.id)! }));
}

/** Variable names an example environment file lists (`NAME=...`, `export NAME=...`), in order. */
export function envExampleNames(text: string): string[] {
  const names: string[] = [];
  for (const raw of text.split('\n')) {
    let line = raw.trim();
    if (line.startsWith('#')) continue;
    if (line.startsWith('export ')) line = line.slice(7).trimStart();
    const eq = line.indexOf('=');
    const name = (eq < 0 ? line : line.slice(0, eq)).trim();
    if (eq > 0 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * The app's connection variables: each name the example file lists that a needed service knows,
 * with that service's value (a name several services know goes to the first); a service none of
 * whose names are listed gets its conventional names.
 */
export function connectionVariables(needed: NeededService[], listed: string[] | null): Record<string, string> {
  const out: Record<string, string> = {};
  const listedSet = new Set(listed ?? []);
  for (const { service } of needed) {
    const known = service.variables.filter(([name, part]) => listedSet.has(name) && service.connection[part] !== undefined && !(name in out));
    if (known.length > 0) {
      for (const [name, part] of known) out[name] = service.connection[part]!;
      continue;
    }
    for (const name of service.conventional) {
      const part = service.variables.find(([n]) => n === name)?.[1] ?? 'url';
      // Two databases cannot both be DATABASE_URL: the second gets its own URL variable.
      const free = name in out ? service.variables.find(([n, p]) => p === part && !(n in out))?.[0] : name;
      if (free !== undefined) out[free] = service.connection[part]!;
    }
  }
  return out;
}

export interface ComposeInput {
  project: Project;
  facts: Pick<CommonFacts, 'port' | 'dependencies'>;
  /** Set for a monorepo app, whose Dockerfile is built from the repository root. */
  buildContext: BuildContext | null;
  /** The Dockerfile's name when it is not `Dockerfile` (Dockerfile.slim, written beside the user's). */
  dockerfile?: string;
}

/** `build: .`, or the context and Dockerfile path when either is not the default. */
function buildOf(buildContext: BuildContext | null, dockerfile: string | undefined): unknown {
  if (buildContext === null) return dockerfile === undefined ? '.' : { context: '.', dockerfile };
  const path = dockerfile === undefined ? buildContext.dockerfile : `${buildContext.dockerfile.slice(0, buildContext.dockerfile.lastIndexOf('/') + 1)}${dockerfile}`;
  return { context: buildContext.context, dockerfile: path };
}

export interface ComposeResult {
  text: string;
  needed: NeededService[];
  /** Which example file the variable names came from, or null. */
  envExample: string | null;
}

export function composeFile({ project, facts, buildContext, dockerfile }: ComposeInput): ComposeResult {
  const needed = neededServices(facts.dependencies ?? []);
  const envExample = ENV_EXAMPLES.find((file) => project.isFile(file)) ?? null;
  const listed = envExample === null ? null : envExampleNames(project.readText(envExample) ?? '');
  const environment = connectionVariables(needed, listed);

  const app: Record<string, unknown> = { build: buildOf(buildContext, dockerfile) };
  const port = facts.port.value;
  if (port !== null) app.ports = [`${port}:${port}`];
  if (Object.keys(environment).length > 0) app.environment = environment;
  if (needed.length > 0) app.depends_on = Object.fromEntries(needed.map(({ service }) => [service.id, { condition: 'service_healthy' }]));

  const services: Record<string, unknown> = { [APP]: app };
  const volumes: Record<string, null> = {};
  for (const { service } of needed) {
    const volume = `${service.id}-data`;
    services[service.id] = {
      image: `${service.image}:${service.tag}`,
      ...(service.hostname ? { hostname: service.hostname } : {}),
      ...(Object.keys(service.environment).length > 0 ? { environment: service.environment } : {}),
      volumes: [`${volume}:${service.dataPath}`],
      healthcheck: { test: ['CMD', ...service.healthcheck], interval: '5s', timeout: '5s', retries: 10, start_period: service.startPeriod },
    };
    volumes[volume] = null;
  }

  const { Document, isMap, isScalar, isSeq } = yaml();
  const doc = new Document(needed.length > 0 ? { services, volumes } : { services });
  // Short arrays read best on one line; the port mapping quoted, as Compose's documentation
  // advises (a YAML 1.1 reader takes small "a:b" numbers for base-60).
  const quote = (node: unknown) => {
    if (isScalar(node)) node.type = 'QUOTE_DOUBLE';
  };
  for (const id of Object.keys(services)) {
    const test = doc.getIn(['services', id, 'healthcheck', 'test'], true);
    if (isSeq(test)) {
      test.flow = true;
      test.items.forEach(quote);
    }
    // Environment values are strings; quoted, no YAML reader takes `yes` or `3306` for anything else.
    const environment = doc.getIn(['services', id, 'environment'], true);
    if (isMap(environment)) for (const pair of environment.items) quote(pair.value);
  }
  quote(doc.getIn(['services', APP, 'ports', 0], true));
  const header = [
    ' Generated by create-slim-image: the app, built from its Dockerfile, and the backing services its',
    ' dependencies show. Run it with `docker compose up --build`. The credentials are for local use only.',
    ...needed.map(({ service, because }) => ` ${service.id}: ${service.what}, for ${because.map((d) => `${d.name} (${d.source})`).join(', ')}`),
    ...(envExample !== null && Object.keys(environment).length > 0 ? [` Connection variables named as in ${envExample}.`] : []),
  ];
  doc.commentBefore = header.map(commentText).join('\n');
  return { text: doc.toString({ lineWidth: 0, nullStr: '', flowCollectionPadding: false }), needed, envExample };
}
