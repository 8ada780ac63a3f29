// Parsers only some projects need, loaded on first use: detection is synchronous, and loading
// every parser up front cost a noticeable part of the CLI's start-up on projects that need none.
// The bundle (scripts/bundle.mjs) leaves these out: they come from the package's dependencies.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');
export const xml = (): typeof import('fast-xml-parser') => require('fast-xml-parser') as typeof import('fast-xml-parser');
export const toml = (): typeof import('smol-toml') => require('smol-toml') as typeof import('smol-toml');
// Node's crypto: only a run that writes files needs it (random temp names), and loading it costs a
// tenth of a small run's start-up on Node 20.
export const randomHex = (bytes: number): string => (require('node:crypto') as typeof import('node:crypto')).randomBytes(bytes).toString('hex');
// Node's tty: only when a standard descriptor may be a terminal (src/files/stdio.ts); it loads net
// and the stream modules.
export const tty = (): typeof import('node:tty') => require('node:tty') as typeof import('node:tty');
// Handlebars' compiler, for a template with no precompiled entry (src/render/render.ts).
export const handlebarsCompiler = (): typeof import('handlebars') => require('handlebars') as typeof import('handlebars');
