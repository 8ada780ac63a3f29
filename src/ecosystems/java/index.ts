// Java: detection in src/detect/java/, bases and view in src/plan/java.ts, templates/java/.
import { detectJava, GRADLE_FILES, MAVEN_FILES, recognizesJava } from './detect.js';
import type { JavaFacts } from './types.js';
import type { Ecosystem } from '../../ecosystem.js';
import { assessJava, javaView } from './plan.js';

export const java: Ecosystem<JavaFacts> = {
  language: 'java',
  markers: [...MAVEN_FILES, ...GRADLE_FILES, '*.java with a main method'],
  recognizes: recognizesJava,
  detect: detectJava,
  assess: (facts) => assessJava(facts),
  view: javaView,
};
