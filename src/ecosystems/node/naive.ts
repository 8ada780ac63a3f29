// The Dockerfile a person writes first for a Node.js app (--compare builds it only to measure it):
// the full default image, the whole project copied in, the package manager's install, npm start.
// https://github.com/nodejs/docker-node/blob/main/docs/BestPractices.md (the plain node image)
import type { NaiveInput } from '../../ecosystem.js';

export function naiveNode(input: NaiveInput): string[] | null {
  if (input.packageManager === 'bun') {
    // https://hub.docker.com/r/oven/bun
    return ['FROM oven/bun:1', 'WORKDIR /usr/src/app', 'COPY . .', 'RUN bun install', 'CMD ["bun", "start"]'];
  }
  const install = installCommand(input.packageManager, corepackPin(input));
  if (install === null) return null;
  return [`FROM node:${input.runtimeVersion}`, 'WORKDIR /usr/src/app', 'COPY . .', `RUN ${install}`, 'CMD ["npm", "start"]'];
}

function installCommand(packageManager: string, pin: string | null): string | null {
  switch (packageManager) {
    case 'npm':
      return 'npm install';
    case 'pnpm':
      // pnpm's own docs offer `npm install -g pnpm` first; it needs no corepack signature keys.
      // The version pinned in package.json, when it is one: a newer pnpm refuses other pins.
      return `npm install -g pnpm${pinnedVersion(pin, 'pnpm')} && pnpm install`;
    case 'yarn':
      return `${pin !== null ? 'corepack enable && ' : ''}yarn install`;
    default:
      return null;
  }
}

/** The `packageManager` field of package.json (corepack), or null. */
function corepackPin(input: NaiveInput): string | null {
  try {
    const pin = (JSON.parse(input.read('package.json') ?? 'null') as { packageManager?: unknown } | null)?.packageManager;
    return typeof pin === 'string' ? pin : null;
  } catch {
    return null;
  }
}

/** "@9.15.9" from "pnpm@9.15.9+sha512.abc", only for a plain version of that tool; else "". */
function pinnedVersion(pin: string | null, tool: string): string {
  const match = new RegExp(`^${tool}@(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.]+)?)(?:\\+.*)?$`).exec(pin ?? '');
  return match ? `@${match[1]}` : '';
}
