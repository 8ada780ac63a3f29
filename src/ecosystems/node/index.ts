// Node.js: detection in src/detect/node/, bases and view in src/plan/node.ts, templates/node/.
import { detectNode, nodeMarkers, recognizesNode } from './detect.js';
import type { NodeFacts } from './types.js';
import type { Ecosystem } from '../../ecosystem.js';
import { assessNode, nodeView } from './plan.js';

export const node: Ecosystem<NodeFacts> = {
  language: 'node',
  markers: nodeMarkers,
  recognizes: recognizesNode,
  detect: detectNode,
  assess: (facts) => assessNode(facts),
  view: nodeView,
};
