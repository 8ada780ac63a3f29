// Workspace globs (package.json "workspaces", pnpm-workspace.yaml, Cargo [workspace] members) are
// turned into regular expressions segment by segment; a pattern the translation cannot express
// (an unclosed "[") must be the user's error naming the file, never an internal error.
import { UserError } from '../errors.js';

export function globSegmentRegExp(source: string, pattern: string, file: string): RegExp {
  try {
    return new RegExp(source);
  } catch {
    throw new UserError(
      `${file} lists the workspace pattern ${JSON.stringify(pattern.length > 120 ? `${pattern.slice(0, 119)}…` : pattern)}, which is not a glob this tool can read ` +
        '(an unclosed "[" or a bracket expression it cannot match). Write the folder names, or * and ? patterns, and run again.',
    );
  }
}
