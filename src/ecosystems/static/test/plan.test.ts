// Static-site planning: no JavaScript runtime ships; nginx-unprivileged serves the files, and its
// server block says how unknown paths, cache headers, compression and the health path work.
import { describe, expect, it } from 'vitest';
import { chooseBase } from '../../../plan/choose-base.js';
import { assessStatic, nginxConf, staticView } from '../plan.js';
import type { StaticFacts } from '../types.js';

const NOW = new Date('2026-12-02T00:00:00Z');

function facts(over: Partial<StaticFacts> = {}): StaticFacts {
  return {
    language: 'static', packageManager: { value: 'npm', source: 'package-lock.json' }, framework: { value: 'vite', source: 'vite builds it into files' },
    runtime: { constraint: null, pinned: false, source: 'default' }, port: { value: 8080, source: 'nginx' },
    start: { value: { kind: 'exec', argv: ['nginx', '-g', 'daemon off;'] }, source: 'the web server' }, nativeDependencies: [], warnings: [],
    frameworkId: 'vite', built: true, packageManagerVersion: null, sitePackageManager: 'npm', yarnBerry: false, lockfile: 'package-lock.json',
    installFiles: ['package.json', 'package-lock.json'], buildCommand: { value: ['npm', 'run', 'build'], source: 'scripts.build' },
    output: { value: 'dist', source: 'default' }, fallback: { kind: 'spa', page: '/index.html', source: 'react-router-dom' },
    immutable: ['assets'], immutablePattern: null, buildArgs: [],
    ...over,
  };
}

describe('bases', () => {
  it('scratch and distroless are ruled out with the reason; alpine nginx-unprivileged is chosen, built on the newest LTS', () => {
    const plan = chooseBase(assessStatic(facts(), NOW), 'auto');
    expect(plan.base).toBe('alpine');
    expect(plan.runtimeImage).toBe('docker.io/nginxinc/nginx-unprivileged:stable-alpine');
    expect(plan.builderImage).toBe('docker.io/library/node:26-slim');
    expect(plan.reasons[0]).toMatch(/scratch ruled out: .*busybox httpd/);
    expect(plan.reasons[1]).toMatch(/distroless ruled out: .*no web-server image/);
  });

  it('--base slim serves from Debian; --base distroless is refused', () => {
    expect(chooseBase(assessStatic(facts(), NOW), 'slim').runtimeImage).toBe('docker.io/nginxinc/nginx-unprivileged:stable');
    expect(() => chooseBase(assessStatic(facts(), NOW), 'distroless')).toThrow(/--base distroless cannot work/);
  });

  it('a pinned Node line builds as pinned; a range takes the newest LTS it allows', () => {
    expect(assessStatic(facts({ runtime: { constraint: '20', pinned: true, source: '.nvmrc' } }), NOW)[2]!.runtimeVersion).toBe('20');
    expect(assessStatic(facts({ runtime: { constraint: '^22 || ^24', pinned: false, source: 'engines' } }), NOW)[2]!.runtimeVersion).toBe('24');
  });

  it('a folder of files has no builder: the runtime image is both', () => {
    const plan = chooseBase(assessStatic(facts({ built: false, sitePackageManager: null, output: { value: '.', source: 'x' } }), NOW), 'auto');
    expect(plan.runtimeVersion).toBe('none');
    expect(plan.builderImage).toBe(plan.runtimeImage);
  });

  it('the reasons name the fallback and the build arguments', () => {
    const why = assessStatic(facts({ buildArgs: [{ name: 'VITE_API_URL', value: 'x', source: '.env' }] }), NOW)[2]!.why;
    expect(why).toMatch(/deep links answer \/index\.html/);
    expect(why).toMatch(/VITE_API_URL \(\.env\) passed to the build as build arguments/);
  });
});

describe('the nginx server block', () => {
  it('a single-page app: fallback to index.html, immutable hashed assets, no-cache HTML, gzip, a health path', () => {
    const conf = nginxConf(facts(), 8080).join('\n');
    expect(conf).toContain('listen 8080;');
    expect(conf).toContain('try_files $uri $uri/ /index.html;');
    expect(conf).toMatch(/location \^~ \/assets\/ \{\n\s+add_header Cache-Control "public, max-age=31536000, immutable";\n\s+try_files \$uri =404;/);
    expect(conf).toContain('add_header Cache-Control "no-cache";');
    expect(conf).toContain('gzip_static on;');
    expect(conf).toContain('location = /healthz {');
    expect(conf).not.toContain('error_page');
  });

  it('a generated site: page.html, page/index.html, then 404.html', () => {
    const conf = nginxConf(facts({ fallback: { kind: 'pages', page: '/404.html', source: 'x' } }), 9000).join('\n');
    expect(conf).toContain('listen 9000;');
    expect(conf).toContain('try_files $uri $uri.html $uri/ =404;');
    expect(conf).toContain('error_page 404 /404.html;');
  });

  it('no router: unknown paths answer 404; a hash pattern adds a regex location', () => {
    const conf = nginxConf(facts({ fallback: { kind: 'none', page: '/index.html', source: 'x' }, immutable: [], immutablePattern: '[.-][A-Z0-9]{8}\\.js$' }), 8080).join('\n');
    expect(conf).toContain('try_files $uri $uri/ =404;');
    expect(conf).toContain('location ~ "[.-][A-Z0-9]{8}\\.js$" {');
  });
});

describe('view', () => {
  it('copies the build output into the web root and runs as uid 101 with the nginx command', () => {
    const view = staticView(facts(), chooseBase(assessStatic(facts(), NOW), 'auto'));
    expect(view).toMatchObject({ siteSource: '/app/dist/', siteRoot: '/usr/share/nginx/html/', user: '101:101', cmd: ['nginx', '-g', 'daemon off;'], builderFrom: 'docker.io/library/node:${NODE_VERSION}-slim', outputIgnore: 'dist/' });
  });
});
