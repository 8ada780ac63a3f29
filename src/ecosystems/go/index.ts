// Go: detection in src/detect/go/, bases and view in src/plan/go.ts, templates/go/.
import { detectGo, goMarkers, recognizesGo } from './detect.js';
import type { GoFacts } from './types.js';
import type { Ecosystem } from '../../ecosystem.js';
import { assessGo, goView } from './plan.js';

export const go: Ecosystem<GoFacts> = {
  language: 'go',
  markers: goMarkers,
  recognizes: recognizesGo,
  detect: detectGo,
  assess: (facts) => assessGo(facts),
  view: goView,
};
