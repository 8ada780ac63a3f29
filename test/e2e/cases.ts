// The fixture apps the e2e suite builds for real. Each builds offline here: npm-registry
// dependencies (npm, pnpm, yarn), standard-library Python, Go and Java, vendored Go modules.
// `args` pins what the offline stand-in images can serve (node 22/24 only, no node alpine);
// with real registries the same pins still build.

export interface E2eCase {
  /** Folder under test/fixtures/. */
  fixture: string;
  /** Extra CLI flags (after the fixture's own .slim-args.json). */
  args: string[];
  /** The final base the generator must choose for it. */
  base: 'scratch' | 'distroless' | 'alpine' | 'slim';
  /** A source file to change for the layer-cache check, and the comment syntax to append. */
  touch: { file: string; comment: string };
  /** What the case covers, for the test name. */
  what: string;
}

export const CASES: E2eCase[] = [
  {
    fixture: 'node-express-npm',
    args: ['--runtime-version', '24'],
    base: 'distroless',
    touch: { file: 'src/server.js', comment: '// e2e change' },
    what: 'Node 24, npm ci, distroless',
  },
  {
    fixture: 'node-hapi',
    args: [],
    base: 'distroless',
    touch: { file: 'lib/server.js', comment: '// e2e change' },
    what: 'Node 22, npm ci, distroless',
  },
  {
    fixture: 'node-plain-node-no-lock',
    args: ['--runtime-version', '24'],
    base: 'distroless',
    touch: { file: 'server.js', comment: '// e2e change' },
    what: 'Node 24, npm without a lockfile, distroless',
  },
  {
    fixture: 'node-fastify-pnpm',
    args: ['--base', 'slim'],
    base: 'slim',
    touch: { file: 'server.js', comment: '// e2e change' },
    what: 'Node 24, pnpm, shell start command, slim',
  },
  {
    fixture: 'node-yarn-berry',
    args: [],
    base: 'distroless',
    touch: { file: 'app.js', comment: '// e2e change' },
    what: 'Node 22, yarn 4 (corepack), distroless',
  },
  {
    fixture: 'python-stdlib-distroless',
    args: [],
    base: 'distroless',
    touch: { file: 'server.py', comment: '# e2e change' },
    what: 'Python 3.13 standard library, distroless',
  },
  {
    fixture: 'python-stdlib-slim-311',
    args: [],
    base: 'slim',
    touch: { file: 'main.py', comment: '# e2e change' },
    what: 'Python 3.11 standard library, slim',
  },
  {
    fixture: 'go-stdlib-http',
    args: [],
    base: 'scratch',
    touch: { file: 'main.go', comment: '// e2e change' },
    what: 'Go 1.24 standard library, scratch',
  },
  {
    fixture: 'go-vendor',
    args: [],
    base: 'scratch',
    touch: { file: 'main.go', comment: '// e2e change' },
    what: 'Go 1.24 with vendored modules, scratch',
  },
  {
    fixture: 'java-javac-http',
    args: [],
    base: 'distroless',
    touch: { file: 'src/main/java/com/example/hello/Main.java', comment: '// e2e change' },
    what: 'Java 21 plain javac, distroless',
  },
];
