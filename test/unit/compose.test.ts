// --compose: which dependencies show which backing service, how the app's connection variables
// are named and filled, the structural check the golden test relies on, and the file rules
// (an existing compose file is never replaced or shadowed without --force; written together
// with the Dockerfile; reported under files["compose.yaml"]).
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { connectionVariables, envExampleNames, neededServices } from '../../src/compose/compose.js';
import { BACKING_SERVICES, SERVICE_DEPENDENCIES } from '../../src/knowledge/backing-services.js';
import { memoryOutput } from '../../src/output.js';
import type { Interaction } from '../../src/interaction.js';
import type { PackageDependency, PackageRegistry } from '../../src/types.js';
import { composeProblems } from '../compose-schema.js';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const dep = (registry: PackageRegistry, name: string): PackageDependency => ({ registry, name, source: 'manifest' });
const ids = (deps: PackageDependency[]) => neededServices(deps).map((n) => n.service.id);

describe('backing services from dependencies', () => {
  it.each(SERVICE_DEPENDENCIES.map((row) => [`${row.registry} ${row.name}`, row] as const))('%s shows its service', (_key, row) => {
    expect(ids([dep(row.registry, row.name)])).toEqual([row.service]);
  });

  it('matches Go major-version module paths, NuGet names without case, and nothing by accident', () => {
    expect(ids([dep('golang', 'github.com/jackc/pgx/v5')])).toEqual(['postgres']);
    expect(ids([dep('golang', 'github.com/jackc/pgx/v5/pgxpool')])).toEqual([]);
    expect(ids([dep('golang', 'github.com/jackc/pgxlisten')])).toEqual([]);
    expect(ids([dep('nuget', 'npgsql')])).toEqual(['postgres']);
    // The same name in another registry means another package.
    expect(ids([dep('pypi', 'pg'), dep('npm', 'pymongo'), dep('cargo', 'sqlx')])).toEqual([]);
  });

  it('lists each service once, in table order, with every dependency that shows it', () => {
    const needed = neededServices([dep('npm', 'ioredis'), dep('npm', 'pg'), dep('npm', 'redis')]);
    expect(needed.map((n) => [n.service.id, n.because.map((d) => d.name)])).toEqual([
      ['postgres', ['pg']],
      ['redis', ['ioredis', 'redis']],
    ]);
  });
});

describe('connection variables', () => {
  const needed = (...names: string[]) => neededServices(names.map((n) => dep('npm', n)));

  it('fills the names .env.example lists, and only those', () => {
    expect(connectionVariables(needed('pg'), ['PGHOST', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'SESSION_SECRET'])).toEqual({
      PGHOST: 'postgres', PGUSER: 'app', PGPASSWORD: 'app', PGDATABASE: 'app',
    });
  });

  it('uses the conventional names when the file lists none of the service\'s', () => {
    expect(connectionVariables(needed('pg', 'ioredis', 'mongodb', 'amqplib'), null)).toEqual({
      DATABASE_URL: 'postgresql://app:app@postgres:5432/app',
      REDIS_URL: 'redis://redis:6379/0',
      MONGODB_URI: 'mongodb://mongo:27017/app',
      AMQP_URL: 'amqp://app:app@rabbitmq:5672',
    });
  });

  it('gives a name several services know to the first, and a second database its own URL', () => {
    expect(connectionVariables(needed('mysql2', 'pg'), ['DB_HOST'])).toEqual({ DB_HOST: 'mysql', DATABASE_URL: 'postgresql://app:app@postgres:5432/app' });
    expect(connectionVariables(needed('mysql2', 'pg'), null)).toEqual({
      DATABASE_URL: 'mysql://app:app@mysql:3306/app',
      POSTGRES_URL: 'postgresql://app:app@postgres:5432/app',
    });
  });

  it('reads variable names from example files', () => {
    expect(envExampleNames('# c\nA=1\nexport B=2\n  C = 3\nnot a line\n1X=4\nA=again\nD=\n')).toEqual(['A', 'B', 'C', 'D']);
  });

  it('every service row has a URL and conventional names it can fill', () => {
    for (const service of BACKING_SERVICES) {
      expect(service.connection.url, service.id).toBeDefined();
      for (const name of service.conventional) expect(service.variables.some(([n]) => n === name), `${service.id} ${name}`).toBe(true);
      for (const [name, part] of service.variables) expect(part === 'jdbc' && service.connection.jdbc === undefined ? `${name} has no JDBC URL` : null).toBeNull();
    }
  });
});

describe('the compose structure check', () => {
  const good = {
    services: {
      app: { build: '.', ports: ['3000:3000'], depends_on: { db: { condition: 'service_healthy' } } },
      db: { image: 'docker.io/library/postgres:18-alpine', volumes: ['db-data:/var/lib/postgresql'], healthcheck: { test: ['CMD', 'pg_isready'], interval: '5s', retries: 3 } },
    },
    volumes: { 'db-data': null },
  };
  const text = (doc: unknown) => JSON.stringify(doc);
  const broken = (change: (doc: typeof good) => void) => {
    const doc = structuredClone(good);
    change(doc);
    return composeProblems(text(doc));
  };

  it('passes a well-formed file', () => {
    expect(composeProblems(text(good))).toEqual([]);
  });

  it('catches what Compose would refuse or mis-run', () => {
    expect(broken((d) => void delete (d.services.app as Record<string, unknown>).build)).toEqual(['services.app: neither image nor build']);
    expect(broken((d) => void ((d.services.db as Record<string, unknown>).image = 'postgres'))).toHaveLength(1);
    expect(broken((d) => void ((d.services.app as Record<string, unknown>).ports = [3000]))).toHaveLength(1);
    expect(broken((d) => void (d.services.db.healthcheck.test = ['CMD-SHELL', 'pg_isready']))).toHaveLength(1);
    expect(broken((d) => void (d.volumes = {} as typeof d.volumes))).toEqual(['services.db.volumes: named volume db-data is not declared under the top-level volumes']);
    expect(broken((d) => void (d.services.app.depends_on = { cache: { condition: 'service_healthy' } } as typeof d.services.app.depends_on))).toEqual(['services.app.depends_on: cache is not a service']);
    expect(broken((d) => void delete (d.services.db as Record<string, unknown>).healthcheck)).toEqual(['services.app.depends_on.db: service_healthy, but db has no healthcheck']);
  });
});

describe('--compose on the command line', () => {
  function project(fixture = 'compose-postgres-node'): string {
    const dir = mkdtempSync(join(tmpdir(), 'slim-compose-'));
    cpSync(join(FIXTURES, fixture), dir, { recursive: true });
    return dir;
  }
  async function run(args: string[]) {
    const output = memoryOutput();
    const code = await main([...args, '--yes'], output);
    return { code, output };
  }

  it('writes compose.yaml with the Dockerfile and reports it under files', async () => {
    const dir = project();
    const { code, output } = await run([dir, '--compose', '--json']);
    expect(code).toBe(0);
    const report = JSON.parse(output.stdout.join('\n')) as { files: Record<string, string> };
    expect(Object.keys(report.files).sort()).toEqual(['.dockerignore', 'Dockerfile', 'compose.yaml']);
    expect(readFileSync(join(dir, 'compose.yaml'), 'utf8')).toBe(report.files['compose.yaml']);
    expect(existsSync(join(dir, 'Dockerfile'))).toBe(true);
    // Without --compose nothing of the kind is written.
    const other = project();
    expect((await run([other])).code).toBe(0);
    expect(existsSync(join(other, 'compose.yaml'))).toBe(false);
  });

  it('never replaces or shadows an existing compose file without --force, and writes nothing then', async () => {
    for (const existing of ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml']) {
      const dir = project();
      writeFileSync(join(dir, existing), 'services: {}\n');
      const { code, output } = await run([dir, '--compose']);
      expect(code, existing).toBe(1);
      expect(output.stderr.join('\n')).toContain(`${existing} already exists`);
      expect(existsSync(join(dir, 'Dockerfile')), `${existing}: the Dockerfile is not written either`).toBe(false);
      expect(readFileSync(join(dir, existing), 'utf8')).toBe('services: {}\n');
      expect((await run([dir, '--compose', '--force'])).code).toBe(0);
      expect(parse(readFileSync(join(dir, 'compose.yaml'), 'utf8')).services.postgres).toBeDefined();
    }
  });

  it('leaves an identical compose.yaml alone and checks it under --check', async () => {
    const dir = project();
    expect((await run([dir, '--compose'])).code).toBe(0);
    expect((await run([dir, '--compose', '--check'])).code).toBe(0);
    writeFileSync(join(dir, 'compose.yaml'), 'services: {}\n');
    const { code, output } = await run([dir, '--compose', '--check']);
    expect(code).toBe(1);
    expect(output.stderr.join('\n')).toContain('compose.yaml');
  });

  it('records --compose, so a rerun and --check without flags include compose.yaml', async () => {
    const dir = project();
    expect((await run([dir, '--compose'])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, '.slim-image', 'config.json'), 'utf8'))).toMatchObject({ compose: true });
    writeFileSync(join(dir, 'compose.yaml'), 'services: {}\n');
    const { code, output } = await run([dir, '--check']);
    expect(code).toBe(1);
    expect(output.stderr.join('\n')).toContain('compose.yaml differs');
  });

  it('beside the user\'s files (at the prompt), writes compose.slim.yaml that builds Dockerfile.slim', async () => {
    const dir = project();
    writeFileSync(join(dir, 'Dockerfile'), 'FROM scratch\n');
    writeFileSync(join(dir, 'compose.yaml'), 'services: {}\n');
    // Every question answered with its default, but the conflict: keep the files, write beside.
    const interaction: Interaction = {
      select: async (q) => (q.message.includes('What now?') ? ('beside' as never) : (q.default ?? q.choices[0]!.value)),
      input: async (q) => q.default ?? '',
      confirm: async (q) => q.default ?? true,
    };
    const output = memoryOutput();
    expect(await main([dir, '--compose'], output, interaction)).toBe(0);
    expect(readFileSync(join(dir, 'compose.yaml'), 'utf8')).toBe('services: {}\n');
    expect(readFileSync(join(dir, 'Dockerfile'), 'utf8')).toBe('FROM scratch\n');
    expect(parse(readFileSync(join(dir, 'compose.slim.yaml'), 'utf8')).services.app.build).toEqual({ context: '.', dockerfile: 'Dockerfile.slim' });
    expect(existsSync(join(dir, 'Dockerfile.slim'))).toBe(true);
  });

  it('builds a monorepo app from the repository root', async () => {
    const { code, output } = await run([join(FIXTURES, 'monorepo-pnpm'), '--app', 'apps/api', '--compose', '--dry-run', '--json']);
    expect(code).toBe(0);
    const compose = parse((JSON.parse(output.stdout.join('\n')) as { files: Record<string, string> }).files['compose.yaml']!);
    expect(compose.services.app.build).toEqual({ context: '../..', dockerfile: 'apps/api/Dockerfile' });
  });
});
