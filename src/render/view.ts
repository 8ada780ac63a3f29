// The part of the template view every language shares. Field names here are a stable contract
// for template overrides (see README "The template view"); renaming one is a breaking change.
import { packageVersion } from '../version.js';
import type { AssetStage, CommonFacts, Plan } from '../types.js';
import { emptyExtraView, type ExtraView } from '../config/extra.js';
import { credentialIgnoreView } from '../knowledge/credential-files.js';
import { TINI } from '../knowledge/stop-signals.js';
import { HEALTHCHECK_OPTIONS } from '../plan/healthcheck.js';

export function commonView(facts: CommonFacts, plan: Plan, extra: ExtraView = emptyExtraView()) {
  return {
    tool: { name: 'create-slim-image', version: packageVersion() },
    language: facts.language,
    framework: facts.framework.value,
    packageManager: facts.packageManager.value,
    base: plan.base,
    runtimeVersion: plan.runtimeVersion,
    builderImage: plan.builderImage,
    runtimeImage: plan.runtimeImage,
    port: facts.port.value,
    reasons: plan.reasons,
    // --add-package, --env, --label, --build-arg: printed by the extra-* partials.
    extra,
    // Front-end builds the app needs (a Go embed of a Vite UI): printed by the asset-* partials.
    assets: assetView(facts.assetStages ?? []),
    // Credential files every .dockerignore keeps out, by group (src/knowledge/credential-files.ts).
    credentialFiles: credentialIgnoreView(),
    // tini as PID 1 (src/plan/init.ts): printed by the init-stage and init-copy partials.
    // --healthcheck: printed by the healthcheck partial before the start command.
    healthcheck: plan.healthcheck ? { options: HEALTHCHECK_OPTIONS.join(' '), command: plan.healthcheck } : null,
    init: plan.init === true ? { image: TINI.image, package: TINI.package, binary: TINI.binary, target: TINI.target } : null,
  };
}

/** Stage names and exec-form COPY arguments for each asset stage; "." builds from the context root. */
function assetView(stages: AssetStage[]) {
  return stages.map((stage, i) => {
    const prefix = stage.dir === '.' ? '' : `${stage.dir}/`;
    const workdir = stage.dir === '.' ? '/assets' : `/assets/${stage.dir}`;
    return {
      name: stages.length === 1 ? 'assets' : `assets-${i + 1}`,
      image: stage.image,
      stageDir: workdir,
      manifests: stage.manifests.map((file) => [`${prefix}${file}`, `./${file}`]),
      sources: [stage.dir === '.' ? '.' : `${stage.dir}/`, './'],
      setup: stage.setup,
      cacheMount: stage.cacheMount,
      install: stage.install,
      build: stage.build,
      extraBuilds: stage.extraBuilds ?? [],
      output: [`/assets/${stage.outputDir}`, `./${stage.outputDir}`],
      // A stale local copy of the output stays out of the context; only plain names become a
      // .dockerignore line (a leading ! or a glob character would mean something else there).
      ignore: /^[\w.-]+(\/[\w.-]+)*$/.test(stage.outputDir) ? stage.outputDir : null,
      reason: stage.reason,
    };
  });
}
