// Go: detection (detect.ts, go-mod.ts, sources.ts), bases and view (plan.ts), knowledge tables
// (knowledge/), templates/go/.
import type { Ecosystem } from '../../ecosystem.js';
import { detectGo } from './detect.js';
import { goMarks } from './entry.js';
import { assessGo, goView } from './plan.js';
import type { GoFacts } from './types.js';
import { GO_RELEASES, goEndOfSupport } from './knowledge/versions.js';
import { goTooling } from './tooling.js';

export const go: Ecosystem<GoFacts> = {
  language: 'go',
  markers: goMarks.markers,
  recognizes: goMarks.mayBe, // the marker files are the whole check
  tooling: goTooling,
  apps: null,
  detect: detectGo,
  assess: (facts) => assessGo(facts),
  view: goView,
  runtimeName: 'Go',
  releases: (now) => GO_RELEASES.filter((r) => Date.parse(r.released) <= now.getTime()).map((r) => ({ version: r.version, endOfLife: goEndOfSupport(r.version, now) })),
  fields: {
    module: { label: 'The Go module path', fallback: 'go.mod module' },
    mainPackage: { label: 'The main package folder', source: (f) => f.mainPackage.source, fallback: 'a folder name holding package main (go build ./<folder>)' },
    mainCandidates: { label: 'A main package folder', fallback: 'a folder name holding package main' },
    manifestFiles: { label: 'A Go manifest path', fallback: 'go.work use lines or the module folders' },
    muslTags: { label: 'A Go build tag', fallback: 'go.mod requirements' },
    cgo: { label: 'A cgo reason', fallback: 'the Go sources or go.mod requirements' },
  },
  manifestExtensions: ['mod', 'work', 'sum'],
  // https://hub.docker.com/_/golang "Start a Go instance in your app"
  naive: (input) => [`FROM golang:${input.runtimeVersion}`, 'WORKDIR /usr/src/app', 'COPY . .', 'RUN go build -v -o /usr/local/bin/ ./...', 'CMD ["app"]'],
  installCommand: /\bgo mod download/,
  stop: { signals: () => 'go', printsInit: false },
  probe: () => ({ impossible: 'a Go binary on scratch or distroless has no HTTP client beside it (a probe binary is not built yet)' }),
};
