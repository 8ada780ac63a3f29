// PHP before its code is loaded (src/ecosystems/index.ts): Composer's manifest or a front controller marks it.
import type { EcosystemMarks } from '../../ecosystem.js';

export const phpMarks: EcosystemMarks = {
  language: 'php',
  markers: ['composer.json', 'composer.lock', 'index.php', 'public/index.php'],
  mayBe: (project) => project.isFile('composer.json') || project.isFile('public/index.php') || project.isFile('index.php'),
};
