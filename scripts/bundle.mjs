// Build step after tsc and the template precompiler: bundle the CLI (src/cli.ts) into one ESM
// file, dist/cli.js, which is what bin/create-slim-image.js runs and what the package ships.
//
// Why: started from tsc's tree, the CLI loaded ~120 files of its own plus semver's, Handlebars'
// and the parsers', and resolving and compiling them cost most of its run. The bundle is one file
// on the common path; what only some runs need stays out of it:
// - `import()` targets (the prompts of an interactive run, --verify with execa) become chunks
//   beside it (dist/cli-<name>-<hash>.js), loaded only when a run gets there;
// - what src/lazy.ts `require`s (the YAML, XML and TOML parsers, Handlebars' compiler) is loaded at
//   run time from the installed package's dependencies, only by the runs that need it: those
//   are the package's only runtime `dependencies` (everything imported is inside the bundle),
//   and this script fails when the bundle needs a package that package.json does not list.
// Everything the bundle holds stays in dist/ itself (no subfolder), so src/paths.ts finds the
// package root one folder up from any of its files, as it does from src/ and tsc's dist/.
// The precompiled templates are copied beside the bundle (render.ts requires ./precompiled.cjs
// from its own file), and the licences of the bundled packages go into dist/THIRD-PARTY-LICENSES.txt.
import { build } from 'esbuild';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const runtimeDependencies = Object.keys(pkg.dependencies ?? {});

// tsc's cli.js (and its map) is replaced by the bundle; chunks of an earlier bundle go too.
for (const name of readdirSync(dist)) {
  if (/^cli-.*\.js$/.test(name) || name === 'cli.js' || name === 'cli.js.map') rmSync(join(dist, name));
}

const result = await build({
  entryPoints: [join(root, 'src', 'cli.ts')],
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Less text for Node to read and compile at every start; names stay, so messages and
  // DEBUG=1 stack traces remain readable.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none', // the licences are collected below, whole
  entryNames: '[name]',
  // dist/cli-<name>-<hash>.js: beside cli.js (see src/paths.ts), named apart from tsc's files.
  chunkNames: 'cli-[name]-[hash]',
  // Bundled CommonJS code that requires a Node built-in (the prompts' terminal helpers, execa's
  // dependencies) calls `require`, which an ES module lacks: give each file one.
  banner: { js: "import{createRequire as __slimCreateRequire}from'node:module';const require=__slimCreateRequire(import.meta.url);" },
  metafile: true,
  logLevel: 'warning',
  plugins: [sideEffectFree(/^@inquirer\//)],
});

// Which packages the bundle needs at run time: bare specifiers left as imports, and the names
// src/lazy.ts requires (esbuild cannot see through createRequire).
const builtins = new Set((await import('node:module')).builtinModules);
const needed = new Set();
for (const output of Object.values(result.metafile.outputs)) {
  for (const i of output.imports) {
    if (!i.external || i.path.startsWith('node:') || builtins.has(i.path)) continue;
    needed.add(packageName(i.path));
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

copyFileSync(join(dist, 'render', 'precompiled.cjs'), join(dist, 'precompiled.cjs'));

// The bundled packages' licences, each once, from their package folders.
const packages = new Map();
const bundled = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, v]) => v.bytesInOutput > 0).map(([input]) => input));
for (const input of bundled) {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) continue;
  const name = packageName(input.slice(at + 'node_modules/'.length));
  const dir = join(root, input.slice(0, at), 'node_modules', name);
  if (!packages.has(dir)) packages.set(dir, name);
}
const notices = [...packages].sort((a, b) => a[1].localeCompare(b[1])).map(([dir, name]) => {
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[sc]e|copying)(\.|$)/i.test(f));
  const text = file ? readFileSync(join(dir, file), 'utf8').trim() : `License: ${manifest.license ?? 'see the package'} (no licence file in the package)`;
  return `${name}@${manifest.version} (${manifest.license ?? 'unknown'})\n\n${text}\n`;
});
writeFileSync(
  join(dist, 'THIRD-PARTY-LICENSES.txt'),
  `The create-slim-image bundle (dist/*.js) includes code from these packages, under these licences.\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`,
);

const files = Object.keys(result.metafile.outputs).map((f) => join(root, f)).filter(existsSync);
const kb = (f) => `${(statSync(f).size / 1024).toFixed(0)} kB`;
console.log(`bundled ${relative(root, join(dist, 'cli.js'))} (${kb(join(dist, 'cli.js'))}) and ${files.length - 1} lazily loaded chunk(s); ${packages.size} packages inside; runtime dependencies: ${[...needed].sort().join(', ') || 'none'}`);

/**
 * The @inquirer packages say `"sideEffects": false`, but in package.json files that esbuild does
 * not read (it reads the nearest one, dist/esm/package.json, which does not say it): without
 * this, the interactive chunk carried every prompt of @inquirer/prompts, the editor prompt's
 * character-set tables included, where the CLI uses three.
 */
function sideEffectFree(filter) {
  return {
    name: 'side-effect-free',
    setup(b) {
      b.onResolve({ filter }, async (args) => {
        if (args.pluginData?.again) return undefined;
        const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { again: true } });
        return resolved.errors.length > 0 ? undefined : { path: resolved.path, external: resolved.external, sideEffects: false };
      });
    },
  };
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}
