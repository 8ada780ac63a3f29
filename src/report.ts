// The --json report (design.md's contract: field names are stable, new fields may be added) and
// the human summary printed without --json.
import type { Options } from './options.js';
import type { CommonFacts, Plan, RenderedFiles, StartCommand } from './types.js';
import type { FileState } from './write/write.js';
import { describePort, type PortReport } from './detect/port.js';

export interface Report {
  language: string;
  packageManager: string;
  framework: string | null;
  runtimeVersion: string;
  port: number | null;
  /** How the image makes the app listen on `port` (src/detect/port.ts); where the port came from is sources.port. */
  portSetting: PortReport;
  startCommand: string[];
  nativeDependencies: Array<{
    name: string;
    version: string | null;
    glibcOnly: boolean;
    buildPackages: string[];
    runtimePackages: string[];
    source: string;
    note: string;
  }>;
  base: string;
  builderImage: string;
  runtimeImage: string;
  reasons: string[];
  /** Where each detected value came from. */
  sources: Record<string, string>;
  warnings: string[];
  files: RenderedFiles;
  verify?: unknown;
}

export function startArgv(start: StartCommand): string[] {
  return start.kind === 'exec' ? start.argv : ['/bin/sh', '-c', start.command];
}

export function buildReport(facts: CommonFacts, plan: Plan, files: RenderedFiles, warnings: string[], verify?: unknown): Report {
  const distro = plan.base === 'alpine' ? 'alpine' : 'debian';
  return {
    language: facts.language,
    packageManager: facts.packageManager.value,
    framework: facts.framework.value,
    runtimeVersion: plan.runtimeVersion,
    port: facts.port.value,
    portSetting: describePort(facts),
    startCommand: startArgv(facts.start.value),
    nativeDependencies: facts.nativeDependencies.map((d) => ({
      name: d.name,
      version: d.version,
      glibcOnly: d.glibcOnly,
      buildPackages: d.build[distro],
      runtimePackages: d.runtime[distro],
      source: d.source,
      note: d.note,
    })),
    base: plan.base,
    builderImage: plan.builderImage,
    runtimeImage: plan.runtimeImage,
    reasons: plan.reasons,
    sources: {
      ...(facts.languageSource ? { language: facts.languageSource } : {}),
      packageManager: facts.packageManager.source,
      framework: facts.framework.source,
      runtimeVersion: facts.runtime.source,
      port: facts.port.source,
      startCommand: facts.start.source,
      ...(facts.assetStages?.length ? { assets: facts.assetStages.map((s) => s.reason).join('; ') } : {}),
    },
    warnings,
    files,
    ...(verify === undefined ? {} : { verify }),
  };
}

/** " (distroless carries 3.13; slim would build on 3.14)" when the base choice moved the version, else "". */
function versionMoved(plan: Plan): string {
  const others = plan.options.filter((o) => o.possible && !o.onRequestOnly && o.kind !== plan.base && o.runtimeVersion !== null && o.runtimeVersion !== plan.runtimeVersion);
  if (others.length === 0) return '';
  const byVersion = new Map<string, string[]>();
  for (const o of others) byVersion.set(o.runtimeVersion!, [...(byVersion.get(o.runtimeVersion!) ?? []), o.kind]);
  return ` (${plan.base} carries ${plan.runtimeVersion}; ${[...byVersion].map(([version, kinds]) => `${kinds.join(' and ')} would build on ${version}`).join(', ')})`;
}

const VERB: Record<FileState['status'], string> = { create: 'created', identical: 'unchanged', differs: 'overwritten' };

export function formatSummary(report: Report, facts: CommonFacts, plan: Plan, states: FileState[], options: Pick<Options, 'dryRun' | 'check' | 'explain'>): string {
  const lines = [
    `${report.language} project: ${report.packageManager}${report.framework ? `, ${report.framework}` : ''}, runtime ${report.runtimeVersion}${versionMoved(plan)}, port ${report.port ?? 'none'}`,
    `start: ${JSON.stringify(report.startCommand)}`,
    `base: ${plan.base} (${plan.runtimeImage}, built on ${plan.builderImage})`,
    `  ${plan.reasons[plan.reasons.length - 1]}`,
  ];
  if (report.nativeDependencies.length > 0) {
    lines.push(`native dependencies: ${report.nativeDependencies.map((d) => `${d.name}${d.glibcOnly ? ' (glibc only)' : ''}`).join(', ')}`);
  }
  if (options.explain) {
    lines.push('', 'Where each value came from:');
    for (const [field, source] of Object.entries(report.sources)) {
      lines.push(`  - ${field}: ${source}`);
      if (field === 'port') lines.push(`    set by ${report.portSetting.by}: ${report.portSetting.note}`);
    }
    for (const dep of facts.nativeDependencies) lines.push(`  - ${dep.name} (from ${dep.source}): ${dep.note} (${dep.reference})`);
    lines.push('', 'Bases, smallest first:');
    for (const option of plan.options) {
      const verdict = option.kind === plan.base ? 'chosen' : option.possible ? (option.onRequestOnly ? 'only on request' : 'possible') : 'not possible';
      lines.push(`  - ${option.kind} (${verdict}): ${option.why}`);
    }
  }
  lines.push('');
  if (options.check) {
    const names = states.map((s) => s.file);
    lines.push(`${names.length > 0 ? `${names.slice(0, -1).join(', ')}${names.length > 1 ? ' and ' : ''}${names[names.length - 1]}` : 'Dockerfile and .dockerignore'} ${names.length === 1 ? 'is' : 'are'} up to date.`);
  } else if (options.dryRun) {
    for (const [file, text] of Object.entries(report.files)) lines.push(`----- ${file} (dry run, not written) -----`, text);
  } else {
    for (const state of states) lines.push(`${VERB[state.status]} ${state.file}`);
  }
  return lines.join('\n');
}
