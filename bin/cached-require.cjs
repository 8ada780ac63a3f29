'use strict';
// Loads the bundle's CommonJS files (dist/*.cjs, scripts/bundle.mjs) with V8's code cache: the
// bytecode V8 compiled on an earlier run is read back instead of parsing and compiling the
// bundle again, which was the largest part of a run's start-up. Node.js >= 22.1 has this built
// in (module.enableCompileCache), but not Node 20, and the same few lines serve every version.
// https://v8.dev/blog/code-caching-for-devs
// https://nodejs.org/api/vm.html#scriptcreatecacheddata
//
// The cache is only ever a speed-up: a missing, unreadable or stale one means a normal compile
// (V8 rejects data made for other code or another V8, and the file names below change with the
// bundle's size and time), and a cache that cannot be written is not written. Set
// NODE_DISABLE_COMPILE_CACHE=1, as for Node's own cache, to turn it off.
const { lstatSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { tmpdir } = require('node:os');
const { basename, dirname, join } = require('node:path');
const { Script } = require('node:vm');

/**
 * The per-user cache folder for this package version and Node build, or null when there is none
 * to use. Another user's folder, or one others may write to, is refused: on a shared /tmp, code
 * planted there would run as whoever starts the CLI.
 */
function cacheFolder(version) {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return null;
  try {
    const uid = typeof process.getuid === 'function' ? process.getuid() : null;
    const base = join(tmpdir(), `create-slim-image-${uid ?? 'user'}`);
    mkdirSync(base, { recursive: true, mode: 0o700 });
    const info = lstatSync(base);
    if (!info.isDirectory() || (uid !== null && (info.uid !== uid || (info.mode & 0o022) !== 0))) return null;
    const folder = join(base, `compile-cache-${version}-node${process.versions.node}-${process.arch}`);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    return folder;
  } catch {
    return null;
  }
}

/**
 * `load(file)` runs a bundle file as a CommonJS module, as `require` would, and gives the files it
 * requires by relative name (its sibling chunks) the same treatment; everything else (Node's
 * built-ins, the runtime dependencies) goes to Node's own `require`. `save(complete)` writes the
 * cache of every file that had none, after the run, when the functions the run used are compiled.
 *
 * A cache holds the functions of the run that wrote it, and a function it lacks is compiled anew
 * on every later run. So a run that stopped early (--help, --eject, an error) writes a partial
 * cache, and the first complete run (a generation) replaces it, once: after a first run with
 * --help, every generation would otherwise compile most of the bundle again.
 */
function cachedRequire(version) {
  const folder = cacheFolder(version);
  const modules = new Map();
  const loaded = [];

  function load(file) {
    const known = modules.get(file);
    if (known) return known.exports;
    const module = { exports: {}, filename: file };
    modules.set(file, module);
    const source = readFileSync(file, 'utf8');
    const name = folder === null ? null : cacheName(folder, file);
    let cachedData;
    let had = 'none';
    for (const kind of name === null ? [] : ['complete', 'partial']) {
      try {
        cachedData = readFileSync(`${name}.${kind}.cache`);
        had = kind;
        break;
      } catch {
        // none of this kind
      }
    }
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
    if (name !== null) loaded.push({ script, name, had: script.cachedDataRejected ? 'none' : had });
    const dir = dirname(file);
    const nodeRequire = createRequire(file);
    const require = (id) => (id.startsWith('./') && id.endsWith('.cjs') ? load(join(dir, id)) : nodeRequire(id));
    script.runInThisContext().call(module.exports, module.exports, require, module, file, dir);
    return module.exports;
  }

  /** @param {boolean} complete the run went all the way, so it compiled what a run needs */
  function save(complete) {
    for (const { script, name, had } of loaded.splice(0)) {
      if (had === 'complete' || (had === 'partial' && !complete)) continue;
      try {
        // Written whole, then renamed: a run starting meanwhile reads the old file or the new one.
        const target = `${name}.${complete ? 'complete' : 'partial'}.cache`;
        const temp = `${target}.${process.pid}`;
        writeFileSync(temp, script.createCachedData(), { mode: 0o600 });
        renameSync(temp, target);
        if (had === 'partial') rmSync(`${name}.partial.cache`, { force: true });
      } catch {
        // a read-only or full temp folder: the next run compiles as this one did
      }
    }
  }

  return { load, save };
}

/** The cache files' name (without the kind) of one bundle file: its name, size and time, so a rebuilt file never meets an old cache. */
function cacheName(folder, file) {
  const info = statSync(file);
  return join(folder, `${basename(file)}-${info.size}-${Math.trunc(info.mtimeMs)}`);
}

module.exports = { cachedRequire };
