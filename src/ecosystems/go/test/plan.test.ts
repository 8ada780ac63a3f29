import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectGo } from '../detect.js';
import type { GoFacts } from '../types.js';
import { chooseBase } from '../../../plan/choose-base.js';
import { assessGo, goView } from '../plan.js';
import { Project } from '../../../project.js';

const TODAY = new Date('2026-11-27T00:00:00Z');
const MAIN = 'package main\n\nfunc main() {}\n';
/** A main that imports a package, so the module it belongs to is built into the binary. */
const uses = (path: string) => `package main\n\nimport _ "${path}"\n\nfunc main() {}\n`;

function facts(files: Record<string, string>): GoFacts {
  const root = mkdtempSync(join(tmpdir(), 'slim-go-plan-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return detectGo(new Project(root), {});
}

const kinds = (f: GoFacts) => Object.fromEntries(assessGo(f, TODAY).map((o) => [o.kind, o.possible ? o.runtimeImage : null]));

describe('assessGo', () => {
  it('puts a pure Go service on scratch, built with the newest Go: the go.mod line is a minimum', () => {
    const f = facts({ 'go.mod': 'module x\ngo 1.24\n', 'main.go': MAIN });
    const plan = chooseBase(assessGo(f, TODAY), 'auto');
    expect(plan.base).toBe('scratch');
    expect(plan.builderImage).toBe('docker.io/library/golang:1.27-bookworm');
    expect(plan.runtimeVersion).toBe('1.27');
    expect(plan.reasons.join(' ')).toMatch(/go\.mod go 1\.24 is a minimum/);
    expect(kinds(f).distroless).toBe('gcr.io/distroless/static-debian13:nonroot');
  });

  it('builds with the toolchain line when there is one, and says when that line is out of support', () => {
    const f = facts({ 'go.mod': 'module x\ngo 1.22\ntoolchain go1.24.2\n', 'main.go': MAIN });
    const plan = chooseBase(assessGo(f, TODAY), 'auto');
    expect(plan.runtimeVersion).toBe('1.24');
    expect(plan.reasons.join(' ')).toMatch(/no longer supported upstream since 2026-02-10/);
  });

  it('rules out scratch for cgo and uses distroless base (glibc only) or cc (C++)', () => {
    const sqlite = facts({ 'go.mod': 'module x\ngo 1.26\nrequire github.com/mattn/go-sqlite3 v1.14.22\n', 'main.go': uses('github.com/mattn/go-sqlite3') });
    expect(kinds(sqlite)).toMatchObject({ scratch: null, distroless: 'gcr.io/distroless/base-debian13:nonroot' });
    expect(assessGo(sqlite, TODAY)[0]?.why).toMatch(/cgo is needed/);
  });

  it('sends cgo libraries the final image must install to alpine or slim, never distroless', () => {
    const rocks = facts({ 'go.mod': 'module x\ngo 1.26\nrequire github.com/linxGnu/grocksdb v1.9.0\n', 'main.go': uses('github.com/linxGnu/grocksdb') });
    expect(kinds(rocks)).toEqual({ scratch: null, distroless: null, alpine: 'alpine:3.22', slim: 'debian:bookworm-slim' });
    const gozstd = facts({ 'go.mod': 'module x\ngo 1.26\nrequire github.com/valyala/gozstd v1.21.0\n', 'main.go': uses('github.com/valyala/gozstd') });
    expect(kinds(gozstd).alpine).toBeNull();
  });

  it('builds an old go line with current Go (go 1.13 is a minimum), but refuses a toolchain outside the catalog, naming the flag', () => {
    const old = facts({ 'go.mod': 'module x\ngo 1.13\n', 'main.go': MAIN });
    expect(chooseBase(assessGo(old, TODAY), 'auto').runtimeVersion).toBe('1.27');
    const pinned = facts({ 'go.mod': 'module x\ngo 1.16\ntoolchain go1.16.5\n', 'main.go': MAIN });
    const options = assessGo(pinned, TODAY);
    expect(options.every((o) => !o.possible)).toBe(true);
    expect(options[0]?.why).toMatch(/--runtime-version/);
  });

  it('takes the newest released line when go.mod names none', () => {
    const f = facts({ 'go.mod': 'module x\n', 'main.go': MAIN });
    expect(chooseBase(assessGo(f, TODAY), 'auto').runtimeVersion).toBe('1.27');
  });

  it('rules out shell-less finals for a shell start command', () => {
    const f = facts({ 'go.mod': 'module x\ngo 1.26\n', 'main.go': MAIN });
    f.start = { value: { kind: 'shell', command: '/app | tee log' }, source: '--cmd' };
    expect(kinds(f)).toMatchObject({ scratch: null, distroless: null });
  });
});

describe('goView', () => {
  it('builds static with CGO_ENABLED=0, -trimpath and stripped symbols; downloads only when there is something to download', () => {
    const f = facts({ 'go.mod': 'module x\ngo 1.26\n', 'cmd/api/main.go': MAIN });
    const view = goView(f, chooseBase(assessGo(f, TODAY), 'auto'));
    expect(view.cgoEnabled).toBe('0');
    expect(view.buildCommand).toEqual(['go', 'build', '-trimpath', '-ldflags=-s -w', '-o', '/out/app', './cmd/api']);
    expect(view.download).toBe(false);
    expect(view.builderFrom).toBe('docker.io/library/golang:${GO_VERSION}-bookworm');
    expect(view.buildPackages.packages).toEqual(['ca-certificates', 'tzdata']);
  });

  it('builds vendored modules from vendor/ without a download step', () => {
    const f = facts({ 'go.mod': 'module x\ngo 1.24\nrequire github.com/google/uuid v1.6.0\n', 'go.sum': '', 'vendor/modules.txt': '# github.com/google/uuid v1.6.0\n', 'main.go': MAIN });
    const view = goView(f, chooseBase(assessGo(f, TODAY), 'auto'));
    expect(view.buildCommand).toContain('-mod=vendor');
    expect(view.download).toBe(false);
    expect(view.vendored).toBe(true);
  });

  it('adds the musl build tag and a C toolchain when cgo builds on Alpine', () => {
    const f = facts({ 'go.mod': 'module x\ngo 1.25\nrequire github.com/confluentinc/confluent-kafka-go/v2 v2.5.0\n', 'main.go': uses('github.com/confluentinc/confluent-kafka-go/v2/kafka') });
    const view = goView(f, chooseBase(assessGo(f, TODAY), 'alpine'));
    expect(view.builderFrom).toBe('docker.io/library/golang:${GO_VERSION}-alpine');
    expect(view.buildCommand).toEqual(expect.arrayContaining(['-tags', 'musl']));
    expect(view.buildPackages).toMatchObject({ apk: true, packages: ['gcc', 'musl-dev'] });
    expect(view.cgoEnabled).toBe('1');
  });

  it('copies workspace manifests into their own folders', () => {
    const f = facts({ 'go.work': 'go 1.25\nuse ./api\n', 'api/go.mod': 'module a\ngo 1.25\nrequire github.com/gorilla/mux v1.8.1\n', 'api/go.sum': '', 'api/main.go': MAIN });
    const view = goView(f, chooseBase(assessGo(f, TODAY), 'auto'));
    expect(view.manifestCopies).toEqual([['go.work', './'], ['api/go.mod', 'api/go.sum', './api/']]);
    expect(view.mainPackage).toBe('./api');
  });
});
