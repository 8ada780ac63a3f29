// Node.js: detection (detect.ts and its helpers), bases and view (plan.ts), monorepo workspaces
// (workspaces.ts), knowledge tables (knowledge/), templates/node/.
import { JS_PROBE } from '../../plan/healthcheck.js';
import type { Ecosystem } from '../../ecosystem.js';
import { detectNode, recognizesNode } from './detect.js';
import { nodeMarks } from './entry.js';
import { naiveNode } from './naive.js';
import { assessNode, nodeView, DISTROLESS_NODE } from './plan.js';
import type { NodeFacts } from './types.js';
import { chooseWorkspaceApp } from './workspaces.js';
import { nodeTooling } from './tooling.js';
import { nodeAssetBuilder } from './assets.js';
import { NODE_RELEASES } from './knowledge/versions.js';

export const node: Ecosystem<NodeFacts> = {
  language: 'node',
  markers: nodeMarks.markers,
  recognizes: recognizesNode,
  tooling: nodeTooling,
  assetBuilder: nodeAssetBuilder,
  apps: {
    describes: 'a Node.js monorepo (npm, yarn or pnpm workspaces)',
    select: chooseWorkspaceApp,
    buildContext: (facts) => (facts.workspace ? { context: facts.workspace.context, appDir: facts.workspace.appDir } : null),
  },
  detect: detectNode,
  assess: (facts) => assessNode(facts),
  view: nodeView,
  runtimeName: 'Node',
  releases: (now) => NODE_RELEASES.filter((r) => Date.parse(r.start) <= now.getTime()).map((r) => ({ version: String(r.major), endOfLife: r.end })),
  fields: {
    buildScript: { label: 'The build script', fallback: 'package.json scripts' },
    packageManagerVersion: { label: 'The package manager version', fallback: 'package.json packageManager' },
    runtimeFiles: { label: 'A file the final image copies', fallback: 'package.json or the framework config' },
    workspace: { label: 'The workspace app folder', fallback: 'the workspaces in package.json or pnpm-workspace.yaml' },
  },
  manifestExtensions: ['json', 'lock', 'ya?ml'],
  naive: naiveNode,
  installCommand: /\b(npm (ci|install|i)\b|pnpm (install|i)\b|yarn( install)?(\s+--[\w=-]+)*\s*($|&&|;)|bun install)/,
  stop: { signals: () => 'node', printsInit: true },
  // distroless/nodejs keeps node at /nodejs/bin/node; the others have node on PATH. fetch is in every supported Node line.
  probe: (_facts, plan, url) => ({ command: [plan.base === 'distroless' ? DISTROLESS_NODE : 'node', '-e', JS_PROBE, url] }),
};
