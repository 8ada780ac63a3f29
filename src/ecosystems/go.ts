// Go: detection in src/detect/go/, bases and view in src/plan/go.ts, templates/go/.
import { detectGo, goMarkers, recognizesGo } from '../detect/go/index.js';
import type { GoFacts } from '../detect/go/types.js';
import type { Ecosystem } from '../ecosystem.js';
import { assessGo, goView } from '../plan/go.js';

export const go: Ecosystem<GoFacts> = {
  language: 'go',
  markers: goMarkers,
  recognizes: recognizesGo,
  detect: detectGo,
  assess: (facts) => assessGo(facts),
  view: goView,
};
