// --healthcheck PATH: a HEALTHCHECK that works on the chosen base. distroless and scratch have no
// shell, curl or wget, so the probe is the runtime itself making one HTTP request (exec form, the
// URL passed as an argument, never spliced into code), or the web server image's own wget; where
// nothing in the final image can make a request, no HEALTHCHECK is written and the reason says why.
// Docker runs it in the container (https://docs.docker.com/reference/dockerfile/#healthcheck):
// exit 0 is healthy, 1 unhealthy.
import { UsageError } from '../errors.js';
import type { Ecosystem } from '../ecosystem.js';
import type { CommonFacts, Plan, Probe } from '../types.js';


/**
 * The timing every generated HEALTHCHECK uses: Docker's defaults (30 s interval, 30 s timeout)
 * with a shorter timeout, since the probe is one local request, and a start period for boot.
 */
export const HEALTHCHECK_OPTIONS = ['--interval=30s', '--timeout=5s', '--start-period=15s', '--retries=3'] as const;

/** A request path: a slash and URL path characters, nothing a Dockerfile or a shell would read. */
const PATH = /^\/[A-Za-z0-9._~%/?=&+-]{0,200}$/;

export function checkHealthcheckPath(raw: string): string {
  if (!PATH.test(raw)) {
    throw new UsageError(`--healthcheck takes a URL path that starts with "/" (letters, digits and . _ ~ % / ? = & + -), such as /health; got "${raw}".`);
  }
  return raw;
}

/** Node and Bun: fetch the URL given as the last argument; healthy below status 400. */
export const JS_PROBE = 'fetch(process.argv.at(-1)).then((r) => process.exit(r.status < 400 ? 0 : 1), () => process.exit(1))';

/** Python: urlopen raises on a refused connection and on a status of 400 or more. */
export const PYTHON_PROBE = 'import sys, urllib.request; urllib.request.urlopen(sys.argv[-1], timeout=4)';

/** The plan with its healthcheck decided (the command, or none with the reason). */
export function withHealthcheck<F extends CommonFacts>(plan: Plan, ecosystem: Pick<Ecosystem<F>, 'probe'>, facts: F, path: string | undefined): Plan {
  if (path === undefined) return plan;
  const port = facts.port.value;
  const probe: Probe =
    port === null
      ? { impossible: 'the app serves no port, so there is nothing to ask' }
      : ecosystem.probe === undefined
        ? { impossible: 'nothing in this final image can make an HTTP request' }
        : ecosystem.probe(facts, plan, `http://127.0.0.1:${port}${path}`);
  if ('impossible' in probe) {
    const why = `--healthcheck ${path}: no HEALTHCHECK was written: ${probe.impossible}; use the orchestrator's HTTP probe on ${path} instead (a Kubernetes httpGet probe needs nothing in the image)`;
    return { ...plan, healthcheckSkipped: why, reasons: [...plan.reasons, `healthcheck: ${why}`] };
  }
  return { ...plan, healthcheck: probe.command, reasons: [...plan.reasons, `healthcheck: GET ${path} on port ${port} by ${probe.command[0]} in the image itself (no shell needed)`] };
}
