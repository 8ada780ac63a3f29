// The fixture apps the e2e suite builds for real. Each builds offline here: npm-registry
// dependencies (npm, pnpm, yarn), standard-library Python, Go, Java and dependency-free Rust.
// Golden fixtures that cannot build here stay out: made-up lockfile integrity hashes
// (node-hapi, node-fastify-pnpm), yarn 4 from repo.yarnpkg.com (node-yarn-berry), an app that
// listens on localhost only (go-vendor: --verify rightly reports that nothing answers), and
// anything needing PyPI, the Go proxy, crates.io or Maven Central.
// `args` pins what the offline stand-in images can serve (node 22/24 only, no node alpine);
// with real registries the same pins still build.

export interface E2eCase {
  /** Names the case in test output and in SLIM_IMAGE_E2E_ONLY. */
  id: string;
  /** Folder under test/fixtures/ (the golden fixtures) or, with `own`, under test/e2e/fixtures/. */
  fixture: string;
  own?: boolean;
  /** Extra CLI flags (after the fixture's own .slim-args.json). */
  args: string[];
  /** The final base the generator must choose for it. */
  base: 'scratch' | 'distroless' | 'alpine' | 'slim';
  /**
   * The app has registry dependencies, so its Dockerfile has an install step whose layer a
   * source change must not invalidate (checked by a rebuild; apps without one skip it).
   */
  dependencies: boolean;
  /** A source file to change for the layer-cache check, and the comment syntax to append. */
  touch: { file: string; comment: string };
  /** What the case covers, for the test name. */
  what: string;
}

export const CASES: E2eCase[] = [
  {
    id: 'node-npm-distroless',
    dependencies: true,
    fixture: 'node-express-npm',
    args: ['--runtime-version', '24'],
    base: 'distroless',
    touch: { file: 'src/server.js', comment: '// e2e change' },
    what: 'Node 24, express, npm ci, distroless',
  },
  {
    id: 'node-npm-slim',
    dependencies: true,
    fixture: 'node-express-npm',
    args: ['--runtime-version', '22', '--base', 'slim'],
    base: 'slim',
    touch: { file: 'src/server.js', comment: '// e2e change' },
    what: 'Node 22, express, npm ci, slim',
  },
  {
    id: 'node-pnpm-distroless',
    dependencies: true,
    fixture: 'node-pnpm-http',
    own: true,
    args: [],
    base: 'distroless',
    touch: { file: 'server.js', comment: '// e2e change' },
    what: 'Node 24, pnpm 9, distroless',
  },
  {
    id: 'node-yarn-distroless',
    dependencies: true,
    fixture: 'node-yarn-http',
    own: true,
    args: [],
    base: 'distroless',
    touch: { file: 'server.js', comment: '// e2e change' },
    what: 'Node 22, yarn 1, distroless',
  },
  {
    id: 'python-distroless',
    dependencies: false,
    fixture: 'python-stdlib-distroless',
    args: [],
    base: 'distroless',
    touch: { file: 'server.py', comment: '# e2e change' },
    what: 'Python 3.13 standard library, distroless',
  },
  {
    id: 'python-slim',
    dependencies: false,
    fixture: 'python-stdlib-slim-311',
    args: [],
    base: 'slim',
    touch: { file: 'main.py', comment: '# e2e change' },
    what: 'Python 3.11 standard library, slim',
  },
  {
    id: 'go-scratch',
    dependencies: false,
    fixture: 'go-stdlib-http',
    args: [],
    base: 'scratch',
    touch: { file: 'main.go', comment: '// e2e change' },
    what: 'Go 1.24 standard library, scratch',
  },
  {
    id: 'go-distroless',
    dependencies: false,
    fixture: 'go-stdlib-http',
    args: ['--base', 'distroless'],
    base: 'distroless',
    touch: { file: 'main.go', comment: '// e2e change' },
    what: 'Go 1.24 standard library, distroless static',
  },
  {
    id: 'rust-slim',
    dependencies: false,
    fixture: 'rust-std-http',
    args: ['--base', 'slim'],
    base: 'slim',
    touch: { file: 'src/main.rs', comment: '// e2e change' },
    what: 'Rust 1.85 without dependencies, slim',
  },
  {
    id: 'java-distroless',
    dependencies: false,
    fixture: 'java-javac-http',
    args: [],
    base: 'distroless',
    touch: { file: 'src/main/java/com/example/hello/Main.java', comment: '// e2e change' },
    what: 'Java 21 plain javac, distroless',
  },
];
