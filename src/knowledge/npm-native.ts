// npm packages with compiled code or OS-library needs: how each ships its binaries, whether a musl
// (Alpine) build exists (shared: Node and Bun install the same packages), and which Debian 12 / Alpine packages it needs to build and to run.
// Each row names its primary source (`source`, more in `seeAlso`); Debian names were checked with
// `apt-cache policy` on bookworm. Rows are sorted by package name, then by version range, oldest first.
import * as semver from '../semver.js';
import type { NativeRow } from './native-row.js';
import type { OsPackages } from '../types.js';

/**
 * How a package delivers its binary:
 * A platform sub-packages in optionalDependencies, picked by their os/cpu/libc fields
 *   (https://docs.npmjs.com/cli/v11/configuring-npm/package-json#libc);
 * B prebuilds inside the tarball, loaded at require time (https://github.com/prebuild/node-gyp-build);
 * C downloaded by an install script (prebuild-install, @mapbox/node-pre-gyp), compiled when the
 *   download fails (https://github.com/prebuild/prebuild-install, https://github.com/mapbox/node-pre-gyp);
 * D always compiled by node-gyp (https://github.com/nodejs/node-gyp);
 * E an install script (or a separate command) fetches a non-npm binary such as a browser or engine;
 * F no binary of its own: it runs an OS program (ping, ffmpeg, git) found on PATH at run time, so the
 *   final image must carry that program's package;
 * none: known and not native in this version range (never reported).
 */
type DeliveryClass = 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'none';

export interface NpmNativeRow extends NativeRow {
  /** semver range over the locked version (prereleases included); '*' for every version. */
  versions: string;
  delivery: DeliveryClass;
  /** No musl binary, and compiling on musl is not a path we plan for: rules out alpine. */
  glibcOnly: boolean;
  /** Needed in the builder stage (compiler fallback or headers). */
  build: OsPackages;
  /** Needed in the final stage. */
  runtime: OsPackages;
  /** Set when the final image needs more than libraries (a browser, an SDK). */
  blocksDistroless: string | null;
  /** Environment for the builder and final stages (see NativeDependency.env). */
  env?: Record<string, string>;
  /**
   * The binary only appears when the package's install script runs, so npm 12's default of not
   * running dependency scripts outside `allowScripts` breaks it
   * (https://docs.npmjs.com/cli/v12/commands/npm-install-scripts: "Dependency install scripts are
   * blocked by default").
   */
  needsInstallScript: boolean;
}

const NONE: OsPackages = { debian: [], alpine: [] };
/** node-gyp's toolchain (https://github.com/nodejs/docker-node/blob/main/docs/BestPractices.md#node-gyp-alpine). */
const GYP: OsPackages = { debian: ['g++', 'make', 'python3'], alpine: ['g++', 'make', 'python3'] };
const OPENSSL_RUNTIME: OsPackages = { debian: ['openssl'], alpine: ['openssl'] };
/** Why an OS program on PATH rules out distroless: it has no package manager to add one. */
const runsProgram = (program: string) => `it runs the ${program} program at run time, and distroless has no package manager to add it`;
const CHROME_BLOCKS = 'it drives a Chrome browser, which needs its own OS libraries and fonts in the final image';

function row(r: Omit<NpmNativeRow, 'needsInstallScript'> & { needsInstallScript?: boolean }): NpmNativeRow {
  // B and A load their binary at require time; C, D and E get it only from an install script.
  const needsInstallScript = r.needsInstallScript ?? ['C', 'D', 'E'].includes(r.delivery);
  return { ...r, needsInstallScript };
}

export const NPM_NATIVE: readonly NpmNativeRow[] = [
  row({
    name: '@confluentinc/kafka-javascript', versions: '*', delivery: 'C', glibcOnly: false,
    build: { debian: ['g++', 'libsasl2-dev', 'libssl-dev', 'make', 'python3', 'zlib1g-dev'], alpine: ['bash', 'cyrus-sasl-dev', 'g++', 'make', 'openssl-dev', 'python3', 'zlib-dev'] },
    runtime: { debian: ['libsasl2-2', 'libssl3', 'zlib1g'], alpine: ['cyrus-sasl', 'libssl3', 'zlib'] },
    blocksDistroless: null,
    note: 'Kafka client on librdkafka: downloads a libc-specific prebuild from GitHub at install, else compiles librdkafka',
    // Its `binary.package_name` has {libc} in it: glibc and musl prebuilds are separate downloads.
    source: 'https://registry.npmjs.org/@confluentinc/kafka-javascript/1.10.1',
  }),
  row({
    name: '@louislam/ping', versions: '*', delivery: 'F', glibcOnly: false, build: NONE,
    runtime: { debian: ['iputils-ping'], alpine: ['iputils'] }, blocksDistroless: runsProgram('ping'),
    note: 'a fork of ping: it spawns the system ping command, which slim and alpine images do not carry until its package is installed',
    source: 'https://github.com/louislam/node-ping',
  }),
  row({
    name: '@prisma/client', versions: '<7.0.0', delivery: 'E', glibcOnly: false, build: NONE,
    runtime: OPENSSL_RUNTIME, blocksDistroless: null,
    note: 'Prisma query engine (Rust, per binaryTargets) needs OpenSSL at run time; run prisma generate in a builder of the same libc as the final image',
    source: 'https://www.prisma.io/docs/orm/reference/prisma-schema-reference#binarytargets',
    seeAlso: ['https://github.com/prisma/orm/issues/25817'],
  }),
  row({
    name: '@prisma/client', versions: '>=7.0.0', delivery: 'none', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'Prisma 7 has no Rust query engine by default (TypeScript query compiler and driver adapters)',
    source: 'https://www.prisma.io/docs/orm/prisma-client/setup-and-configuration/no-rust-engine',
  }),
  row({
    name: '@serialport/bindings-cpp', versions: '*', delivery: 'B', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'serialport binding: prebuilds for glibc and musl ship in the package',
    source: 'https://github.com/serialport/bindings-cpp/blob/main/.github/workflows/build.yml',
  }),
  row({
    name: '@tensorflow/tfjs-node', versions: '*', delivery: 'C', glibcOnly: true, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'downloads a glibc-only libtensorflow and addon at install; no musl build',
    source: 'https://github.com/tensorflow/tfjs/issues/1425',
  }),
  row({
    name: 'argon2', versions: '<0.40.0', delivery: 'C', glibcOnly: false, build: GYP,
    runtime: NONE, blocksDistroless: null,
    note: 'argon2 before 0.40 downloads a prebuild with node-pre-gyp at install and compiles when none matches',
    source: 'https://github.com/ranisalt/node-argon2#prebuilt-binaries',
  }),
  row({
    name: 'argon2', versions: '>=0.40.0', delivery: 'B', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'argon2 ships prebuilds tagged by libc (glibc and musl, x64/arm64/armv7) in the package',
    source: 'https://github.com/ranisalt/node-argon2#prebuilt-binaries',
  }),
  row({
    name: 'bcrypt', versions: '<6.0.0', delivery: 'C', glibcOnly: false, build: GYP,
    runtime: NONE, blocksDistroless: null,
    note: 'bcrypt 5 downloads a prebuild with node-pre-gyp (musl only for x64) and compiles otherwise; bcrypt 6 or bcryptjs avoid this',
    source: 'https://github.com/kelektiv/node.bcrypt.js#readme',
    // scripts.install of the last 5.x: `node-pre-gyp install --fallback-to-build`.
    seeAlso: ['https://registry.npmjs.org/bcrypt/5.1.1'],
  }),
  row({
    name: 'bcrypt', versions: '>=6.0.0', delivery: 'B', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'bcrypt 6 ships prebuilds for Linux x64/arm64, glibc and musl, in the package',
    source: 'https://github.com/kelektiv/node.bcrypt.js/blob/master/.github/workflows/build-pack-publish.yml',
  }),
  row({
    name: 'better-sqlite3', versions: '<13.0.0', delivery: 'C', glibcOnly: false, build: GYP,
    runtime: NONE, blocksDistroless: null,
    note: 'better-sqlite3 12 and older download a prebuild (glibc and musl) at install; a Node major without a prebuild compiles',
    source: 'https://github.com/WiseLibs/better-sqlite3/blob/master/.github/workflows/build.yml',
  }),
  row({
    name: 'better-sqlite3', versions: '>=13.0.0', delivery: 'B', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'better-sqlite3 13 ships prebuilds for linux and linuxmusl x64/arm64 in the package',
    source: 'https://github.com/WiseLibs/better-sqlite3/blob/v13.0.3/.github/workflows/build.yml',
  }),
  row({
    name: 'bufferutil', versions: '*', delivery: 'B', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'optional accelerator for ws with prebuilds in the package; ws falls back to JavaScript',
    source: 'https://github.com/websockets/bufferutil',
  }),
  row({
    name: 'canvas', versions: '<4.0.0-0', delivery: 'C', glibcOnly: true,
    build: { debian: ['g++', 'libcairo2-dev', 'libgif-dev', 'libjpeg-dev', 'libpango1.0-dev', 'libpixman-1-dev', 'librsvg2-dev', 'make', 'python3'], alpine: ['cairo-dev', 'g++', 'giflib-dev', 'jpeg-dev', 'librsvg-dev', 'make', 'pango-dev', 'pixman-dev', 'python3'] },
    runtime: { debian: ['libcairo2', 'libgif7', 'libjpeg62-turbo', 'libpango-1.0-0', 'libpangocairo-1.0-0', 'librsvg2-2'], alpine: ['cairo', 'giflib', 'librsvg', 'libjpeg-turbo', 'pango'] },
    blocksDistroless: null,
    note: 'canvas 2 and 3 download glibc-only prebuilds; compiling (the fallback) needs cairo, pango, jpeg, gif and rsvg at build and run time',
    source: 'https://github.com/Automattic/node-canvas/blob/v3.2.3/Readme.md',
    seeAlso: ['https://github.com/Automattic/node-canvas/issues/1487'],
  }),
  row({
    name: 'canvas', versions: '>=4.0.0-0', delivery: 'A', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'canvas 4 installs platform packages, including canvas-linux-{x64,arm64}-musl',
    // 4.0.0-rc3 lists canvas-linux-{x64,arm64,x86}-musl among its optionalDependencies.
    source: 'https://github.com/Automattic/node-canvas/blob/master/package.json',
  }),
  row({
    name: 'cpu-features', versions: '*', delivery: 'D', glibcOnly: false, build: GYP,
    runtime: NONE, blocksDistroless: null,
    note: 'always compiled with node-gyp; an optional dependency of ssh2, which works without it',
    source: 'https://github.com/mscdex/cpu-features/blob/master/package.json',
  }),
  row({
    name: 'fluent-ffmpeg', versions: '*', delivery: 'F', glibcOnly: false, build: NONE,
    runtime: { debian: ['ffmpeg'], alpine: ['ffmpeg'] }, blocksDistroless: runsProgram('ffmpeg'),
    note: 'drives the ffmpeg and ffprobe commands, which must be installed in the final image',
    source: 'https://github.com/fluent-ffmpeg/node-fluent-ffmpeg#prerequisites',
  }),
  row({
    name: 'gm', versions: '*', delivery: 'F', glibcOnly: false, build: NONE,
    runtime: { debian: ['graphicsmagick'], alpine: ['graphicsmagick'] }, blocksDistroless: runsProgram('gm (GraphicsMagick)'),
    note: 'runs the GraphicsMagick gm command (or ImageMagick when asked), which must be installed in the final image',
    source: 'https://github.com/aheckmann/gm#getting-started',
  }),
  row({
    name: 'msgpackr-extract', versions: '*', delivery: 'A', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'optional accelerator for msgpackr via platform packages; msgpackr falls back to JavaScript',
    source: 'https://github.com/kriszyp/msgpackr-extract',
  }),
  row({
    name: 'node-rdkafka', versions: '*', delivery: 'D', glibcOnly: false,
    build: { debian: ['g++', 'libsasl2-dev', 'libssl-dev', 'make', 'python3', 'zlib1g-dev'], alpine: ['bash', 'cyrus-sasl-dev', 'g++', 'make', 'openssl-dev', 'python3', 'zlib-dev'] },
    runtime: { debian: ['libsasl2-2', 'libssl3', 'zlib1g'], alpine: ['cyrus-sasl', 'libssl3', 'zlib'] },
    blocksDistroless: null,
    note: 'compiles the bundled librdkafka at install, linked to OpenSSL, SASL and zlib',
    source: 'https://github.com/Blizzard/node-rdkafka#readme',
  }),
  row({
    name: 'node-sass', versions: '*', delivery: 'C', glibcOnly: false, build: GYP,
    runtime: NONE, blocksDistroless: null,
    note: 'end-of-life; downloads a binding per platform and compiles libsass when none matches; use sass or sass-embedded instead',
    source: 'https://sass-lang.com/blog/node-sass-is-end-of-life/',
  }),
  row({
    name: 'onnxruntime-node', versions: '*', delivery: 'B', glibcOnly: true, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'ships glibc-only prebuilt ONNX Runtime libraries; no musl build',
    // A maintainer: "It is not supported ... alpine uses a different libc runtime, which we don't have packages for."
    source: 'https://github.com/microsoft/onnxruntime/issues/12439',
  }),
  row({
    name: 'oracledb', versions: '<6.0.0', delivery: 'B', glibcOnly: true,
    build: NONE, runtime: { debian: ['libaio1'], alpine: [] },
    blocksDistroless: 'oracledb before 6 always needs Oracle Instant Client (glibc) installed in the final image',
    note: 'oracledb 5 runs only in thick mode, on Oracle Instant Client (glibc) and libaio',
    source: 'https://node-oracledb.readthedocs.io/en/latest/user_guide/initialization.html',
  }),
  row({
    name: 'oracledb', versions: '>=6.0.0', delivery: 'B', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null, needsInstallScript: false,
    note: 'thin mode (the default since 6.0) is pure JavaScript; thick mode (initOracleClient) would need Oracle Instant Client on glibc',
    source: 'https://node-oracledb.readthedocs.io/en/latest/user_guide/appendix_a.html',
  }),
  row({
    name: 'ping', versions: '*', delivery: 'F', glibcOnly: false, build: NONE,
    runtime: { debian: ['iputils-ping'], alpine: ['iputils'] }, blocksDistroless: runsProgram('ping'),
    note: 'spawns the system ping command, which slim and alpine images do not carry until its package is installed',
    source: 'https://github.com/danielzzz/node-ping',
  }),
  row({
    name: 'playwright', versions: '*', delivery: 'E', glibcOnly: true, build: NONE, runtime: NONE,
    blocksDistroless: 'it drives browsers installed by `npx playwright install --with-deps`, which supports only Debian and Ubuntu',
    needsInstallScript: false,
    note: 'browsers are not in the package (it has no install script); Alpine is unsupported; the official image is mcr.microsoft.com/playwright',
    source: 'https://playwright.dev/docs/docker',
    // The registry document of the package has no `scripts` at all.
    seeAlso: ['https://github.com/microsoft/playwright-python/issues/234', 'https://registry.npmjs.org/playwright/1.65.1'],
  }),
  row({
    name: 'prisma', versions: '*', delivery: 'E', glibcOnly: false, build: NONE,
    runtime: OPENSSL_RUNTIME, blocksDistroless: null,
    note: 'the Prisma CLI (migrations) runs the Rust schema engine, which needs OpenSSL; prefer running migrations from the builder or CI',
    source: 'https://www.prisma.io/docs/orm/more/under-the-hood/engines',
    seeAlso: ['https://github.com/prisma/orm/issues/16553'],
  }),
  row({
    name: 'puppeteer', versions: '*', delivery: 'E', glibcOnly: true, build: NONE,
    runtime: { debian: ['chromium', 'fonts-liberation'], alpine: ['ca-certificates', 'chromium', 'freetype', 'harfbuzz', 'nss', 'ttf-freefont'] },
    blocksDistroless: CHROME_BLOCKS,
    // Debian's chromium package installs /usr/bin/chromium (packages.debian.org/bookworm/chromium).
    env: { PUPPETEER_EXECUTABLE_PATH: '/usr/bin/chromium', PUPPETEER_SKIP_DOWNLOAD: 'true' },
    // The download its install script does is the one the image skips on purpose.
    needsInstallScript: false,
    note: 'downloads Chrome for Testing (glibc) at postinstall; in an image use the distribution chromium with PUPPETEER_SKIP_DOWNLOAD=true and PUPPETEER_EXECUTABLE_PATH=/usr/bin/chromium',
    source: 'https://pptr.dev/troubleshooting#running-puppeteer-in-docker',
  }),
  row({
    name: 're2', versions: '*', delivery: 'C', glibcOnly: false,
    build: { debian: ['g++', 'make', 'python3'], alpine: ['g++', 'linux-headers', 'make', 'python3'] },
    runtime: NONE, blocksDistroless: null,
    note: 'downloads a prebuild (glibc and musl) from GitHub at install and compiles RE2 when none matches the Node version',
    source: 'https://github.com/uhop/node-re2#readme',
  }),
  row({
    name: 'sharp', versions: '<0.33.0', delivery: 'C', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'sharp before 0.33 downloads libvips and its binding (glibc and musl) from GitHub at install: needs network in the builder',
    // scripts.install of the last 0.32.x runs install/libvips and prebuild-install, else node-gyp;
    // musl prebuilds since 0.21 (lovell/sharp#1379).
    source: 'https://registry.npmjs.org/sharp/0.32.6',
    seeAlso: ['https://github.com/lovell/sharp/issues/1379'],
  }),
  row({
    name: 'sharp', versions: '>=0.33.0', delivery: 'A', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'sharp installs @img/sharp-* platform packages with libvips bundled (glibc and musl x64/arm64); install in the image\'s libc',
    source: 'https://github.com/lovell/sharp/blob/main/docs/src/content/docs/install.md',
  }),
  row({
    name: 'simple-git', versions: '*', delivery: 'F', glibcOnly: false, build: NONE,
    runtime: { debian: ['git'], alpine: ['git'] }, blocksDistroless: runsProgram('git'),
    note: 'a wrapper that runs the git command, which must be installed in the final image',
    source: 'https://github.com/steveukx/git-js#installation',
  }),
  row({
    name: 'sqlite3', versions: '*', delivery: 'C', glibcOnly: false, build: GYP,
    runtime: NONE, blocksDistroless: null,
    note: 'downloads an N-API prebuild (glibc and musl) at install and compiles when none matches',
    source: 'https://github.com/TryGhost/node-sqlite3/blob/master/.github/workflows/ci.yml',
  }),
  row({
    name: 'ssh2', versions: '*', delivery: 'D', glibcOnly: false, build: GYP,
    runtime: NONE, blocksDistroless: null,
    note: 'builds an optional crypto binding in its install script; falls back to JavaScript when the build fails',
    source: 'https://github.com/mscdex/ssh2/blob/master/install.js',
  }),
  row({
    name: 'uWebSockets.js', versions: '*', delivery: 'B', glibcOnly: true, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'pre-compiled Linux binaries require glibc',
    source: 'https://github.com/uNetworking/uWebSockets.js/issues/346',
  }),
  row({
    name: 'usb', versions: '*', delivery: 'B', glibcOnly: false, build: NONE,
    runtime: { debian: ['libudev1'], alpine: ['eudev-libs'] }, blocksDistroless: null,
    note: 'prebuilds for glibc and musl in the package; uses libudev for device discovery (unverified)',
    source: 'https://github.com/node-usb/node-usb/blob/main/.github/workflows/prebuild.yml',
  }),
  row({
    name: 'utf-8-validate', versions: '*', delivery: 'B', glibcOnly: false, build: NONE,
    runtime: NONE, blocksDistroless: null,
    note: 'optional accelerator for ws with prebuilds in the package; ws falls back to JavaScript',
    source: 'https://github.com/websockets/utf-8-validate',
  }),
];

/** The row for a package at a version; with no version (no lockfile) the newest row. */
/** The table's rows by package name, built on first use (one lookup per dependency, not a scan). */
let rowsByName: Map<string, NpmNativeRow[]> | null = null;

export function findNativeRow(name: string, version: string | null): NpmNativeRow | null {
  if (rowsByName === null) {
    rowsByName = new Map();
    for (const row of NPM_NATIVE) rowsByName.set(row.name, [...(rowsByName.get(row.name) ?? []), row]);
  }
  let newest: NpmNativeRow | null = null;
  for (const candidate of rowsByName.get(name) ?? []) {
    newest = candidate;
    if (version !== null && semver.valid(version) && semver.satisfies(version, candidate.versions, { includePrerelease: true })) {
      return candidate;
    }
  }
  return newest;
}

/** A row matched by name alone: `name` is exact, or a prefix when it ends with '*'. */
type NameRule = NativeRow;

/**
 * Each table's exact names and prefixes, made once: a lockfile lists thousands of names. Plain
 * arrays and index loops: with iterator destructuring this loop cost more than the scan it replaced.
 */
const matchers = new WeakMap<readonly NameRule[], { exact: Map<string, number>; prefixes: string[]; indexes: number[] }>();

function matches(rules: readonly NameRule[], name: string): NameRule | null {
  let matcher = matchers.get(rules);
  if (matcher === undefined) {
    matcher = { exact: new Map(), prefixes: [], indexes: [] };
    for (let index = 0; index < rules.length; index++) {
      const rule = rules[index] as NameRule;
      if (rule.name.endsWith('*')) {
        matcher.prefixes.push(rule.name.slice(0, -1));
        matcher.indexes.push(index);
      } else if (!matcher.exact.has(rule.name)) matcher.exact.set(rule.name, index);
    }
    matchers.set(rules, matcher);
  }
  // The first row in table order that matches, as a plain scan would find.
  let best = matcher.exact.get(name) ?? -1;
  for (let i = 0; i < matcher.prefixes.length; i++) {
    const index = matcher.indexes[i] as number;
    if ((best < 0 || index < best) && name.startsWith(matcher.prefixes[i] as string)) best = index;
  }
  return best < 0 ? null : (rules[best] ?? null);
}

/**
 * Native tools used only while building (bundlers, compilers, linters): never a run-time concern,
 * and all of them ship platform packages with musl variants (class A). Never reported.
 * Sources are the registry documents of the versions checked: their optionalDependencies list the
 * linux musl packages (esbuild's Go binaries are built without cgo, so one package serves both libcs).
 */
export const NPM_BUILD_TIME_NATIVE: readonly NameRule[] = [
  { name: '@biomejs/*', note: 'linter/formatter, platform packages', source: 'https://registry.npmjs.org/@biomejs/biome/2.6.9' },
  { name: '@esbuild/*', note: 'esbuild platform binaries', source: 'https://registry.npmjs.org/esbuild/0.28.2' },
  { name: '@next/swc-*', note: 'Next.js compiler platform packages', source: 'https://registry.npmjs.org/next/16.4.6' },
  { name: '@parcel/watcher', note: 'file watcher for dev servers', source: 'https://registry.npmjs.org/@parcel/watcher/2.6.0' },
  { name: '@parcel/watcher-*', note: 'file watcher platform packages', source: 'https://registry.npmjs.org/@parcel/watcher/2.6.0' },
  { name: '@rollup/*', note: 'rollup platform binaries', source: 'https://registry.npmjs.org/rollup/4.68.9' },
  { name: '@swc/core', note: 'compiler, platform packages', source: 'https://registry.npmjs.org/@swc/core/1.16.22' },
  { name: '@swc/core-*', note: 'compiler platform packages', source: 'https://registry.npmjs.org/@swc/core/1.16.22' },
  { name: 'esbuild', note: 'bundler; Go binaries without cgo run on musl too', source: 'https://registry.npmjs.org/esbuild/0.28.2' },
  { name: 'lightningcss', note: 'CSS compiler, platform packages', source: 'https://registry.npmjs.org/lightningcss/1.33.0' },
  { name: 'lightningcss-*', note: 'CSS compiler platform packages', source: 'https://registry.npmjs.org/lightningcss/1.33.0' },
  { name: 'rollup', note: 'bundler, platform packages', source: 'https://registry.npmjs.org/rollup/4.68.9' },
  { name: 'sass-embedded', note: 'Sass compiler, platform packages', source: 'https://github.com/sass/embedded-host-node/blob/main/package.json' },
  { name: 'sass-embedded-*', note: 'Sass compiler platform packages', source: 'https://github.com/sass/embedded-host-node/blob/main/package.json' },
];

/**
 * Packages whose install script is harmless for the image (a banner, a check, a non-Linux binary).
 * Sources are the registry documents of the versions checked (scripts.postinstall, or os for fsevents).
 */
export const NPM_INSTALL_SCRIPT_IGNORE: readonly NameRule[] = [
  { name: '@nestjs/core', note: 'postinstall asks for donations (`opencollective || exit 0`); pure JavaScript', source: 'https://registry.npmjs.org/@nestjs/core/10.4.22' },
  { name: '@prisma/engines', note: 'engine download for prisma; reported under prisma and @prisma/client', source: 'https://registry.npmjs.org/@prisma/engines/7.10.1' },
  { name: '@scarf/scarf', note: 'postinstall sends install analytics; nothing native', source: 'https://registry.npmjs.org/@scarf/scarf/1.4.0' },
  { name: '@sentry/cli', note: 'downloads the sentry-cli release tool, not used by the running app', source: 'https://registry.npmjs.org/@sentry/cli/3.8.0' },
  { name: 'core-js', note: 'postinstall prints a funding banner', source: 'https://registry.npmjs.org/core-js/3.51.0' },
  { name: 'core-js-pure', note: 'postinstall prints a funding banner', source: 'https://registry.npmjs.org/core-js-pure/3.51.0' },
  { name: 'cypress', note: 'test runner binary, not used by the running app', source: 'https://registry.npmjs.org/cypress/15.3.0' },
  { name: 'es5-ext', note: 'postinstall prints a message; pure JavaScript', source: 'https://registry.npmjs.org/es5-ext/0.10.64' },
  { name: 'fsevents', note: 'macOS only; never installed on Linux', source: 'https://registry.npmjs.org/fsevents/2.3.3' },
];

export function buildTimeNative(name: string): NameRule | null {
  return matches(NPM_BUILD_TIME_NATIVE, name);
}

export function ignoredInstallScript(name: string): NameRule | null {
  return matches(NPM_INSTALL_SCRIPT_IGNORE, name);
}

/** Marker-only detection of a package the table does not know (brief: rules out alpine). */
export const UNKNOWN_NATIVE = {
  glibcOnly: true,
  build: GYP,
  runtime: NONE,
  note: 'native addon with unknown musl support',
  reference: 'lockfile install-script marker',
} as const;
