#!/usr/bin/env node
// A tiny shim: all the code lives in the compiled bundle, so `npm create slim-image`
// starts the same program the tests run.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv.slice(2));
