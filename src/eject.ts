// --eject: copy the built-in templates of the project's language (and the shared partials) into
// the override folder, so a team edits them there; every later run picks them up. Identical
// files are left alone, a differing one needs --force (it may hold the team's edits). The copy is
// all or nothing (FileAccess.commit): a full disk leaves no half set, no temporary file, and the
// folders it created are removed again. In the project, the folder must be inside it (a
// .slim-image that links outside is refused); a --templates folder is the user's own choice,
// and nothing is written through a link out of it.
import { dirname, join, relative, resolve } from 'node:path';
import { ECOSYSTEMS, recognizing } from './ecosystems/index.js';
import { UserError } from './errors.js';
import { FileAccess } from './files/access.js';
import { listPackageDir, readPackageText } from './files/package-files.js';
import type { Options } from './options.js';
import type { Output } from './output.js';
import type { Interaction } from './interaction.js';
import type { Project } from './project.js';
import { BUILTIN_TEMPLATES } from './render/render.js';
import type { Language } from './types.js';

export interface EjectResult {
  language: Language;
  /** The override folder, absolute. */
  dir: string;
  /** Paths inside it, with what happened to each. */
  files: Array<{ file: string; status: 'created' | 'identical' | 'overwritten' }>;
}

/** The default override folder of a project, read automatically by every run. */
export function projectTemplateDir(project: Project): string {
  return join(project.root, '.slim-image', 'templates');
}

export async function eject(project: Project, options: Pick<Options, 'language' | 'templates' | 'force' | 'dryRun' | 'json' | 'dir'>, output: Output, interaction?: Interaction): Promise<EjectResult> {
  const language = await ejectLanguage(project, options, interaction);
  const dir = options.templates ? resolve(options.templates) : projectTemplateDir(project);
  const access = options.templates ? new FileAccess(dir, project.access.notices, 'the template folder') : project.access;
  const wanted = [...templateFiles(language), ...templateFiles('partials')];
  const states = wanted.map((file) => {
    const target = join(dir, file);
    const builtin = readPackageText(join(BUILTIN_TEMPLATES, file));
    const bytes = access.readBytes(target, options.templates ? join(options.templates, file) : relative(project.root, target), 'template');
    const current = bytes === null ? null : bytes.toString('utf8');
    return { file, builtin, status: current === null ? 'created' as const : current === builtin ? 'identical' as const : 'overwritten' as const };
  });
  const edited = states.filter((s) => s.status === 'overwritten').map((s) => s.file);
  if (edited.length > 0 && !options.force) {
    throw new UserError(
      `${relative(project.root, dir) || dir} already holds edited templates (${edited.join(', ')}); nothing was copied. ` +
        'Run again with --force to replace them with the built-in ones, or keep your edits.',
    );
  }
  if (!options.dryRun) {
    const changes = states.filter((s) => s.status !== 'identical').map((s) => ({
      path: join(dir, s.file),
      label: options.templates ? join(options.templates, s.file) : relative(project.root, join(dir, s.file)),
      text: s.builtin,
    }));
    await commitTemplates(dir, Boolean(options.templates), access, changes);
  }
  const files = states.map(({ file, status }) => ({ file, status }));
  const result = { language, dir, files };
  if (options.json) output.out(JSON.stringify({ eject: { language, dir, files } }, null, 2));
  else {
    const shown = relative(process.cwd(), dir) || '.';
    output.out([
      `${options.dryRun ? 'Would copy' : 'Copied'} the ${language} templates and the shared partials into ${shown}:`,
      ...states.map((s) => `  ${s.status === 'identical' ? 'unchanged' : options.dryRun ? `would be ${s.status}` : s.status} ${s.file}`),
      '',
      `Edit them there; every run ${options.templates ? `with --templates ${options.templates}` : 'in this project'} renders with them. ` +
        'Delete a file to go back to the built-in one. The fields each template receives are listed in the README section "The template view".',
    ].join('\n'));
  }
  return result;
}

/**
 * Writes the templates, all or nothing. A --templates folder that does not exist yet is created
 * first (from its nearest existing parent, the user's own path) and removed again on failure.
 */
async function commitTemplates(dir: string, fromFlag: boolean, access: FileAccess, changes: Array<{ path: string; label: string; text: string }>): Promise<void> {
  if (changes.length === 0) return;
  let created: string[] = [];
  if (fromFlag && access.probe(dir).kind === 'missing') {
    let parent = dirname(dir);
    while (dirname(parent) !== parent && new FileAccess(parent).probe(parent).kind === 'missing') parent = dirname(parent);
    created = new FileAccess(parent).ensureDir(dir, dir);
  }
  try {
    await (fromFlag ? new FileAccess(dir, access.notices, 'the template folder') : access).commit(changes);
  } catch (error) {
    for (const folder of created.reverse()) new FileAccess(dirname(folder)).removeEmptyDir(folder);
    throw error;
  }
}

/** Template files of one folder of the built-in templates, as paths relative to it ("node/Dockerfile.hbs"). */
function templateFiles(folder: string): string[] {
  return listPackageDir(join(BUILTIN_TEMPLATES, folder)).filter((name) => name.endsWith('.hbs')).map((name) => `${folder}/${name}`);
}

async function ejectLanguage(project: Project, options: Pick<Options, 'language' | 'dir'>, interaction?: Interaction): Promise<Language> {
  if (options.language) return options.language;
  const found = (await recognizing(project)).map((e) => e.language);
  if (found.length === 1) return found[0]!;
  if (found.length === 0) {
    throw new UserError(`Nothing in ${options.dir} looks like a project this tool knows, so there is no language to eject templates for. Pass --language (${ECOSYSTEMS.map((e) => e.language).join(', ')}).`);
  }
  if (!interaction) throw new UserError(`${options.dir} holds more than one kind of project (${found.join(', ')}). Pass --language with the one whose templates you want.`);
  return interaction.select({ message: 'Whose templates?', choices: found.map((language) => ({ value: language, name: language })) });
}
