// The e2e cases the image part of the bench builds: the `e2e: [...]` literal of each
// src/ecosystems/<lang>/test/cases.ts (plain data by rule, see test/ecosystem-cases.ts), read
// without a TypeScript loader. Ecosystems in folder-name order.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const CASES_FROM = 'src/ecosystems/<lang>/test/cases.ts';

/** Every ecosystem's e2e cases; throws when a cases file has no readable `e2e` literal. */
export function readE2eCases(repo) {
  const root = path.join(repo, 'src', 'ecosystems');
  const files = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(root, entry.name, 'test', 'cases.ts'))
    .filter((file) => existsSync(file))
    .sort();
  if (files.length === 0) throw new Error(`no ${CASES_FROM} found`);
  return files.flatMap((file) => {
    const literal = /^ {2}e2e: (\[[\s\S]*?^ {2}\]),$/m.exec(readFileSync(file, 'utf8'))?.[1];
    if (!literal) throw new Error(`no e2e array in ${path.relative(repo, file)}`);
    // The literal is repository code holding only strings, booleans, arrays and objects.
    const cases = new Function(`return ${literal};`)();
    if (!Array.isArray(cases) || !cases.every((c) => typeof c.fixture === 'string' && Array.isArray(c.args))) {
      throw new Error(`unexpected e2e cases in ${path.relative(repo, file)}`);
    }
    return cases;
  });
}
