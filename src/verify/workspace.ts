// Where the build happens. After the files are written, the project itself is the build context
// (read only: nothing is written into it). With --dry-run the project is copied to a temporary
// folder and the rendered files are written there, so the project stays untouched either way.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

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
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'slim-image-verify-'));
  const dispose = () => rm(scratch, { recursive: true, force: true });
  try {
    if (written) {
      return { context: projectDir, dockerfile: path.join(projectDir, 'Dockerfile'), scratch, dispose };
    }
    const context = path.join(scratch, 'project');
    await cp(projectDir, context, {
      recursive: true,
      verbatimSymlinks: true,
      // Only top-level folders are skipped; a folder of the same name deeper down is kept.
      filter: (source) => {
        const relative = path.relative(projectDir, source);
        if (relative === '') return true;
        const first = relative.split(path.sep)[0] ?? '';
        return !(relative === first && SKIP_IN_COPY.has(first));
      },
    });
    for (const [name, text] of Object.entries(files)) {
      if (name.includes('/') || name.includes('..')) continue;
      await writeFile(path.join(context, name), text);
    }
    return { context, dockerfile: path.join(context, 'Dockerfile'), scratch, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
