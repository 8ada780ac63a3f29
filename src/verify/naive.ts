// The Dockerfile a person writes first: the language's full default image, the whole project
// copied in, dependencies installed, no second stage. `--compare` builds it only to measure how
// much the generated one saves; it is never run. The images and commands are the ones each
// image's own documentation shows first (Docker Hub "How to use this image" sections).
//
// Only values from fixed sets and a checked version string go into the text; nothing from the
// project's files is pasted in.

export interface NaiveProject {
  language: string;
  packageManager: string;
  runtimeVersion: string;
  /** True when the file exists at the project root. */
  has: (file: string) => boolean;
  /** The `packageManager` field of package.json (corepack), or null. */
  corepackPin: string | null;
  /** Python: the project declares dependencies in pyproject.toml. */
  pyprojectDependencies: boolean;
}

const VERSION = /^[0-9][0-9A-Za-z._-]{0,30}$/;

/** The naive Dockerfile, or null when there is no sensible one for this language/tool. */
export function naiveDockerfile(project: NaiveProject): string | null {
  if (!VERSION.test(project.runtimeVersion)) return null;
  const body = naiveBody(project);
  if (body === null) return null;
  return [
    '# The single-stage image a first Dockerfile usually is, built by create-slim-image --compare',
    '# only to measure it; it is not run.',
    ...body,
    '',
  ].join('\n');
}

function naiveBody(project: NaiveProject): string[] | null {
  const v = project.runtimeVersion;
  switch (project.language) {
    case 'node':
      return nodeBody(project, v);
    case 'python':
      return pythonBody(project, v);
    case 'go':
      // https://hub.docker.com/_/golang "Start a Go instance in your app"
      return [`FROM golang:${v}`, 'WORKDIR /usr/src/app', 'COPY . .', 'RUN go build -v -o /usr/local/bin/ ./...', 'CMD ["app"]'];
    case 'rust':
      // https://hub.docker.com/_/rust "Start a Rust instance running your app"
      return [`FROM rust:${v}`, 'WORKDIR /usr/src/app', 'COPY . .', 'RUN cargo install --path .', 'CMD ["app"]'];
    case 'java':
      return javaBody(project, v);
    default:
      return null;
  }
}

function nodeBody(project: NaiveProject, v: string): string[] | null {
  const install = (() => {
    const viaCorepack = project.corepackPin !== null ? 'corepack enable && ' : '';
    switch (project.packageManager) {
      case 'npm':
        return 'npm install';
      case 'pnpm':
        // pnpm's own docs offer `npm install -g pnpm` first; it needs no corepack signature keys.
        // The version pinned in package.json, when it is one: a newer pnpm refuses other pins.
        return `npm install -g pnpm${pinnedVersion(project.corepackPin, 'pnpm')} && pnpm install`;
      case 'yarn':
        return `${viaCorepack}yarn install`;
      case 'bun':
        return null;
      default:
        return null;
    }
  })();
  if (project.packageManager === 'bun') {
    // https://hub.docker.com/r/oven/bun
    return ['FROM oven/bun:1', 'WORKDIR /usr/src/app', 'COPY . .', 'RUN bun install', 'CMD ["bun", "start"]'];
  }
  if (install === null) return null;
  // https://github.com/nodejs/docker-node/blob/main/docs/BestPractices.md (the plain node image)
  return [`FROM node:${v}`, 'WORKDIR /usr/src/app', 'COPY . .', `RUN ${install}`, 'CMD ["npm", "start"]'];
}

/** "@9.15.9" from "pnpm@9.15.9+sha512.abc", only for a plain version of that tool; else "". */
function pinnedVersion(pin: string | null, tool: string): string {
  const match = new RegExp(`^${tool}@(\\d+\\.\\d+\\.\\d+(?:-[0-9A-Za-z.]+)?)(?:\\+.*)?$`).exec(pin ?? '');
  return match ? `@${match[1]}` : '';
}

function pythonBody(project: NaiveProject, v: string): string[] {
  // https://hub.docker.com/_/python "Create a Dockerfile in your Python app project"
  const lines = [`FROM python:${v}`, 'WORKDIR /usr/src/app', 'COPY . .'];
  if (project.has('requirements.txt')) lines.push('RUN pip install --no-cache-dir -r requirements.txt');
  else if (project.pyprojectDependencies) lines.push('RUN pip install --no-cache-dir .');
  lines.push('CMD ["python", "main.py"]');
  return lines;
}

function javaBody(project: NaiveProject, v: string): string[] {
  const lines = (from: string, build: string, jar: string) => [
    `FROM ${from}`,
    'WORKDIR /usr/src/app',
    'COPY . .',
    `RUN ${build}`,
    `CMD ["sh", "-c", "java -jar ${jar}"]`,
  ];
  if (project.packageManager === 'maven') {
    return project.has('mvnw')
      ? lines(`eclipse-temurin:${v}`, './mvnw -B package -DskipTests', 'target/*.jar')
      : lines(`maven:3-eclipse-temurin-${v}`, 'mvn -B package -DskipTests', 'target/*.jar');
  }
  if (project.packageManager === 'gradle') {
    return project.has('gradlew')
      ? lines(`eclipse-temurin:${v}`, './gradlew build -x test', 'build/libs/*.jar')
      : lines(`gradle:jdk${v}`, 'gradle build -x test', 'build/libs/*.jar');
  }
  // Plain sources: compile the main source tree (tests need a test framework), as a first try would.
  const sources = project.has('src/main/java') ? 'src/main/java' : '.';
  return [
    `FROM eclipse-temurin:${v}`,
    'WORKDIR /usr/src/app',
    'COPY . .',
    `RUN mkdir -p out && javac -d out $(find ${sources} -name "*.java" -not -path "./out/*")`,
    'CMD ["java", "-cp", "out", "Main"]',
  ];
}

/**
 * The runtime version the generated Dockerfile builds with, when the caller did not pass it:
 * the first `ARG <NAME>_VERSION=<value>` near the top (design rule 3 puts it there).
 */
export function versionFromDockerfile(dockerfile: string): string | null {
  const match = /^ARG\s+[A-Z][A-Z0-9_]*VERSION=["']?([0-9][0-9A-Za-z._-]*)["']?\s*$/m.exec(dockerfile);
  return match?.[1] ?? null;
}
