// The Dockerfile a person writes first: the language's full default image, the whole project
// copied in, dependencies installed, no second stage. `--compare` builds it only to measure how
// much the generated one saves; it is never run. Each ecosystem writes its own body (its
// `naive` member, after the image's own documentation); this adds the header and the checks.
//
// Only values from fixed sets and a checked version string go into the text; nothing from the
// project's files is pasted in.
import type { Ecosystem, NaiveInput } from '../ecosystem.js';

const VERSION = /^[0-9][0-9A-Za-z._-]{0,30}$/;

/** The naive Dockerfile, or null when there is no sensible one for this ecosystem/tool. */
export function naiveDockerfile(ecosystem: Pick<Ecosystem, 'naive'>, input: NaiveInput): string | null {
  if (!VERSION.test(input.runtimeVersion)) return null;
  const body = ecosystem.naive(input);
  if (body === null) return null;
  return [
    '# The single-stage image a first Dockerfile usually is, built by create-slim-image --compare',
    '# only to measure it; it is not run.',
    ...body,
    '',
  ].join('\n');
}

/**
 * The runtime version the generated Dockerfile builds with, when the caller did not pass it:
 * the first `ARG <NAME>_VERSION=<value>` near the top (design rule 3 puts it there).
 */
export function versionFromDockerfile(dockerfile: string): string | null {
  const match = /^ARG\s+[A-Z][A-Z0-9_]*VERSION=["']?([0-9][0-9A-Za-z._-]*)["']?\s*$/m.exec(dockerfile);
  return match?.[1] ?? null;
}
