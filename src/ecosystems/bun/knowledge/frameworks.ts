// Servers a Bun app is built on, found by dependency, with the port each listens on when the code
// names none. Order matters: the first dependency found wins.

interface BunFramework {
  /** The npm package that marks it. */
  package: string;
  /** Port when nothing in the code or config names one. */
  port: number;
  /** Whether its own docs build it with `bun build --compile` for production. */
  compiles: boolean;
  source: string;
}

export const BUN_FRAMEWORKS: readonly BunFramework[] = [
  // Elysia's deploy guide compiles to one binary: `bun build --compile --minify-whitespace --minify-syntax --target bun`.
  { package: 'elysia', port: 3000, compiles: true, source: 'https://elysiajs.com/patterns/deploy.html' },
  // Hono on Bun: `export default app` is served by Bun.serve on port 3000.
  { package: 'hono', port: 3000, compiles: true, source: 'https://hono.dev/docs/getting-started/bun' },
  { package: 'express', port: 3000, compiles: false, source: 'https://bun.com/guides/ecosystem/express' },
];

/**
 * Bun.serve's port when the options name none: $BUN_PORT, $PORT, $NODE_PORT, else 3000
 * (https://bun.com/docs/api/http#changing-the-port-and-hostname).
 */
export const BUN_SERVE_DEFAULT_PORT = { port: 3000, source: 'https://bun.com/docs/api/http' };
