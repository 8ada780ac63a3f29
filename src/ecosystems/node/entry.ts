// Node.js before its code is loaded (src/ecosystems/index.ts): package.json marks it, and a folder
// with neither package.json nor pnpm-workspace.yaml can be no workspace root and no workspace package.
// Its package.json builds the front ends of other ecosystems' apps (assets.ts).
import type { EcosystemMarks } from '../../ecosystem.js';

export const nodeMarks: EcosystemMarks = {
  language: 'node',
  markers: ['package.json'],
  mayBe: (project) => project.isFile('package.json'),
  mayHoldApps: (project) => project.isFile('package.json') || project.isFile('pnpm-workspace.yaml'),
  buildsAssets: true,
};
