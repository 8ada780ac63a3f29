// Rust before its code is loaded (src/ecosystems/index.ts): Cargo.toml marks it.
import type { EcosystemMarks } from '../../ecosystem.js';

export const rustMarks: EcosystemMarks = {
  language: 'rust',
  markers: ['Cargo.toml'],
  mayBe: (project) => project.isFile('Cargo.toml'),
};
