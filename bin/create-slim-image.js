#!/usr/bin/env node
// A tiny shim: all the code lives in the bundle dist/cli.js (scripts/bundle.mjs builds it), so
// `npm create slim-image` starts the same program the tests run.
import module from 'node:module';

// package.json engines: 20.5 is the oldest Node.js that has every API the bundled code uses
// (execa, behind --verify, needs events.addAbortListener).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 5)) {
  process.stderr.write(`error: create-slim-image needs Node.js 20.5 or newer; this is Node.js ${process.versions.node}.\n`);
  process.exit(1);
}

// Node >= 22.1 keeps V8's compiled code of the bundle on disk (a folder in the temp folder) and
// reuses it on the next start, which skips most of the start-up; older Node has no such call and
// compiles as before. Before the import, which is dynamic so that it runs after this line.
module.enableCompileCache?.();

const { main } = await import('../dist/cli.js');
process.exitCode = await main(process.argv.slice(2));
