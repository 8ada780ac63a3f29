// Secrets stay out of the build context: every language's .dockerignore excludes VCS data,
// environment files (not their examples), keys, credential files and local dependency and build
// folders, read with Docker's own matching rules. Registry credentials become build secrets or a
// refusal, never an ARG or ENV.
import { describe, expect, it } from 'vitest';
import { loadEcosystemCases } from './ecosystem-cases.js';
import { expectNoCrash, generate, makeProject, snapshot } from './safety-helpers.js';

// Every registered ecosystem's fixture, local paths and source paths (src/ecosystems/<lang>/test/cases.ts).
const ECOSYSTEM_CASES = await loadEcosystemCases();

/**
 * Docker's .dockerignore semantics (moby/patternmatcher): patterns are cleaned paths relative to
 * the context root (a leading or trailing / is dropped); `*` and `?` stop at `/`, `**` crosses
 * folders; a pattern that matches a folder excludes everything in it; `!` re-includes; the last
 * matching pattern wins.
 */
function ignored(dockerignore: string, path: string): boolean {
  const rules = dockerignore
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => {
      const negate = line.startsWith('!');
      const pattern = (negate ? line.slice(1) : line).trim().replace(/^\/+|\/+$/g, '');
      return { negate, regex: toRegex(pattern) };
    });
  const parts = path.split('/');
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let excluded = false;
  for (const rule of rules) {
    if (candidates.some((c) => rule.regex.test(c))) excluded = !rule.negate;
  }
  return excluded;
}

function toRegex(pattern: string): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else if (c === '[' && pattern.indexOf(']', i + 2) > 0) {
      // A character class, as Go's filepath.Match reads it ([^...] negates; the generator writes
      // one-character classes such as [*] for a literal star).
      const end = pattern.indexOf(']', i + 2);
      const inner = pattern.slice(i + 1, end);
      source += `[${inner.startsWith('^') ? '^' : ''}${(inner.startsWith('^') ? inner.slice(1) : inner).replace(/[\]\\^-]/g, '\\$&')}]`;
      i = end;
    }
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

/** Everything point 4 of the issue names, at the root and (where a monorepo could hold it) nested. */
const SECRETS = [
  '.git', '.git/config', '.env', '.env.local', '.env.production', 'apps/web/.env', 'config/.env.staging',
  'server.pem', 'certs/server.pem', 'tls.key', 'certs/tls.key', 'id_rsa', 'id_rsa.pub', 'deploy/id_ed25519',
  '.pypirc', '.netrc', '.aws/credentials', '.ssh/id_rsa', '.docker/config.json', 'nested/.docker/config.json',
  // Issue 13: credential files beyond the usual list, at the root and nested.
  'credentials.json', 'config/credentials.json', 'service-account.json', 'deploy/service-account-prod.json', 'ci/app-sa-key.json',
  'serviceAccountKey.json', 'client_secret_123.apps.googleusercontent.com.json',
  'terraform.tfstate', 'infra/terraform.tfstate', 'infra/terraform.tfstate.backup', 'prod.tfvars', 'infra/secrets.auto.tfvars',
  'infra/.terraform/terraform.tfstate', '.terraformrc', '.envrc', 'apps/web/.envrc', '.git-credentials', 'home/.git-credentials',
  '.kube/config', 'deploy/.kube/config', 'kubeconfig', 'deploy/kubeconfig', 'cluster.kubeconfig', '.pgpass', 'db/.pgpass', '.my.cnf',
  '.vault-token', 'ops/.vault-token', 'release.jks', 'android/app/upload.keystore', '.config/gcloud/application_default_credentials.json',
  'vendor/lib/.git', 'vendor/lib/.git/config', 'packages/sub/.git/config', '.azure/msal_token_cache.json',
];
const KEPT = ['.env.example', 'apps/web/.env.example', '.env.sample', 'config.json', 'src/credentials.ts', 'tfvars.md', '.gitkeep', 'docs/kubeconfig.md'];

const LANGUAGES: Array<[string, string, string[]]> = ECOSYSTEM_CASES.map((c) => [c.language, c.fixture, c.ignored]);
/** Every language's sources, which no language's .dockerignore may keep out. */
const SOURCES = ECOSYSTEM_CASES.flatMap((c) => c.sources);

describe.each(LANGUAGES)('%s .dockerignore', (_language, fixture, local) => {
  let dockerignore = '';

  it('is generated', async () => {
    const run = await generate(makeProject(fixture), '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    dockerignore = run.dockerignore!;
  });

  it.each(SECRETS)('keeps out %s', (path) => {
    expect(ignored(dockerignore, path)).toBe(true);
  });

  it.each(KEPT)('lets %s through', (path) => {
    expect(ignored(dockerignore, path)).toBe(false);
  });

  it.each(local)('keeps out the local dependency, build or credential path %s', (path) => {
    expect(ignored(dockerignore, path)).toBe(true);
  });

  it('lets the sources through', () => {
    for (const path of SOURCES) {
      expect(ignored(dockerignore, path)).toBe(false);
    }
  });
});

describe('the matcher reads Docker\'s rules', () => {
  it('a bare pattern matches at the root only, **/ everywhere, the last match wins', () => {
    expect(ignored('*.pem', 'a.pem')).toBe(true);
    expect(ignored('*.pem', 'certs/a.pem')).toBe(false);
    expect(ignored('**/*.pem', 'certs/a.pem')).toBe(true);
    expect(ignored('**/*.pem', 'a.pem')).toBe(true);
    expect(ignored('.env*\n!.env.example', '.env.example')).toBe(false);
    expect(ignored('node_modules/', 'node_modules/a/b.js')).toBe(true);
  });
});

describe('registry credentials in every spelling the package managers accept', () => {
  const TOKEN = 'npm_SECRETabcdef0123456789';
  it.each([
    ['a quoted key', `"//registry.npmjs.org/:_authToken"=${TOKEN}\n`],
    ['a single-quoted key and value', `'//registry.npmjs.org/:_authToken' = '${TOKEN}'\n`],
    ['spaces around =', `//npm.example.com/:_authToken = ${TOKEN}\n`],
    ['_auth', `_auth=${Buffer.from(`u:${TOKEN}`).toString('base64')}\n`],
    ['_password under a registry', `//npm.example.com/:username=me\n//npm.example.com/:_password=${Buffer.from(TOKEN).toString('base64')}\n`],
    ['CRLF line ends', `registry=https://npm.example.com/\r\n//npm.example.com/:_authToken=${TOKEN}\r\n`],
  ])('Node: an .npmrc token under %s is a build secret, never copied', async (_what, npmrc) => {
    const run = await generate(makeProject('node-express-npm', { '.npmrc': npmrc }), '--dry-run', '--explain');
    expect(run.code, run.stderr).toBe(0);
    expect(run.dockerfile).toMatch(/--mount=type=secret,id=npmrc,target=\/root\/\.npmrc/);
    expect(run.dockerfile).not.toMatch(/^COPY[^\n]*\.npmrc/m);
    expect(ignored(run.dockerignore!, '.npmrc')).toBe(true);
    expect(`${run.stdout}\n${run.stderr}`.replace(/"Dockerfile": "[^]*$/, '')).not.toContain('SECRET');
  });

  it.each([
    ['a comment', `# //registry.npmjs.org/:_authToken=${TOKEN}\n; _auth=${TOKEN}\n`],
    ['a quoted variable', '"//registry.npmjs.org/:_authToken"="${NPM_TOKEN}"\n'],
    ['an optional variable', '//registry.npmjs.org/:_authToken=${NPM_TOKEN?}\n'],
  ])('Node: an .npmrc with %s holds no literal credential', async (_what, npmrc) => {
    const run = await generate(makeProject('node-express-npm', { '.npmrc': npmrc }), '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.dockerfile).not.toMatch(/id=npmrc/);
  });

  it.each([
    ['a quoted key', `"npmAuthToken": ${TOKEN}\n`],
    ['a single-quoted key', `'npmAuthIdent': "user:${TOKEN}"\n`],
    ['a flow mapping', `npmScopes: { acme: { npmAuthToken: ${TOKEN}, npmRegistryServer: "https://npm.acme.dev" } }\n`],
    ['npmScopes', `npmScopes:\n  acme:\n    npmRegistryServer: "https://npm.acme.dev"\n    npmAuthToken: ${TOKEN}\n`],
    ['npmRegistries', `npmRegistries:\n  "https://npm.acme.dev":\n    npmAuthToken: "${TOKEN}"\n`],
    ['an alias', `tokens:\n  main: &tok ${TOKEN}\nnpmAuthToken: *tok\n`],
  ])('Node: a .yarnrc.yml token as %s is refused, the token not echoed', async (_what, yarnrc) => {
    const dir = makeProject('node-yarn-berry', { '.yarnrc.yml': `nodeLinker: node-modules\n${yarnrc}` });
    const before = snapshot(dir);
    const run = await generate(dir);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\.yarnrc\.yml line \d+ holds a registry token/);
    expect(run.stderr).not.toContain('SECRET');
    expect(snapshot(dir)).toEqual(before);
  });

  it.each(['apps/web/.npmrc', 'apps/#web/.npmrc', 'apps/we*b/.npmrc'])('Node: a nested %s with a token is kept out of the context (npm reads only the root one)', async (path) => {
    const run = await generate(makeProject('monorepo-npm-turbo', { [path]: `"//registry.npmjs.org/:_authToken"=${TOKEN}\n` }), '--dry-run', '--app', 'apps/web');
    expect(run.code, run.stderr).toBe(0);
    expect(ignored(run.dockerignore!, path)).toBe(true);
    expect(ignored(run.dockerignore!, 'apps/web/package.json')).toBe(false);
    // The line names that one file: a star in the folder name is not a glob there.
    if (path.includes('*')) expect(ignored(run.dockerignore!, path.replace('*', 'X'))).toBe(false);
    expect(run.stderr).toContain(`${path} holds a registry credential`);
    expect(run.stderr).not.toContain('SECRET');
  });

  it('Node: a .yarnrc.yml reading variables under npmScopes (flow mapping) generates with secret mounts', async () => {
    const run = await generate(makeProject('node-yarn-berry', { '.yarnrc.yml': 'nodeLinker: node-modules\nnpmScopes: { acme: { npmAuthToken: "${ACME_TOKEN:-}" } }\n' }), '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.dockerfile).toMatch(/--mount=type=secret,id=ACME_TOKEN,env=ACME_TOKEN/);
  });

  it('Node: a yarn 1 .yarnrc with a token is refused naming its line', async () => {
    const dir = makeProject('node-koa-yarn-canvas', { '.yarnrc': `registry "https://registry.yarnpkg.com"\n"//registry.yarnpkg.com/:_authToken" "${TOKEN}"\n` });
    const run = await generate(dir);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\.yarnrc line 2 holds a registry token/);
    expect(run.stderr).not.toContain('SECRET');
  });

  it.each([
    ['requirements.txt', '-i HTTPS://user:SECRETs3cr3t@pypi.example.com/simple\nfastapi==0.115.12\nuvicorn==0.34.2\n', /requirements\.txt line 1/],
    ['requirements.txt', '--extra-index-url=Https://SECRETghp_abcdefghijklmnopqrstuvwxyz0123@pypi.example.com/simple\nfastapi==0.115.12\nuvicorn==0.34.2\n', /requirements\.txt line 1/],
    ['requirements.txt', 'fastapi==0.115.12\nuvicorn==0.34.2\nmylib @ git+HTTPS://oauth2:SECRETglpat@gitlab.example.com/acme/mylib.git\n', /requirements\.txt line 3/],
    ['requirements.txt', 'fastapi==0.115.12\nuvicorn==0.34.2\n-e hg+https://me:SECRETpw@hg.example.com/lib#egg=lib\n', /requirements\.txt line 3/],
    ['requirements-dev.txt', 'pytest==8.3.4\n--index-url https://me:SECRETpw@pypi.example.com/simple\n', /requirements-dev\.txt line 2/],
    ['requirements.txt', 'fastapi==0.115.12\nuvicorn==0.34.2\nlib @ https://me:%53ECRETpw@files.example.com/lib-1.0.tar.gz https://a:SECRET2@b.example.com/x\n', /requirements\.txt line 3/],
  ])('Python: a credential in an upper-case or VCS URL in %s is refused, never echoed', async (file, text, where) => {
    const dir = makeProject('python-fastapi-pip', { [file]: text });
    const run = await generate(dir);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(where);
    expect(run.stderr).toMatch(/credential/);
    expect(run.stderr).not.toMatch(/SECRET|s3cr3t|%53ECRET/);
  });

  it('Python: a test database URL in pyproject.toml is not a package-index credential', async () => {
    const dir = makeProject('python-pep621-scripts', { 'pyproject.toml': (old) => `${old}\n[tool.pytest.ini_options]\nenv = ["DATABASE_URL=postgres://postgres:postgres@localhost/test"]\n` });
    const run = await generate(dir, '--dry-run');
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('credential files some builds need', () => {
  it('a keystore in the sources is kept out, with a warning naming it and how to put it back', async () => {
    const run = await generate(makeProject('java-maven-spring-boot', { 'src/main/resources/keystore.jks': 'binary' }), '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(ignored(run.dockerignore!, 'src/main/resources/keystore.jks')).toBe(true);
    expect(run.stderr).toMatch(/src\/main\/resources\/keystore\.jks.*!src\/main\/resources\/keystore\.jks/s);
    // The re-include the warning suggests works: a "!path" line after the generated ones.
    expect(ignored(`${run.dockerignore!}\n!src/main/resources/keystore.jks\n`, 'src/main/resources/keystore.jks')).toBe(false);
  });

  it('no warning when there is none', async () => {
    const run = await generate(makeProject('java-maven-spring-boot'), '--dry-run');
    expect(run.stderr).not.toMatch(/keeps .* out of the build/);
  });
});

describe('registry credentials', () => {
  it('Node: an .npmrc with a literal token is a build secret and stays out of the context', async () => {
    const run = await generate(makeProject('node-express-npm', { '.npmrc': '//registry.npmjs.org/:_authToken=npm_abcdef0123456789\n' }), '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.dockerfile).toMatch(/--mount=type=secret,id=npmrc,target=\/root\/\.npmrc/);
    expect(run.dockerfile).not.toMatch(/^COPY[^\n]*\.npmrc/m);
    expect(run.dockerfile).not.toMatch(/^(ARG|ENV)[^\n]*(TOKEN|npm_abcdef)/mi);
    expect(ignored(run.dockerignore!, '.npmrc')).toBe(true);
  });

  it('Node: an .npmrc reading ${NPM_TOKEN} is copied and the variable passed as a secret, never ARG/ENV', async () => {
    const run = await generate(makeProject('node-express-npm', { '.npmrc': '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n' }), '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.dockerfile).toMatch(/--mount=type=secret,id=NPM_TOKEN,env=NPM_TOKEN/);
    expect(run.dockerfile).not.toMatch(/^(ARG|ENV)[^\n]*NPM_TOKEN/m);
  });

  it('Node: a .yarnrc.yml with a literal npmAuthToken is refused naming the file and line', async () => {
    const dir = makeProject('node-yarn-berry', { '.yarnrc.yml': 'nodeLinker: node-modules\nnpmAuthToken: npm_abcdef0123456789\n' });
    const before = snapshot(dir);
    const run = await generate(dir);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/\.yarnrc\.yml line 2 holds a registry token/);
    expect(run.stderr).not.toContain('npm_abcdef0123456789');
    expect(snapshot(dir)).toEqual(before);
  });

  it('Node: a .yarnrc.yml reading ${NPM_AUTH_TOKEN} gets a secret mount, never ARG/ENV', async () => {
    const run = await generate(makeProject('node-yarn-berry', { '.yarnrc.yml': 'nodeLinker: node-modules\nnpmAuthToken: "${NPM_AUTH_TOKEN:-}"\n' }), '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.dockerfile).toMatch(/--mount=type=secret,id=NPM_AUTH_TOKEN,env=NPM_AUTH_TOKEN/);
    expect(run.dockerfile).not.toMatch(/^(ARG|ENV)[^\n]*NPM_AUTH_TOKEN/m);
  });

  it.each([
    ['requirements.txt', '--index-url https://user:s3cr3t@pypi.example.com/simple\nfastapi==0.115.12\nuvicorn==0.34.2\n', /requirements\.txt line 1/],
    ['requirements.txt', '--extra-index-url https://ghp_abcdefghijklmnopqrstuvwxyz0123@pypi.example.com/simple\nfastapi==0.115.12\nuvicorn==0.34.2\n', /requirements\.txt line 1/],
    ['requirements.txt', 'fastapi==0.115.12\nuvicorn==0.34.2\nmylib @ git+https://oauth2:glpat-abc123@gitlab.example.com/acme/mylib.git\n', /requirements\.txt line 3/],
  ])('Python: a credential in an index URL in %s is refused, the secret not echoed', async (file, text, where) => {
    const dir = makeProject('python-fastapi-pip', { [file]: text });
    const before = snapshot(dir);
    const run = await generate(dir);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(where);
    expect(run.stderr).toMatch(/credential/);
    expect(run.stderr).not.toMatch(/s3cr3t|ghp_abc|glpat-abc/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('Python: an index URL in pyproject.toml ([[tool.uv.index]]) with a password is refused', async () => {
    const dir = makeProject('python-pep621-scripts', { 'pyproject.toml': (old) => `${old}\n[[tool.uv.index]]\nname = "corp"\nurl = "https://user:s3cr3t@pypi.example.com/simple"\n` });
    const run = await generate(dir);
    expectNoCrash(run);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/pyproject\.toml line \d+ puts a credential/);
  });

  it('Python: an index URL reading ${PYPI_TOKEN} generates, with a warning naming the secret to pass', async () => {
    const dir = makeProject('python-fastapi-pip', { 'requirements.txt': '--index-url https://__token__:${PYPI_TOKEN}@pypi.example.com/simple\nfastapi==0.115.12\nuvicorn==0.34.2\n' });
    const run = await generate(dir, '--dry-run');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/PYPI_TOKEN.*--secret id=PYPI_TOKEN/s);
    expect(run.dockerfile).not.toMatch(/^(ARG|ENV)[^\n]*PYPI_TOKEN/m);
  });

  it('Python: a plain user name or an ssh git URL is not a credential', async () => {
    const dir = makeProject('python-fastapi-pip', { 'requirements.txt': '--index-url https://deploy@pypi.example.com/simple\nfastapi==0.115.12\nuvicorn==0.34.2\nlib @ git+ssh://git@github.com/acme/lib.git\n' });
    const run = await generate(dir, '--dry-run');
    expect(run.code, run.stderr).toBe(0);
  });

  it.each(LANGUAGES.map(([language, fixture]) => [language, fixture]))('%s: no Dockerfile carries an ARG or ENV named like a credential', async (_language, fixture) => {
    const run = await generate(makeProject(fixture), '--dry-run');
    expect(run.dockerfile).not.toMatch(/^(ARG|ENV)\s+[^\n]*(TOKEN|PASSWORD|SECRET|_AUTH)/mi);
  });
});
