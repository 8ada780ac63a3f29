// Parsers only some projects need, loaded on first use: detection is synchronous, and loading
// every parser up front cost a noticeable part of the CLI's start-up on projects that need none.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export const yaml = (): typeof import('yaml') => require('yaml') as typeof import('yaml');
export const xml = (): typeof import('fast-xml-parser') => require('fast-xml-parser') as typeof import('fast-xml-parser');
