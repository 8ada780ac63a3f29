// Pick the final base from an ecosystem's assessment of all four kinds: the first that works in
// BASE_KINDS order (smallest first), or the one the user asked for if it can work.
import { UserError } from '../errors.js';
import type { BaseKind, BaseOption, Plan } from '../types.js';

/** A kind that cannot work for this project, and why: no version, no images. */
export function ruledOut(kind: BaseKind, why: string): BaseOption {
  return { kind, possible: false, why, runtimeVersion: null, builderImage: null, runtimeImage: null };
}

/** `chosenBy` says who asked for a base that is not `auto`: the flag, or an answer at the prompt. */
export function chooseBase(assessed: BaseOption[], requested: BaseKind | 'auto', chosenBy: '--base' | 'at the prompt' = '--base'): Plan {
  const options = assessed.map(qualifiedOption);
  const chosen =
    requested === 'auto' ? options.find((o) => o.possible && !o.onRequestOnly) : options.find((o) => o.kind === requested);
  if (!chosen) {
    throw new UserError(`No base image can work for this project: ${options.map((o) => `${o.kind}: ${o.why}`).join('; ')}.`);
  }
  if (!chosen.possible) {
    const alternatives = options.filter((o) => o.possible).map((o) => o.kind);
    throw new UserError(
      `--base ${requested} cannot work for this project: ${chosen.why}. ` +
        `Use --base auto, or one of: ${alternatives.join(', ') || 'none'}.`,
    );
  }
  if (!chosen.runtimeVersion || !chosen.builderImage || !chosen.runtimeImage) {
    throw new Error(`assessment for ${chosen.kind} is possible but incomplete`);
  }
  const reasons: string[] = [];
  for (const option of options) {
    if (option === chosen) {
      reasons.push(`${option.kind} chosen${requested === 'auto' ? '' : ` (${chosenBy})`}: ${option.why}`);
      break;
    }
    reasons.push(`${option.kind} ${option.possible ? (option.onRequestOnly ? 'skipped' : 'possible but not requested') : 'ruled out'}: ${option.why}`);
  }
  return {
    base: chosen.kind,
    runtimeVersion: chosen.runtimeVersion,
    builderImage: chosen.builderImage,
    runtimeImage: chosen.runtimeImage,
    options,
    reasons,
  };
}

/**
 * An image reference with its registry spelled out, as Docker itself reads it: a first path part
 * with a "." or ":" or equal to "localhost" names a registry; otherwise the image is on Docker Hub,
 * under "library/" when it has no namespace (https://github.com/distribution/reference/blob/main/normalize.go).
 * Podman and buildah with short-name enforcing refuse or prompt on short names, so every FROM is
 * written in full. `scratch` is no image and stays as it is.
 */
export function qualifiedImage(reference: string): string {
  if (reference === 'scratch' || reference.startsWith('$')) return reference;
  const first = reference.split('/')[0]!;
  if (reference.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return reference;
  return reference.includes('/') ? `docker.io/${reference}` : `docker.io/library/${reference}`;
}

function qualifiedOption(option: BaseOption): BaseOption {
  return {
    ...option,
    builderImage: option.builderImage === null ? null : qualifiedImage(option.builderImage),
    runtimeImage: option.runtimeImage === null ? null : qualifiedImage(option.runtimeImage),
  };
}
