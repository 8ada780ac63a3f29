// Deploy files as evidence laid under detection: they fill what the code did not tell, and a
// disagreement with the code is said, never silently resolved. A port the code does not fix is
// taken from the deploy files (fly.toml, compose, an existing Dockerfile, an .env example); when
// the code names one and a deploy file names another, the code wins (the image must listen where
// the app does) and the user hears about the other. A port that is only the server's default,
// set by the image itself, is nobody's choice: the deploy file's port takes its place.
import type { Project } from '../project.js';
import type { CommonFacts } from '../types.js';
import { deployPorts } from './deploy-files.js';
import { launchArgs } from './launch-args.js';

export function applyDeployEvidence(facts: CommonFacts, project: Project): CommonFacts {
  return withPort(withLaunchArgs(facts, project), project);
}

/**
 * A compiled program started bare, while the repository's deploy files run it with a subcommand
 * (`shiori server`): the image runs it the same way, and the reason says where that came from.
 */
function withLaunchArgs(facts: CommonFacts, project: Project): CommonFacts {
  const start = facts.start.value;
  if (facts.program === undefined || start.kind !== 'exec' || start.argv.length !== 1) return facts;
  const found = launchArgs(project, facts.program);
  if (found === null) return facts;
  const words = found.args.map((a) => `"${a}"`).join(' ');
  const left = found.dropped === 0 ? '' : `; the ${found.dropped} argument${found.dropped === 1 ? '' : 's'} after it (options and values of that deployment) left out`;
  return {
    ...facts,
    start: { value: { kind: 'exec', argv: [...start.argv, ...found.args] }, source: `${facts.start.source}, with the subcommand ${words} from ${found.source}${left}` },
  };
}

function withPort(facts: CommonFacts, project: Project): CommonFacts {
  const ports = deployPorts(project);
  if (ports.length === 0) return facts;
  const [best] = ports as [(typeof ports)[number]];
  if (facts.port.value === null) {
    return { ...facts, port: { value: best.value, source: best.source } };
  }
  // The server's own default, which the image sets itself: the deployment's port wins, so the
  // proxy, compose file or health check written for it keeps working.
  if (facts.port.serverDefault && best.value !== facts.port.value) {
    return { ...facts, port: { value: best.value, source: `${best.source}; the image sets it in place of ${facts.port.value}, which was only the server's default` } };
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
