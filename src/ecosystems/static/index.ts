// Static sites (single-page apps and static site generators): a Node.js build stage writes files,
// and a web server serves them; no JavaScript runtime ships. Detection (detect.ts), bases, server
// configuration and view (plan.ts), knowledge tables (knowledge/), templates/static/.
// It refines the Node.js ecosystem: a package.json whose production output is only files is a
// static site, so when this ecosystem recognizes a folder, Node.js steps aside (src/detect/index.ts).
import type { Ecosystem } from '../../ecosystem.js';
import { detectStatic, recognizesStatic, refinesNode } from './detect.js';
import { staticMarks } from './entry.js';
import { naiveStatic } from './naive.js';
import { assessStatic, staticView } from './plan.js';
import type { StaticFacts } from './types.js';
import { NODE_LINES } from './knowledge/node-lines.js';

export const staticSite: Ecosystem<StaticFacts> = {
  language: 'static',
  markers: staticMarks.markers,
  recognizes: recognizesStatic,
  refines: (project) => (refinesNode(project) ? 'node' : null),
  // Beside another ecosystem's app, a front-end build or an index.html is that app's assets
  // (a Go server embedding a built SPA, templates of a Python app): it steps aside.
  tooling: () => 'its front-end build or HTML files look like assets of the app beside it',
  apps: null,
  detect: detectStatic,
  assess: (facts) => assessStatic(facts),
  view: staticView,
  runtimeName: 'Node',
  releases: () => NODE_LINES.map((l) => ({ version: String(l.major), endOfLife: l.end })),
  fields: {
    buildCommand: { label: 'The build script', fallback: 'package.json scripts' },
    output: { label: 'The build output folder', source: (f) => f.output.source, fallback: 'the framework config' },
    installFiles: { label: 'An install file', fallback: 'package.json' },
    buildArgs: { label: 'A build-time variable', fallback: '.env' },
    packageManagerVersion: { label: 'The package manager version', fallback: 'package.json packageManager' },
    immutable: { label: 'A cached folder', fallback: 'the framework table' },
    fallback: { label: 'The fallback page', fallback: 'svelte.config.js' },
  },
  manifestExtensions: ['json', 'lock', 'ya?ml', 'html', 'c?js', 'mjs', 'm?ts'],
  naive: naiveStatic,
  installCommand: /\b(npm (ci|install|i)\b|pnpm (install|i)\b|yarn( install)?(\s+--[\w=-]+)*\s*($|&&|;)|bun install)/,
  stop: { signals: () => 'static', printsInit: false },
  // nginx-unprivileged's Alpine image has busybox wget (exit 1 on an HTTP error); its Debian image has no HTTP client.
  probe: (_facts, plan, url) =>
    plan.base === 'alpine' ? { command: ['wget', '-q', '-O', '/dev/null', url] } : { impossible: "nginx-unprivileged's Debian image has no HTTP client (no curl, no wget)" },
};
