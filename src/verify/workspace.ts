// Where the build happens. After the files are written, the project itself is the build context
// (read only: nothing is written into it). Before that (--verify runs before anything is written)
// the project is copied to a temporary folder and the rendered files are created there afresh, so
// the project stays untouched either way. The copy follows no link out of the project (the file
// layer's copyTree): a link that leads outside is left out, so neither the build nor the rendered
// files can reach through it.
import path from 'node:path';
import { FileAccess, makeTempDir, removeTree } from '../files/access.js';

export interface Workspace {
  context: string;
  dockerfile: string;
  /** A private scratch folder (for the naive Dockerfile); removed by dispose(). */
  scratch: string;
  dispose(): Promise<void>;
}

/** Folders never needed in a copy: the generated .dockerignore keeps them out of images anyway. */
const SKIP_IN_COPY = new Set(['node_modules', '.git', '.hg', '.svn', 'target', '.venv', '__pycache__']);

export async function prepareWorkspace(
  projectDir: string,
  files: Record<string, string>,
  written: boolean,
): Promise<Workspace> {
  const scratch = makeTempDir('slim-image-verify-');
  const dispose = async () => removeTree(scratch);
  try {
    if (written) {
      return { context: projectDir, dockerfile: path.join(projectDir, 'Dockerfile'), scratch, dispose };
    }
    const context = path.join(scratch, 'project');
    new FileAccess(scratch).ensureDir(context, 'the copy of the project');
    // Only top-level folders are skipped; a folder of the same name deeper down is kept.
    new FileAccess(projectDir).copyTree(context, (relative) => !relative.includes('/') && SKIP_IN_COPY.has(relative));
    const copy = new FileAccess(context, undefined, 'the copy of the project');
    for (const [name, text] of Object.entries(files)) {
      if (name.includes('/') || name.includes('..')) continue;
      copy.writeFresh(path.join(context, name), name, text);
    }
    return { context, dockerfile: path.join(context, 'Dockerfile'), scratch, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
