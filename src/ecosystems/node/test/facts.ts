// Facts of a small Express app, for planner and renderer tests; override what a test varies.
import type { NodeFacts } from '../types.js';

export function nodeFacts(overrides: Partial<NodeFacts> = {}): NodeFacts {
  return {
    language: 'node',
    packageManager: { value: 'npm', source: 'package-lock.json' },
    packageManagerVersion: null,
    yarnBerry: false,
    framework: { value: 'express', source: 'package.json dependencies' },
    runtime: { constraint: null, pinned: false, source: 'default' },
    port: { value: 3000, source: 'server.js' },
    start: { value: { kind: 'exec', argv: ['node', 'server.js'] }, source: 'package.json scripts.start' },
    nativeDependencies: [],
    warnings: [],
    lockfile: 'package-lock.json',
    installFiles: ['package.json', 'package-lock.json'],
    installSecrets: [],
    hasProductionDependencies: true,
    buildScript: null,
    runtimeFiles: null,
    selfContained: false,
    nextStandalone: false,
    typescript: false,
    env: {},
    ...overrides,
  };
}
