// Reading an engine's build output line by line: which step runs now (for live progress) and
// which steps the layer cache answered (the e2e suite asserts that a source change keeps the
// dependency install cached). Pure, so the formats are pinned by unit tests.
//
// podman/buildah print `STEP 3/9: RUN npm ci` (with a `[2/3] ` stage prefix in multi-stage
// builds) and then `--> Using cache <id>` when the cache answered; see buildah's
// imagebuildah/stage_executor.go. docker with BuildKit and `--progress=plain` prints
// `#8 [build 3/6] RUN npm ci` and later `#8 CACHED`.

export interface BuildStep {
  /** "[2/3] 3/9" or "build 3/6": where the step is, as the engine numbers it. */
  position: string;
  /** The instruction as the engine echoes it: "RUN npm ci". */
  instruction: string;
  cached: boolean;
}

export type BuildEvent = { kind: 'step'; step: BuildStep } | { kind: 'cached'; step: BuildStep } | null;

const BUILDAH_STEP = /^(?:\[(\d+\/\d+)\] )?STEP (\d+\/\d+): (.+)$/;
const BUILDAH_CACHE = /^--> Using cache [0-9a-f]+/;
const BUILDKIT_STEP = /^#(\d+) \[([^\]]+)\] (.+)$/;
const BUILDKIT_CACHED = /^#(\d+) CACHED\s*$/;

/** Feeds lines in order; keeps the steps seen and tells what each line meant. */
export class BuildLog {
  readonly steps: BuildStep[] = [];
  private readonly byVertex = new Map<string, BuildStep>();
  private readonly tail: string[] = [];

  constructor(private readonly tailSize = 30) {}

  push(rawLine: string): BuildEvent {
    const line = rawLine.replace(/\r$/, '');
    if (line.trim() !== '') {
      this.tail.push(line);
      if (this.tail.length > this.tailSize) this.tail.shift();
    }
    let match = BUILDAH_STEP.exec(line);
    if (match) {
      const position = match[1] ? `[${match[1]}] ${match[2]}` : (match[2] ?? '');
      return this.add({ position, instruction: match[3] ?? '', cached: false });
    }
    if (BUILDAH_CACHE.test(line)) {
      const step = this.steps.at(-1);
      if (!step) return null;
      step.cached = true;
      return { kind: 'cached', step };
    }
    match = BUILDKIT_STEP.exec(line);
    if (match) {
      const vertex = match[1] ?? '';
      // BuildKit repeats the header line of a vertex when its output resumes.
      const known = this.byVertex.get(vertex);
      if (known) return null;
      const step = { position: match[2] ?? '', instruction: match[3] ?? '', cached: false };
      this.byVertex.set(vertex, step);
      return this.add(step);
    }
    match = BUILDKIT_CACHED.exec(line);
    if (match) {
      const step = this.byVertex.get(match[1] ?? '');
      if (!step) return null;
      step.cached = true;
      return { kind: 'cached', step };
    }
    return null;
  }

  /** The last non-empty lines, for an error message after a failed build. */
  lastLines(count = 15): string[] {
    return this.tail.slice(-count);
  }

  private add(step: BuildStep): BuildEvent {
    this.steps.push(step);
    return { kind: 'step', step };
  }
}

/** A RUN step whose command installs dependencies (the ecosystem's `installCommand`). */
export function isInstallStep(step: BuildStep, installCommand: RegExp): boolean {
  return /^RUN\b/.test(step.instruction) && installCommand.test(step.instruction);
}
