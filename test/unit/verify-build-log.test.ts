import { describe, expect, it } from 'vitest';
import { loadEcosystems } from '../../src/ecosystems/index.js';
import { node } from '../../src/ecosystems/node/index.js';
import { BuildLog, isInstallStep } from '../../src/verify/build-log.js';

// Every ecosystem's code, loaded as a run loads the one it needs (the registry imports each on demand).
const ECOSYSTEMS = await loadEcosystems();

// Output captured from podman 4.3.1 (buildah) here: a rebuild after a source change.
const PODMAN_REBUILD = `[1/2] STEP 1/5: FROM docker.io/library/node:24-slim AS deps
[1/2] STEP 2/5: WORKDIR /app
--> Using cache af5707fdf8e724a88a35f9bc1d74d157d164e4fd1a90ff25c2ab1008a2df74c2
--> af5707fdf8e
[1/2] STEP 3/5: COPY package.json package-lock.json ./
--> Using cache bb77a3ba8f495bdc3dbcc8dce077db213a4b15bfe3ad984159ede0f19b195b0d
--> bb77a3ba8f4
[1/2] STEP 4/5: RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
--> Using cache e89bd50445a563e3ddd7b5ecf95e9e7f09ed7458d6426bce7178e4fbf2c82663
--> e89bd50445a
[1/2] STEP 5/5: COPY . .
--> 69b60c9503d
[2/2] STEP 1/2: FROM gcr.io/distroless/nodejs24-debian13:nonroot
[2/2] STEP 2/2: COPY --from=deps /app /app
[2/2] COMMIT localhost/app:1
--> 4e585e4eeb6
Successfully tagged localhost/app:1`;

// docker buildx --progress=plain, same situation.
const BUILDKIT_REBUILD = `#0 building with "default" instance using docker driver
#5 [deps 1/4] FROM docker.io/library/node:24-slim@sha256:abc
#5 DONE 0.0s
#6 [deps 2/4] COPY package.json package-lock.json ./
#6 CACHED
#7 [deps 3/4] RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev
#7 CACHED
#8 [deps 4/4] COPY . .
#8 DONE 0.1s
#9 [stage-1 1/2] COPY --from=deps /app /app
#9 0.2s
#9 [stage-1 1/2] COPY --from=deps /app /app
#9 DONE 0.3s`;

function feed(text: string): BuildLog {
  const log = new BuildLog();
  for (const line of text.split('\n')) log.push(line);
  return log;
}

describe('BuildLog with podman output', () => {
  it('finds every step with its stage position', () => {
    const log = feed(PODMAN_REBUILD);
    expect(log.steps.map((s) => s.position)).toEqual(['[1/2] 1/5', '[1/2] 2/5', '[1/2] 3/5', '[1/2] 4/5', '[1/2] 5/5', '[2/2] 1/2', '[2/2] 2/2']);
  });
  it('marks the steps the cache answered and only those', () => {
    const log = feed(PODMAN_REBUILD);
    expect(log.steps.filter((s) => s.cached).map((s) => s.position)).toEqual(['[1/2] 2/5', '[1/2] 3/5', '[1/2] 4/5']);
    const install = log.steps.filter((step) => isInstallStep(step, node.installCommand));
    expect(install).toHaveLength(1);
    expect(install[0]?.cached).toBe(true);
  });
  it('reports a step event, then a cached event', () => {
    const log = new BuildLog();
    expect(log.push('STEP 2/3: RUN npm ci')?.kind).toBe('step');
    expect(log.push('--> Using cache 0123abcd')?.kind).toBe('cached');
    expect(log.push('added 12 packages')).toBeNull();
  });
  it('keeps the last lines for an error message', () => {
    const log = new BuildLog(3);
    for (const line of ['a', 'b', '', 'c', 'd']) log.push(line);
    expect(log.lastLines()).toEqual(['b', 'c', 'd']);
  });
});

describe('BuildLog with BuildKit plain output', () => {
  it('counts a vertex once even when its header repeats', () => {
    const log = feed(BUILDKIT_REBUILD);
    expect(log.steps.map((s) => s.instruction)).toEqual([
      'FROM docker.io/library/node:24-slim@sha256:abc',
      'COPY package.json package-lock.json ./',
      'RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev',
      'COPY . .',
      'COPY --from=deps /app /app',
    ]);
  });
  it('marks CACHED vertices', () => {
    const log = feed(BUILDKIT_REBUILD);
    expect(log.steps.filter((s) => s.cached).map((s) => s.position)).toEqual(['deps 2/4', 'deps 3/4']);
  });
});

describe('isInstallStep with each ecosystem\'s installCommand', () => {
  const step = (instruction: string) => ({ position: '1/1', instruction, cached: false });
  const ecosystem = (language: string) => ECOSYSTEMS.find((e) => e.language === language)!;
  it.each([
    ['node', 'RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev'],
    ['node', 'RUN pnpm install --frozen-lockfile --prod'],
    ['node', 'RUN yarn install --immutable'],
    ['node', 'RUN yarn --frozen-lockfile --production'],
    ['python', 'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt'],
    ['python', 'RUN uv sync --frozen --no-dev'],
    ['go', 'RUN go mod download'],
    ['rust', 'RUN cargo fetch'],
    ['java', 'RUN ./mvnw -B dependency:go-offline'],
    ['java', 'RUN ./gradlew dependencies --no-daemon'],
  ])('%s recognises %s', (language, instruction) => {
    expect(isInstallStep(step(instruction), ecosystem(language).installCommand)).toBe(true);
  });
  it.each(['COPY package.json ./', 'RUN go build -o /app .', 'RUN npm run build', 'RUN yarn build', 'RUN pnpm run build', 'RUN cargo build --release', 'RUN ./gradlew bootJar'])(
    'no ecosystem takes %s for an install',
    (instruction) => {
      for (const e of ECOSYSTEMS) expect(isInstallStep(step(instruction), e.installCommand), e.language).toBe(false);
    },
  );
});

describe('isStorageRace', async () => {
  const { isStorageRace } = await import('../../src/verify/build.js');
  const failed = (lastLines: string[]) => ({ ok: false, seconds: 1, steps: [], lastLines, timedOut: false, startError: null });
  it('recognises a cache image removed by another process during the build', () => {
    expect(isStorageRace(failed(['[2/2] STEP 2/7: COPY --from=build /rootfs/ /', 'Error: checking if cached image exists from a previous build: getting top layer info: layer not known']))).toBe(true);
  });
  it('does not retry a Dockerfile that is wrong', () => {
    expect(isStorageRace(failed(['Error: building at STEP "RUN npm ci": while running runtime: exit status 1']))).toBe(false);
    expect(isStorageRace({ ...failed(['layer not known']), ok: true })).toBe(false);
  });
});
