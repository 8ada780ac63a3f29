// Static sites before their code is loaded (src/ecosystems/index.ts): a page or a package.json may
// mark one; recognizes() reads the manifest for a static build.
import type { EcosystemMarks } from '../../ecosystem.js';

const markers = ['index.html', 'package.json'];

export const staticMarks: EcosystemMarks = {
  language: 'static',
  markers,
  mayBe: (project) => markers.some((file) => project.isFile(file)),
};
