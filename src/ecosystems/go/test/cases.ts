// Go's data for the cross-ecosystem suites (the type and what each part is for: test/ecosystem-cases.ts).
import { type EcosystemCases, folder, moveDir, pathPart, put, q, randomTree, replace } from '../../../../test/ecosystem-cases.js';

export const cases: EcosystemCases = {
  language: 'go',
  manifest: 'go.mod',
  project: {
    'go.mod': 'module example.com/app\n\ngo 1.24\n',
    'main.go': 'package main\n\nfunc main() {}\n',
  },
  fixture: 'go-stdlib-http',
  ignored: ['bin/app', '.npmrc'],
  sources: ['main.go'],
  hostile: [
    { field: 'go.mod module path', fixture: 'go-stdlib-http', file: 'go.mod', benign: 'example.com/app', edits: (v) => ({ 'go.mod': replace(/^module .*$/m, `module ${q(v)}`) }) },
    { field: 'go.mod go version', fixture: 'go-stdlib-http', file: 'go.mod', benign: '1.24', edits: (v) => ({ 'go.mod': replace(/^go .*$/m, `go ${q(v)}`) }) },
    { field: 'go.mod toolchain', fixture: 'go-stdlib-http', file: 'go.mod', benign: 'go1.24.2', edits: (v) => ({ 'go.mod': (old) => `${old}\ntoolchain ${q(v)}\n` }) },
    { field: 'go.mod require path', fixture: 'go-gin', file: 'go.mod', benign: 'example.com/lib', edits: (v) => ({ 'go.mod': (old) => `${old}\nrequire ${q(v)} v1.0.0\n` }) },
    { field: 'main package folder name', path: (v) => folder(v), fixture: 'go-multi-main', file: /main package/, benign: 'server', edits: (v) => ({ 'cmd/worker': null, ...moveDir('go-multi-main', 'cmd/api', `cmd/${folder(v)}`) }) },
    { field: 'go.work use folder', path: (v) => folder(v), fixture: 'go-workspace', file: /go\.work|main package/, benign: 'services', edits: (v) => ({ 'go.work': replace('./api', q(`./${folder(v)}`)), ...moveDir('go-workspace', 'api', folder(v)) }) },
  ],
  variablePaths: [],
  malformed: [
    { what: 'go.mod (unclosed block)', fixture: 'go-gin', edits: { 'go.mod': 'module example.com/app\n\ngo 1.24\n\nrequire (\n\tgithub.com/gin-gonic/gin v1.10.0\n' }, message: /go\.mod has a "require \(" block that is never closed/ },
    { what: 'go.mod (require without version)', fixture: 'go-gin', edits: { 'go.mod': 'module example.com/app\n\ngo 1.24\n\nrequire github.com/gin-gonic/gin\n' }, message: /go\.mod line 5/ },
    { what: 'go.mod (bad quoted string)', fixture: 'go-stdlib-http', edits: { 'go.mod': 'module "example.com/\\q"\n\ngo 1.24\n' }, message: /go\.mod line 1/ },
    { what: 'go.mod (go version not a version)', fixture: 'go-stdlib-http', edits: { 'go.mod': 'module example.com/app\n\ngo banana\n' }, message: /go\.mod/ },
    { what: 'go.work (unclosed block)', fixture: 'go-workspace', edits: { 'go.work': 'go 1.25.1\n\nuse (\n\t./api\n' }, message: /go\.work has a "use \(" block/ },
  ],
  textFiles: [],
  randomTree: randomTree({
    benign: { module: 'example.com/app', go: '1.24', toolchain: 'go1.24.2', main: 'api' },
    structural: [],
    optional: ['go.sum', 'toolchain'],
    tree: (v, m, g) => {
      const toolchain = m.toolchain === 'template' ? `toolchain ${q(v.toolchain)}\n` : m.toolchain === 'garbage' ? `toolchain ${g.replace(/\n/g, ' ')}\n` : '';
      const files: Record<string, string> = {
        'go.mod': `module ${q(v.module)}\n\ngo ${q(v.go)}\n${toolchain}`,
        [`cmd/${pathPart(v.main)}/main.go`]: 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":8080", nil) }\n',
      };
      put(files, 'go.sum', m['go.sum']!, '', g);
      return files;
    },
    examples: [
      // Seed -483176926: go 1.2.3 (before 1.17) makes go.sum count, and its garbage line "name = 1"
      // was read as a requirement, which added a `go mod download` step.
      [{ module: '99999', go: '1.2.3', toolchain: 'go1.24.2', main: '' }, { 'go.sum': 'garbage', toolchain: 'template' }, '[[package]]\nname = 1\n'],
    ],
  }),
  e2e: [
    // go-vendor stays out: its app listens on localhost only, so --verify rightly reports that nothing answers.
    // The go.mod line is a minimum (the newest Go builds it); the offline stand-ins carry Go 1.24 only.
    {
      id: 'go-scratch',
      dependencies: false,
      fixture: 'go-stdlib-http',
      args: ['--runtime-version', '1.24'],
      base: 'scratch',
      touch: { file: 'main.go', comment: '// e2e change' },
      what: 'Go 1.24 standard library, scratch',
    },
    {
      id: 'go-distroless',
      dependencies: false,
      fixture: 'go-stdlib-http',
      args: ['--runtime-version', '1.24', '--base', 'distroless'],
      base: 'distroless',
      touch: { file: 'main.go', comment: '// e2e change' },
      what: 'Go 1.24 standard library, distroless static',
    },
    {
      // The embedded front end is gitignored: the Dockerfile's assets stage (Node, npm ci, npm run
      // build) makes ui/build before go build, which fails without it.
      id: 'go-embed-assets',
      noNaive: 'the naive `go build ./...` fails: main.go embeds ui/build, which only the front-end build makes',
      dependencies: false,
      fixture: 'go-embed-ui-build',
      args: ['--runtime-version', '1.24'],
      base: 'scratch',
      touch: { file: 'main.go', comment: '// e2e change' },
      what: 'Go 1.24 embedding a front end its npm build stage makes, scratch',
    },
  ],
};
