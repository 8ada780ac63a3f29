// Is this package.json the app, or tooling beside an app of another ecosystem? Python, Go, Java,
// Ruby and PHP apps often carry a package.json only to lint, format, or build CSS and JavaScript
// assets. Such a manifest has no production start (no start script, or one that only runs a
// development server or a watcher) and no server framework among its dependencies.
import type { Project } from '../../project.js';
import { bunRuntimeEvidence } from '../../npm/runtime.js';
import { NODE_FRAMEWORKS } from './knowledge/frameworks.js';

/**
 * Start scripts that serve assets in development or watch files, never a production server:
 * webpack-dev-server and `webpack serve`, `ng serve`, `react-scripts start`, Vite's and Parcel's
 * dev servers, and any watcher.
 */
const DEVELOPMENT_ONLY = /\b(webpack-dev-server|webpack serve|ng serve|react-scripts start|vite(?! build| preview)|parcel(?! build)|--watch|watch:)/;

/** Packages that run an HTTP server in production, beyond the framework table's. */
const SERVER_PACKAGES = ['@hapi/hapi', 'hono', 'polka', 'restify', 'socket.io', 'ws', 'http-server', 'serve', 'express', 'fastify', 'koa'];

/** Why this package.json is only tooling for another ecosystem's app, or null when it may be the app. */
export function nodeTooling(project: Project): string | null {
  // A package.json that Bun runs is the Bun ecosystem's app, and Node steps aside for it through this
  // same rule, which the detect step explains (src/npm/runtime.ts says why a shared rule and not an
  // ordering); --language node still builds it for Node.
  const bun = bunRuntimeEvidence(project);
  if (bun !== null) return `the package.json is run by Bun: ${bun}`;
  let pkg: { scripts?: Record<string, unknown>; dependencies?: Record<string, unknown>; devDependencies?: Record<string, unknown>; main?: unknown; bin?: unknown };
  try {
    pkg = (project.readJson('package.json') ?? {}) as typeof pkg;
  } catch {
    return null; // a malformed manifest is the detector's to report
  }
  if (typeof pkg !== 'object' || pkg === null || Array.isArray(pkg)) return null;
  const scripts = typeof pkg.scripts === 'object' && pkg.scripts !== null ? pkg.scripts : {};
  const start = typeof scripts.start === 'string' ? scripts.start : null;
  if (start !== null && !DEVELOPMENT_ONLY.test(start)) return null;
  if (pkg.bin !== undefined) return null;
  const dependencies = Object.keys(typeof pkg.dependencies === 'object' && pkg.dependencies !== null ? pkg.dependencies : {});
  const servers = new Set([...SERVER_PACKAGES, ...NODE_FRAMEWORKS.flatMap((f) => f.packages)]);
  const server = dependencies.find((name) => servers.has(name));
  if (server !== undefined) return null;
  const what = Object.keys(scripts).slice(0, 4);
  return (
    `package.json has ${start === null ? 'no start script' : `only a development start ("${start.slice(0, 60)}")`} and no server framework among its dependencies` +
    `${what.length > 0 ? ` (its scripts: ${what.join(', ')})` : ''}, so it builds assets or runs tooling`
  );
}
