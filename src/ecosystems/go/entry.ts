// Go before its code is loaded (src/ecosystems/index.ts): a module or workspace file marks it.
import type { EcosystemMarks } from '../../ecosystem.js';

const markers = ['go.mod', 'go.work'];

export const goMarks: EcosystemMarks = {
  language: 'go',
  markers,
  mayBe: (project) => markers.some((file) => project.isFile(file)),
};
