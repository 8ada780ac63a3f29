// Deno: detection (detect.ts), bases and view (plan.ts), knowledge tables (knowledge/), templates/deno/.
import type { Ecosystem } from '../../ecosystem.js';
import { detectDeno } from './detect.js';
import { denoMarks } from './entry.js';
import { assessDeno, denoView } from './plan.js';
import type { DenoFacts } from './types.js';
import { DENO_RELEASES } from './knowledge/versions.js';

export const deno: Ecosystem<DenoFacts> = {
  language: 'deno',
  markers: denoMarks.markers,
  recognizes: denoMarks.mayBe, // the marker files are the whole check
  tooling: () => null,
  apps: null,
  detect: detectDeno,
  assess: (facts) => assessDeno(facts),
  view: denoView,
  runtimeName: 'Deno',
  // Deno publishes no end-of-life dates for its lines here; a pinned version builds as asked.
  releases: (now) => DENO_RELEASES.filter((r) => Date.parse(r.released) <= now.getTime()).map((r) => ({ version: r.version, endOfLife: null })),
  fields: {
    config: { label: 'The Deno config file', fallback: 'deno.json' },
    entry: { label: 'The entry module', fallback: 'deno.json tasks.start' },
    installFiles: { label: 'A file the dependency install copies', fallback: 'deno.json and deno.lock' },
    buildTask: { label: 'The build task', fallback: 'deno.json tasks' },
  },
  manifestExtensions: ['json', 'jsonc', 'lock'],
  // The Dockerfile of deno_docker's README, in one stage: https://github.com/denoland/deno_docker#as-a-dockerfile
  naive: (input) => [`FROM denoland/deno:${input.runtimeVersion}`, 'WORKDIR /app', 'COPY . .', 'RUN deno install', 'CMD ["task", "start"]'],
  // The dependency install, not the later `deno install --entrypoint <module>` after the sources are copied.
  installCommand: /\bdeno (install|cache)\b(?![^\n]*--entrypoint)/,
  stop: { signals: () => 'deno', printsInit: false },
  // deno eval has every permission; the URL is a number and a checked path, so it is safe in a string literal.
  probe: (_facts, plan, url) => ({
    command: [plan.base === 'distroless' ? '/bin/deno' : 'deno', 'eval', `const r = await fetch(${JSON.stringify(url)}).catch(() => null); Deno.exit(r !== null && r.status < 400 ? 0 : 1);`],
  }),
};
