// Asset needs (a folder the app's build embeds or serves that only a front-end build makes)
// matched to the stage that makes them: the nearest folder at or above the needed path whose
// manifest, read by another ecosystem, builds it. A need nothing builds is said in a warning,
// since the image build would fail on it or ship an empty UI.
import type { Ecosystem } from '../ecosystem.js';
import type { Project } from '../project.js';
import type { AssetStage, CommonFacts } from '../types.js';

/** "ui/build" -> ["ui", "."]: the folders a build of that path can start from, nearest first. */
function ancestors(path: string): string[] {
  const parts = path.split('/');
  const dirs: string[] = [];
  for (let n = parts.length - 1; n >= 1; n--) dirs.push(parts.slice(0, n).join('/'));
  return [...dirs, '.'];
}

export function resolveAssets(facts: CommonFacts, project: Project, ecosystems: readonly Ecosystem[], now: Date): CommonFacts {
  const needs = facts.assetNeeds ?? [];
  if (needs.length === 0) return facts;
  const builders = ecosystems.filter((e) => e.language !== facts.language && e.assetBuilder !== undefined);
  const stages: AssetStage[] = [];
  const warnings: string[] = [];
  for (const need of needs) {
    let stage: AssetStage | null = null;
    for (const dir of ancestors(need.path)) {
      for (const e of builders) {
        stage = e.assetBuilder!(project, dir, need.path, now, need.scripts);
        if (stage) break;
      }
      if (stage) break;
    }
    if (stage) {
      if (!stages.some((s) => s.dir === stage!.dir && s.outputDir === stage!.outputDir)) stages.push({ ...stage, reason: `${need.path} (${need.source}): ${stage.reason}` });
    } else {
      warnings.push(
        `${need.source} needs ${need.path}, which the repository does not hold and no build script here makes; ` +
          'the image build fails without it (or ships an empty folder). Build it before `docker build` and keep it out of .dockerignore, or commit it.',
      );
    }
  }
  return { ...facts, assetStages: stages, warnings: [...facts.warnings, ...warnings] };
}
