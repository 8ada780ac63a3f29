// Bun before its code is loaded (src/ecosystems/index.ts): any of its files may mark it; whether
// the package.json runs on Bun is read by recognizes() (src/npm/runtime.ts).
import type { EcosystemMarks } from '../../ecosystem.js';

const markers = ['package.json', 'bun.lock', 'bun.lockb', 'bunfig.toml'];

export const bunMarks: EcosystemMarks = {
  language: 'bun',
  markers,
  mayBe: (project) => markers.some((file) => project.isFile(file)),
};
