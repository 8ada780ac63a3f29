// Build step after tsc and the template precompiler: bundle the CLI (src/cli.ts) into CommonJS
// files in dist/, which bin/create-slim-image.cjs loads (with a code cache, bin/cached-require.cjs)
// and the package ships.
//
// Why a bundle, and this shape: started from tsc's tree, the CLI loaded ~120 files of its own plus
// semver's, Handlebars' and the parsers', and resolving and compiling them cost most of its run.
// - dist/cli.cjs and one chunk, dist/cli-core-<hash>.cjs, hold everything every run needs: the
//   generic pipeline and the packages it imports (the "core" group below).
// - Each ecosystem (src/ecosystems/<lang>/), the prompts of an interactive run and --verify with
//   execa are chunks of their own, loaded only when a run gets there: src/ecosystems/index.ts
//   imports each ecosystem's code dynamically, so a Node.js project's run never compiles Java's.
// - What src/lazy.ts `require`s (the YAML, XML and TOML parsers, Handlebars' compiler) is loaded at
//   run time from the installed package's dependencies, only by the runs that need it: those are
//   the package's only runtime `dependencies` (everything imported is inside the bundle), and this
//   script fails when the bundle needs a package that package.json does not list.
// CommonJS rather than ES modules: Node resolves and links a CommonJS file for less than an ES
// module, loads Node's built-ins without building their module namespaces (which read every lazy
// export: importing node:fs loaded the streams), and only CommonJS code can be given V8's code
// cache on every Node version this package supports. Rolldown, unlike esbuild, puts the modules
// the entry already loaded into its own chunk instead of one small shared chunk per combination of
// importers (esbuild's split left 35 files to load on a Node.js run; this leaves 5).
// Everything stays in dist/ itself (no subfolder), so src/paths.ts finds the package root one
// folder up from any of its files, as it does from src/ and tsc's dist/. The precompiled templates
// are copied beside the bundle (render.ts requires ./precompiled-<folder>.cjs from its own file), and the
// licences of the bundled packages go into dist/THIRD-PARTY-LICENSES.txt.
import { rolldown } from 'rolldown';
import { builtinModules } from 'node:module';
import { copyFileSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const runtimeDependencies = Object.keys(pkg.dependencies ?? {});

// tsc's cli.js (and its map) is replaced by the bundle; chunks of an earlier bundle go too.
for (const name of readdirSync(dist)) {
  if (/^cli(-.*)?\.c?js(\.map)?$/.test(name)) rmSync(join(dist, name));
}

const bundle = await rolldown({
  input: { cli: join(root, 'src', 'cli.ts') },
  platform: 'node',
  logLevel: 'warn',
  treeshake: {
    // The @inquirer packages say `"sideEffects": false`, but in package.json files the bundler
    // does not read (it reads the nearest one, dist/esm/package.json, which does not say it):
    // without this, the interactive chunk carried every prompt of @inquirer/prompts, the editor
    // prompt's character-set tables included, where the CLI uses three.
    moduleSideEffects: (id) => !/[\\/]node_modules[\\/]@inquirer[\\/]/.test(id),
  },
});
const { output } = await bundle.write({
  dir: dist,
  format: 'cjs',
  entryFileNames: '[name].cjs',
  chunkFileNames: 'cli-[name]-[hash].cjs',
  // Less text for Node to read and compile; names stay, so messages and DEBUG=1 stack traces
  // remain readable.
  minify: { compress: false, mangle: false, codegen: { removeWhitespace: true } },
  comments: { legal: false }, // the licences are collected below, whole
  // Non-ASCII characters escaped: one (an ellipsis in a message) makes V8 hold the whole chunk as
  // a two-byte string, decoded from UTF-8 at about 1.5 ms a run for the core chunk alone.
  charset: 'ascii',
  codeSplitting: { groups: [{ name: coreGroup, debugName: 'core' }] },
});
await bundle.close();

/**
 * The chunk every run loads: generic code and the packages it imports. Ecosystems, the prompts
 * (src/ask.ts) and --verify (src/verify/) keep their own code and packages in their own chunks.
 */
function coreGroup(id) {
  const path = id.split('\\').join('/');
  if (/\/src\/ecosystems\/[^/]+\//.test(path) || /\/src\/(verify\/|ask\.ts$)/.test(path)) return null;
  if (path.includes('/node_modules/')) return /\/node_modules\/(semver|handlebars)\//.test(path) ? 'core' : null;
  return path.includes('/src/') ? 'core' : null;
}

const chunks = output.filter((o) => o.type === 'chunk');

// Which packages the bundle needs at run time: bare specifiers left as requires, and the names
// src/lazy.ts requires (the bundler cannot see through createRequire).
const builtins = new Set(builtinModules);
const needed = new Set();
for (const chunk of chunks) {
  for (const i of chunk.imports) {
    if (i.startsWith('./') || i.startsWith('node:') || builtins.has(i) || chunks.some((c) => c.fileName === i)) continue;
    needed.add(packageName(i));
  }
}
for (const [, name] of readFileSync(join(root, 'src', 'lazy.ts'), 'utf8').matchAll(/require\('([^']+)'\)/g)) {
  if (!name.startsWith('node:') && !builtins.has(name)) needed.add(packageName(name));
}
const undeclared = [...needed].filter((name) => !runtimeDependencies.includes(name));
if (undeclared.length > 0) {
  throw new Error(`the bundle loads ${undeclared.join(', ')} at run time, but package.json does not list ${undeclared.length > 1 ? 'them' : 'it'} in dependencies`);
}
const unused = runtimeDependencies.filter((name) => !needed.has(name));
if (unused.length > 0) console.warn(`bundle: package.json lists ${unused.join(', ')} in dependencies, but the bundle holds ${unused.length > 1 ? 'them' : 'it'}: move to devDependencies`);

for (const name of readdirSync(dist)) if (/^precompiled(-.*)?\.cjs$/.test(name)) rmSync(join(dist, name));
for (const name of readdirSync(join(dist, 'render'))) if (/^precompiled-.*\.cjs$/.test(name)) copyFileSync(join(dist, 'render', name), join(dist, name));

// The bundled packages' licences, each once, from their package folders.
const packages = new Map();
for (const chunk of chunks) {
  for (const [input, info] of Object.entries(chunk.modules)) {
    if (info.renderedLength === 0) continue;
    const path = input.split('\\').join('/');
    const at = path.lastIndexOf('node_modules/');
    if (at < 0) continue;
    const name = packageName(path.slice(at + 'node_modules/'.length));
    const dir = join(path.slice(0, at), 'node_modules', name);
    if (!packages.has(dir)) packages.set(dir, name);
  }
}
const notices = [...packages].sort((a, b) => a[1].localeCompare(b[1])).map(([dir, name]) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f));
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${manifest.license ?? 'see the package'} (no licence file in the package)`;
  return `${name}@${manifest.version} (${manifest.license ?? 'unknown'})\n\n${text}\n`;
});
writeFileSync(
  join(dist, 'THIRD-PARTY-LICENSES.txt'),
  `The create-slim-image bundle (dist/*.cjs) includes code from these packages, under these licences.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);

const kb = (name) => `${(statSync(join(dist, name)).size / 1024).toFixed(0)} kB`;
const core = chunks.find((c) => c.name === 'core');
console.log(
  `bundled ${relative(root, join(dist, 'cli.cjs'))} (${kb('cli.cjs')}) with ${core ? `${core.fileName} (${kb(core.fileName)})` : 'no core chunk'} and ${chunks.length - 2} lazily loaded chunk(s); ` +
    `${packages.size} packages inside; runtime dependencies: ${[...needed].sort().join(', ') || 'none'}`,
);

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
