// Deploy files as evidence laid under detection: they fill what the code did not tell, and a
// disagreement with the code is said, never silently resolved. Their ports follow the port rule
// (src/detect/port.ts) like every other port. A compiled program's subcommand comes from them too
// (launch-args.ts). The port rule:
// - the code names no port: the deploy files' port is taken (fly.toml, compose, an existing
//   Dockerfile, an .env example, best first);
// - the app reads its port from a variable or an argument (a default, not a fixed port): an
//   explicit deploy setting (fly.toml, compose, EXPOSE), or an example value of a variable the app
//   reads, outranks the code's default, and the image sets it through that mechanism;
// - the code fixes its port: the code wins (the image must listen where the app does) and the
//   user hears about the other;
// - the project builds several programs: only a deploy file naming the chosen one (a compose
//   service of that name) speaks for it; another program's port is never taken for it.
import type { Project } from '../project.js';
import type { CommonFacts } from '../types.js';
import { settingOf, withPort } from '../detect/port.js';
import { deployPorts, type DeployPort } from './deploy-files.js';
import { launchArgs } from './launch-args.js';

export function applyDeployEvidence(facts: CommonFacts, project: Project): CommonFacts {
  return withDeployPort(withLaunchArgs(facts, project), project);
}

/**
 * A compiled program started bare, while the repository's deploy files run it with a subcommand
 * (`shiori server`): the image runs it the same way, and the reason says where that came from.
 */
function withLaunchArgs(facts: CommonFacts, project: Project): CommonFacts {
  const start = facts.start.value;
  if (facts.program === undefined || start.kind !== 'exec' || start.argv.length !== 1) return facts;
  const found = launchArgs(project, facts.program.name);
  if (found === null) return facts;
  const words = found.args.map((a) => `"${a}"`).join(' ');
  const left = found.dropped === 0 ? '' : `; the ${found.dropped} argument${found.dropped === 1 ? '' : 's'} after it (options and values of that deployment) left out`;
  return {
    ...facts,
    start: { value: { kind: 'exec', argv: [...start.argv, ...found.args] }, source: `${facts.start.source}, with the subcommand ${words} from ${found.source}${left}` },
  };
}

function withDeployPort(facts: CommonFacts, project: Project): CommonFacts {
  const { ports, warning } = forProgram(facts, deployPorts(project));
  const warned = warning === null ? facts : { ...facts, warnings: [...facts.warnings, warning] };
  if (ports.length === 0) return warned;
  const [best] = ports as [DeployPort];
  if (facts.port.value === null) return withPort(warned, { value: best.value, source: best.source });
  if (ports[0]?.value === facts.port.value) return warned;
  const setting = settingOf(facts);
  const reads = (p: DeployPort) => setting.kind === 'env' && p.variable !== undefined && p.variable in setting.env;
  const mover = setting.kind === 'env' || setting.kind === 'argument' ? ports.find((p) => p.explicit || reads(p)) : undefined;
  if (mover !== undefined) return withPort(warned, { value: mover.value, source: `${mover.source} (the code's default is ${facts.port.value}: ${facts.port.source})` });
  const other = ports.find((p) => p.explicit && p.value !== facts.port.value);
  if (other === undefined || ports.some((p) => p.value === facts.port.value)) return warned;
  return {
    ...warned,
    warnings: [
      ...warned.warnings,
      `${other.source} says port ${other.value}, but ${facts.port.source} says ${facts.port.value}; the image exposes ${facts.port.value}. If the app really listens on ${other.value}, pass --port ${other.value}.`,
    ],
  };
}

const sameName = (a: string, b: string): boolean => a.toLowerCase().replace(/[-_]/g, '') === b.toLowerCase().replace(/[-_]/g, '');

/** With several programs, the ports of deploy files that name the chosen one; a warning when others were left out and the program names no port of its own. */
function forProgram(facts: CommonFacts, ports: DeployPort[]): { ports: DeployPort[]; warning: string | null } {
  const program = facts.program;
  if (program === undefined || program.others.length === 0) return { ports, warning: null };
  const named = ports.filter((p) => p.service !== undefined && sameName(p.service, program.name));
  const skipped = ports.find((p) => !named.includes(p));
  if (named.length > 0 || skipped === undefined || facts.port.value !== null) return { ports: named, warning: null };
  return {
    ports: named,
    warning:
      `${skipped.source} says port ${skipped.value}, but this project builds several programs (${[program.name, ...program.others].join(', ')}) and that file does not say it is ${program.name}'s; ` +
      `${program.name}'s own code names no port, so the image exposes none. If ${program.name} listens on ${skipped.value}, pass --port ${skipped.value}.`,
  };
}
