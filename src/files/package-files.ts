// The package's own files: built-in templates, package.json, the precompiled templates. They ship
// with the tool and are trusted; project and template-folder files go through FileAccess instead.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** A file of the package, as text. */
export function readPackageText(path: string | URL): string {
  return readFileSync(path, 'utf8');
}

/** Whether a file of the package exists. */
export function packageFileExists(path: string | URL): boolean {
  return existsSync(path);
}

/** Names in a folder of the package, sorted. */
export function listPackageDir(path: string): string[] {
  return readdirSync(path).sort();
}
