import { readPackageText } from './files/package-files.js';

let cached: string | undefined;

/** This package's version, read once from package.json beside the code. */
export function packageVersion(): string {
  cached ??= (JSON.parse(readPackageText(new URL('../package.json', import.meta.url))) as { version: string }).version;
  return cached;
}
