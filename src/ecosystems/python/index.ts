// Python: detection in src/detect/python/, bases and view in src/plan/python.ts, templates/python/.
import { PYTHON_MARKERS, detectPython, recognizesPython } from './detect.js';
import type { PythonFacts } from './types.js';
import type { Ecosystem } from '../../ecosystem.js';
import { assessPython, pythonView } from './plan.js';

export const python: Ecosystem<PythonFacts> = {
  language: 'python',
  markers: PYTHON_MARKERS,
  recognizes: recognizesPython,
  detect: detectPython,
  assess: (facts) => assessPython(facts),
  view: pythonView,
};
