// Bun: detection (detect.ts), bases and view (plan.ts), knowledge tables (knowledge/), templates/bun/.
// npm packages' native code is judged by the shared table (src/knowledge/npm-native.ts) and lockfile
// readers (src/npm/), which Node uses too.
import { JS_PROBE } from '../../plan/healthcheck.js';
import { bunImages } from './knowledge/images.js';
import type { Ecosystem } from '../../ecosystem.js';
import { bunTooling, detectBun, recognizesBun } from './detect.js';
import { bunMarks } from './entry.js';
import { assessBun, bunView, DISTROLESS_BUN } from './plan.js';
import type { BunFacts } from './types.js';
import { BUN_RELEASES } from './knowledge/versions.js';

export const bun: Ecosystem<BunFacts> = {
  language: 'bun',
  markers: bunMarks.markers,
  recognizes: recognizesBun,
  tooling: bunTooling,
  apps: null,
  detect: detectBun,
  assess: (facts) => assessBun(facts),
  view: bunView,
  runtimeName: 'Bun',
  releases: (now) => BUN_RELEASES.filter((r) => Date.parse(r.released) <= now.getTime()).map((r) => ({ version: r.version, endOfLife: r.end })),
  fields: {
    entry: { label: 'The entry file', fallback: 'package.json scripts.start or module' },
    installFiles: { label: 'A file the dependency install copies', fallback: 'package.json and the lockfile' },
    buildScript: { label: 'The build script', fallback: 'package.json scripts' },
    assets: { label: 'A folder the final image copies', fallback: 'the project folders' },
  },
  manifestExtensions: ['json', 'lock', 'lockb', 'toml'],
  // The Dockerfile of Bun's own guide, without its stages: https://bun.com/guides/ecosystem/docker
  naive: (input) => [`FROM oven/bun:${input.runtimeVersion}`, 'WORKDIR /usr/src/app', 'COPY . .', 'RUN bun install', 'CMD ["bun", "start"]'],
  installCommand: /\bbun install\b/,
  stop: { signals: () => 'bun', printsInit: true },
  // A compiled executable runs only the app; otherwise bun itself makes the request.
  probe: (_facts, plan, url) =>
    plan.runtimeImage === bunImages.compiled
      ? { impossible: 'the final image holds only the compiled executable, which runs the app and nothing else' }
      : { command: [plan.base === 'distroless' ? DISTROLESS_BUN : 'bun', '-e', JS_PROBE, url] },
};
