// The part of the template view every language shares. Field names here are a stable contract
// for template overrides (see README "The template view"); renaming one is a breaking change.
import { packageVersion } from '../version.js';
import type { CommonFacts, Plan } from '../types.js';
import { emptyExtraView, type ExtraView } from '../config/extra.js';
import { credentialIgnoreView } from '../knowledge/credential-files.js';

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
    // Credential files every .dockerignore keeps out, by group (src/knowledge/credential-files.ts).
    credentialFiles: credentialIgnoreView(),
  };
}
