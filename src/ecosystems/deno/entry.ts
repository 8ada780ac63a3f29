// Deno before its code is loaded (src/ecosystems/index.ts): its config or lockfile marks it.
import type { EcosystemMarks } from '../../ecosystem.js';

const markers = ['deno.json', 'deno.jsonc', 'deno.lock'];

export const denoMarks: EcosystemMarks = {
  language: 'deno',
  markers,
  mayBe: (project) => markers.some((file) => project.isFile(file)),
};
