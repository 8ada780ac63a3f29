// Deploy files as evidence laid under detection: they fill what the code did not tell, and a
// disagreement with the code is said, never silently resolved. A port the code does not fix is
// taken from the deploy files (fly.toml, compose, an existing Dockerfile, an .env example); when
// the code names one and a deploy file names another, the code wins (the image must listen where
// the app does) and the user hears about the other.
import type { Project } from '../project.js';
import type { CommonFacts } from '../types.js';
import { deployPorts } from './deploy-files.js';

export function applyDeployEvidence(facts: CommonFacts, project: Project): CommonFacts {
  const ports = deployPorts(project);
  if (ports.length === 0) return facts;
  const [best] = ports as [(typeof ports)[number]];
  if (facts.port.value === null) {
    return { ...facts, port: { value: best.value, source: best.source } };
  }
  const other = ports.find((p) => p.explicit && p.value !== facts.port.value);
  if (other === undefined || ports.some((p) => p.value === facts.port.value)) return facts;
  return {
    ...facts,
    warnings: [
      ...facts.warnings,
      `${other.source} says port ${other.value}, but ${facts.port.source} says ${facts.port.value}; the image exposes ${facts.port.value}. If the app really listens on ${other.value}, pass --port ${other.value}.`,
    ],
  };
}
