// Syntax that Node.js stopped accepting in a release line: code using it fails with a SyntaxError
// at load time on that line and later, so it caps the Node version the image may use.

export interface RemovedSyntaxRule {
  id: string;
  /** What the code uses, for messages. */
  what: string;
  /** Matches the syntax in source code with comments stripped. */
  pattern: RegExp;
  /** The first Node.js major line that rejects it. */
  removedIn: number;
  source: string;
}

/** Sorted by id. */
export const NODE_REMOVED_SYNTAX: readonly RemovedSyntaxRule[] = [
  {
    // `import data from './data.json' assert { type: 'json' }`; Node 22 (V8 12.4) accepts only `with { type: 'json' }`.
    id: 'import-assertions',
    what: 'import assertions (`import ... assert { type: "json" }`), which Node 22 replaced by import attributes (`with`)',
    pattern: /(?:\bfrom\s*|\bimport\s*)['"][^'"\n]+['"]\s*assert\s*\{|\bimport\(\s*[^()]*,\s*\{\s*assert\s*:/,
    removedIn: 22,
    source: 'https://github.com/nodejs/node/pull/52104',
  },
];
