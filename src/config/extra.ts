// The per-stage additions turned into what the shared partials print (`extra` in the common
// view), and what they mean for the choice of base: an OS package needs a package manager in the
// final image, which scratch and distroless do not have.
import { alpineName } from '../knowledge/alpine-names.js';
import type { Additions } from '../options.js';
import { osPackagesView } from '../plan/os-packages.js';
import type { BaseKind, BaseOption } from '../types.js';

/** The `extra` field of the common view: every template includes the extra-* partials that print it. */
export interface ExtraView {
  runtimePackages: { apt: boolean; apk: boolean; packages: string[] };
  env: Array<{ name: string; value: string }>;
  labels: Array<{ key: string; value: string }>;
  buildArgs: Array<{ name: string; value: string | null; hasValue: boolean }>;
}

const NO_PACKAGE_MANAGER: ReadonlySet<BaseKind> = new Set(['scratch', 'distroless']);

/**
 * With --add-package, scratch and distroless cannot work (no apt or apk to install with), so
 * they are ruled out with that reason; `--base auto` then lands on alpine or slim, and an
 * explicit `--base distroless` is refused by chooseBase with the reason.
 */
export function restrictForAdditions(options: BaseOption[], additions: Additions): BaseOption[] {
  if (additions.packages.length === 0) return options;
  const wanted = additions.packages.join(' ');
  return options.map((option) =>
    NO_PACKAGE_MANAGER.has(option.kind) && option.possible
      ? { ...option, possible: false, why: `--add-package ${wanted} needs a package manager in the final image, and ${option.kind} has none` }
      : option,
  );
}

export function extraView(additions: Additions, base: BaseKind): { view: ExtraView; warnings: string[] } {
  const warnings: string[] = [];
  let packages = additions.packages;
  if (base === 'alpine') {
    packages = additions.packages.map((debian) => {
      const mapped = alpineName(debian);
      if (mapped === null) {
        warnings.push(`--add-package ${debian}: no known Alpine name for this Debian package, so it is installed as "${debian}" with apk; check https://pkgs.alpinelinux.org/packages, or pass --base slim.`);
        return debian;
      }
      return mapped;
    });
  }
  const distro = base === 'alpine' ? 'alpine' : 'debian';
  return {
    view: {
      runtimePackages: osPackagesView(distro, NO_PACKAGE_MANAGER.has(base) ? [] : [...new Set(packages)].sort()),
      env: additions.env,
      labels: additions.labels,
      buildArgs: additions.buildArgs.map((arg) => ({ name: arg.name, value: arg.value, hasValue: arg.value !== null })),
    },
    warnings,
  };
}

export function emptyExtraView(): ExtraView {
  return { runtimePackages: { apt: false, apk: false, packages: [] }, env: [], labels: [], buildArgs: [] };
}
