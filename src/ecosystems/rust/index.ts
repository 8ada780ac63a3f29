// Rust: detection in src/detect/rust/, bases and view in src/plan/rust.ts, templates/rust/.
import { detectRust, recognizesRust, rustMarkers } from './detect.js';
import type { RustFacts } from './types.js';
import type { Ecosystem } from '../../ecosystem.js';
import { assessRust, rustView } from './plan.js';

export const rust: Ecosystem<RustFacts> = {
  language: 'rust',
  markers: rustMarkers,
  recognizes: recognizesRust,
  detect: detectRust,
  assess: (facts) => assessRust(facts),
  view: rustView,
};
