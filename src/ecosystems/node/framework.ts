// Which web framework the app uses, from its dependencies (rules in knowledge/node-frameworks.ts),
// plus the framework settings that change the image: Next.js standalone output, and whether
// Astro/SvelteKit have the Node adapter that makes them a Node server at all.
import type { Project } from '../../project.js';
import { keepLines, removeBlockComments } from '../../detect/scan.js';
import type { Fact } from '../../types.js';
import { NODE_FRAMEWORKS, type NodeFrameworkRule } from './knowledge/frameworks.js';
import { hasDependency, type PackageJson } from './manifest.js';

export const NEXT_CONFIG_FILES = ['next.config.js', 'next.config.mjs', 'next.config.cjs', 'next.config.ts', 'next.config.mts'];

export interface FrameworkResult {
  framework: Fact<string | null>;
  /** The matching rule, or null for plain Node.js (and for Astro/SvelteKit without the Node adapter). */
  rule: NodeFrameworkRule | null;
  nextStandalone: boolean;
  warnings: string[];
}

export function detectFramework(project: Project, pkg: PackageJson): FrameworkResult {
  const warnings: string[] = [];
  const rule = NODE_FRAMEWORKS.find((r) => r.packages.some((name) => hasDependency(pkg, name)));
  if (!rule) return { framework: { value: null, source: 'no known framework in package.json dependencies' }, rule: null, nextStandalone: false, warnings };

  const marker = rule.packages.find((name) => hasDependency(pkg, name)) as string;
  const framework = { value: rule.id, source: `package.json dependency ${marker}` };
  if (rule.serverAdapter !== null && !hasDependency(pkg, rule.serverAdapter)) {
    warnings.push(
      `${rule.name} without ${rule.serverAdapter} does not build a Node.js server, so the image runs the start script as written. ` +
        `Add ${rule.serverAdapter} (${rule.source}) for a production server.`,
    );
    return { framework, rule: null, nextStandalone: false, warnings };
  }
  const nextStandalone = rule.id === 'next' && readsStandalone(project);
  return { framework, rule, nextStandalone, warnings };
}

/** Does a next.config.* set `output: 'standalone'` (ignoring comments)? */
function readsStandalone(project: Project): boolean {
  for (const file of NEXT_CONFIG_FILES) {
    const text = project.readText(file);
    if (text === null) continue;
    if (/\boutput\s*:\s*(['"`])standalone\1/.test(stripComments(text))) return true;
  }
  return false;
}

/** Drop // and /* *\/ comments, roughly (good enough for config files and port scanning). */
export function stripComments(code: string): string {
  // A block comment keeps its line breaks, so positions in the result have their lines (port.ts names file:line).
  return removeBlockComments(code, keepLines(' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}
