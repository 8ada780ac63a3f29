#!/usr/bin/env node
'use strict';
// A tiny shim: all the code lives in the bundle, dist/cli.cjs and its chunks (scripts/bundle.mjs),
// so `npm create slim-image` starts the same program the tests run. CommonJS, like the bundle:
// Node starts a CommonJS file for less than an ES module.

// package.json engines: 20.5 is the oldest Node.js that has every API the bundled code uses
// (execa, behind --verify, needs events.addAbortListener).
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 5)) {
  process.stderr.write(`error: create-slim-image needs Node.js 20.5 or newer; this is Node.js ${process.versions.node}.\n`);
  process.exit(1);
}

const { join } = require('node:path');
const { cachedRequire } = require('./cached-require.cjs');
const { version } = require('../package.json');

const loader = cachedRequire(version);
const { main, ranGeneration } = loader.load(join(__dirname, '..', 'dist', 'cli.cjs'));
main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  // A generation compiled what later runs need; help, version, --eject and errors a part of it.
  loader.save(ranGeneration());
});
