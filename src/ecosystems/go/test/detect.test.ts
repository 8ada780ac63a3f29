import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectGo, programName } from '../detect.js';
import { parseGoMod, parseGoWork } from '../go-mod.js';
import { goFileInfo, goPort } from '../sources.js';
import { UserError } from '../../../errors.js';
import { Project } from '../../../project.js';

function project(files: Record<string, string>): Project {
  const root = mkdtempSync(join(tmpdir(), 'slim-go-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), text);
  }
  return new Project(root);
}

const MAIN = 'package main\n\nfunc main() {}\n';

describe('go.mod and go.work', () => {
  it('reads directives, blocks, quoted paths and // indirect', () => {
    const mod = parseGoMod('module "example.com/x"\n\ngo 1.24.2\ntoolchain go1.25.1\n\nrequire (\n\tgithub.com/a/b v1.0.0\n\tgithub.com/c/d v0.2.0 // indirect\n)\nrequire github.com/e/f v3.0.0 // keep\n');
    expect(mod.module).toBe('example.com/x');
    expect(mod.go).toBe('1.24.2');
    expect(mod.toolchain).toBe('go1.25.1');
    expect(mod.requires).toEqual([
      { path: 'github.com/a/b', version: 'v1.0.0', indirect: false },
      { path: 'github.com/c/d', version: 'v0.2.0', indirect: true },
      { path: 'github.com/e/f', version: 'v3.0.0', indirect: false },
    ]);
  });

  it('rejects an unclosed block with the file named', () => {
    expect(() => parseGoMod('module x\nrequire (\n a v1\n')).toThrow(/go.mod has a "require \(" block/);
  });

  it('reads go.work use folders and refuses ones outside the context', () => {
    expect(parseGoWork('go 1.25\nuse (\n\t./api\n\t./libs/shared/\n)\n').use).toEqual(['api', 'libs/shared']);
    expect(() => parseGoWork('use ../other\n')).toThrow(UserError);
  });
});

describe('Go sources', () => {
  it('finds import "C" in single and grouped imports, and skips commented ones', () => {
    expect(goFileInfo('package x\n\n// #include <stdio.h>\nimport "C"\n').imports).toContain('C');
    expect(goFileInfo('package x\n\nimport (\n\t"fmt"\n\t"C"\n)\n').imports).toEqual(['fmt', 'C']);
    expect(goFileInfo('package x\n\n// import "C"\nimport "fmt"\n').imports).toEqual(['fmt']);
  });

  it('reads build constraints that change what is built', () => {
    expect(goFileInfo('//go:build ignore\n\npackage main\n').ignored).toBe(true);
    expect(goFileInfo('//go:build linux && cgo\n\npackage x\nimport "C"\n').cgoOptional).toBe(true);
    expect(goFileInfo('//go:build !cgo\n\npackage x\n').cgoOptional).toBe(false);
  });

  it('takes listen addresses, not client addresses, as the port', () => {
    expect(goPort('http.ListenAndServe(":8080", nil)')?.port).toBe(8080);
    expect(goPort('app.Listen("0.0.0.0:3000")')?.port).toBe(3000);
    expect(goPort('cfg := "kafka:9092"')).toBeNull();
    expect(goPort('port := os.Getenv("PORT")\nif port == "" { port = "5000" }', 'default')?.port).toBe(5000);
    expect(goPort('http.ListenAndServe("localhost:8080", nil)')?.loopback).toBe(true);
  });
});

describe('detectGo', () => {
  it('asks for --main when there are several main packages, naming them', () => {
    const p = project({ 'go.mod': 'module x\ngo 1.26\n', 'cmd/api/main.go': MAIN, 'cmd/worker/main.go': MAIN });
    expect(() => detectGo(p, {})).toThrow(/several main packages: \.\/cmd\/api, \.\/cmd\/worker\. Pass --main/);
    expect(detectGo(p, { main: 'worker' }).mainPackage.value).toBe('./cmd/worker');
    expect(detectGo(p, { main: './cmd/api' }).mainPackage.value).toBe('./cmd/api');
    expect(() => detectGo(p, { main: 'nope' })).toThrow(/--main nope matches none/);
  });

  it('ignores examples and go:build ignore programs when the app has its own main', () => {
    const p = project({ 'go.mod': 'module x\ngo 1.26\n', 'main.go': MAIN, 'examples/demo/main.go': MAIN, 'gen.go': `//go:build ignore\n\n${MAIN}` });
    expect(detectGo(p, {}).mainCandidates).toEqual(['.']);
  });

  it('builds with the toolchain line over the go line, as a pin', () => {
    const p = project({ 'go.mod': 'module x\ngo 1.24.0\ntoolchain go1.25.3\n', 'main.go': MAIN });
    expect(detectGo(p, {}).runtime).toEqual({ constraint: '1.25', pinned: true, source: 'go.mod toolchain go1.25.3' });
  });

  it('needs cgo for import "C" outside tests, not in _test.go or cgo-only twins', () => {
    const cgoFile = 'package x\n\nimport "C"\n';
    expect(detectGo(project({ 'go.mod': 'module x\ngo 1.26\n', 'main.go': MAIN, 'x/x_test.go': cgoFile }), {}).cgo).toEqual([]);
    expect(detectGo(project({ 'go.mod': 'module x\ngo 1.26\n', 'main.go': MAIN, 'x/x.go': `//go:build cgo\n\n${cgoFile}` }), {}).cgo).toEqual([]);
    // Only when the main builds that package: x/x.go is imported by main.go.
    expect(detectGo(project({ 'go.mod': 'module x\ngo 1.26\n', 'main.go': MAIN, 'x/x.go': cgoFile }), {}).cgo).toEqual([]);
    const facts = detectGo(project({ 'go.mod': 'module x\ngo 1.26\n', 'main.go': 'package main\n\nimport _ "x/x"\n\nfunc main() {}\n', 'x/x.go': cgoFile }), {});
    expect(facts.cgo).toEqual(['x/x.go imports "C"']);
    expect(facts.nativeDependencies.map((d) => d.name)).toEqual(['cgo']);
  });

  it('reads cgo modules from go.mod, pure-Go drivers are not native', () => {
    const mod = 'module x\ngo 1.26\nrequire github.com/mattn/go-sqlite3 v1.14.22 // indirect\n';
    const sqlite = detectGo(project({ 'go.mod': mod, 'main.go': 'package main\n\nimport _ "github.com/mattn/go-sqlite3"\n\nfunc main() {}\n' }), {});
    expect(sqlite.nativeDependencies.map((d) => d.name)).toEqual(['github.com/mattn/go-sqlite3']);
    const pure = detectGo(project({ 'go.mod': 'module x\ngo 1.26\nrequire modernc.org/sqlite v1.33.1\n', 'main.go': MAIN }), {});
    expect(pure.cgo).toEqual([]);
    expect(pure.nativeDependencies).toEqual([]);
  });

  it('counts gopacket only when the pcap package is imported', () => {
    const mod = 'module x\ngo 1.26\nrequire github.com/google/gopacket v1.1.19\n';
    expect(detectGo(project({ 'go.mod': mod, 'main.go': 'package main\nimport "github.com/google/gopacket/layers"\nfunc main() {}\n' }), {}).cgo).toEqual([]);
    expect(detectGo(project({ 'go.mod': mod, 'main.go': 'package main\nimport "github.com/google/gopacket/pcap"\nfunc main() {}\n' }), {}).cgo).toHaveLength(1);
  });

  it('reads go.sum code entries for pre-1.17 modules whose go.mod lists only direct requirements', () => {
    const p = project({
      'go.mod': 'module x\ngo 1.16\nrequire gorm.io/driver/sqlite v1.1.4\n',
      'go.sum': 'github.com/mattn/go-sqlite3 v1.14.5 h1:abc=\ngithub.com/mattn/go-sqlite3 v1.14.5/go.mod h1:def=\n',
      // The GORM driver wraps go-sqlite3: importing it builds the cgo module in.
      'main.go': 'package main\n\nimport _ "gorm.io/driver/sqlite"\n\nfunc main() {}\n',
    });
    expect(detectGo(p, {}).nativeDependencies.map((d) => d.name)).toEqual(['github.com/mattn/go-sqlite3']);
  });

  it('builds from vendor/ when vendor/modules.txt exists', () => {
    const p = project({ 'go.mod': 'module x\ngo 1.24\nrequire github.com/google/uuid v1.6.0\n', 'vendor/modules.txt': '# github.com/google/uuid v1.6.0\n', 'main.go': MAIN });
    expect(detectGo(p, {}).vendored).toBe(true);
  });

  it('finds the framework from direct requirements and the port from the main package', () => {
    const p = project({
      'go.mod': 'module x\ngo 1.26\nrequire github.com/gin-gonic/gin v1.10.0\n',
      'main.go': 'package main\nimport "github.com/gin-gonic/gin"\nfunc main() { gin.Default().Run() }\n',
    });
    const facts = detectGo(p, {});
    expect(facts.framework.value).toBe('gin');
    expect(facts.port).toEqual({ value: 8080, source: 'gin default' });
  });

  it('reports a module without any main package', () => {
    expect(() => detectGo(project({ 'go.mod': 'module x\ngo 1.26\n', 'lib.go': 'package x\n' }), {})).toThrow(/No main package found/);
  });
});

describe('detectGo: several mains, the port and cgo of the chosen one', () => {
  const SERVE = (pkg: string) => `package main\n\nimport (\n\t"net/http"\n\t"${pkg}"\n)\n\nfunc main() { _ = ${pkg.split('/').pop()}.X; http.ListenAndServe(":8080", nil) }\n`;

  it('picks the main a deploy workflow builds, and warns naming --main', () => {
    const p = project({
      'go.mod': 'module example.com/tool\ngo 1.22\n', 'cmd/tool/main.go': MAIN, 'cmd/toold/main.go': MAIN, 'cmd/gen/main.go': MAIN,
      '.github/workflows/deploy.yml': 'jobs:\n  deploy:\n    steps:\n      - run: go build -o dist/toold ./cmd/toold\n      - run: scp dist/toold host:\n',
      '.github/workflows/release.yml': 'jobs:\n  release:\n    steps:\n      - run: go build ./cmd/tool\n',
    });
    const facts = detectGo(p, {});
    expect(facts.mainPackage).toEqual({ value: './cmd/toold', source: 'a deploy workflow or Makefile builds it' });
    expect(facts.warnings.join(' ')).toMatch(/several main packages .*--main/);
  });

  it('picks the main that serves over tools, and refuses among several services', () => {
    const tools = project({
      'go.mod': 'module example.com/shop\ngo 1.22\n', 'cmd/shop-admin/main.go': MAIN, 'cmd/api/main.go': 'package main\n\nimport "example.com/shop/internal/web"\n\nfunc main() { web.Run() }\n',
      'internal/web/web.go': 'package web\n\nimport "net/http"\n\nfunc Run() { http.ListenAndServe(":9000", nil) }\n',
    });
    const facts = detectGo(tools, {});
    expect(facts.mainPackage.value).toBe('./cmd/api');
    // The listen call is in a package the main imports.
    expect(facts.port).toEqual({ value: 9000, source: 'internal/web/web.go (":9000")' });
    const services = project({
      'go.mod': 'module example.com/cafe\ngo 1.22\n',
      'cmd/kitchen/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":5001", nil) }\n',
      'cmd/counter/main.go': 'package main\n\nimport "net/http"\n\nfunc main() { http.ListenAndServe(":5002", nil) }\n',
    });
    expect(() => detectGo(services, {})).toThrow(/several main packages: \.\/cmd\/counter, \.\/cmd\/kitchen/);
  });

  it('needs cgo only for modules the chosen main imports', () => {
    const files = {
      'go.mod': 'module example.com/app\ngo 1.22\nrequire github.com/mattn/go-sqlite3 v1.14.22 // indirect\n',
      'main.go': MAIN,
      'tools/migrate/main.go': 'package main\n\nimport _ "github.com/mattn/go-sqlite3"\n\nfunc main() {}\n',
    };
    expect(detectGo(project(files), {}).cgo).toEqual([]);
    expect(detectGo(project({ ...files, 'main.go': SERVE('gorm.io/driver/sqlite') }), {}).cgo).toHaveLength(1);
  });

  it('reads ports only from listen calls and port/address defaults, never from other literals', () => {
    expect(goPort('r.RemoteAddr = "127.0.0.1:65535"\nw.WriteHeader(401)')).toBeNull();
    expect(goPort('r.RemoteAddr = "127.0.0.1:65535"', 'any-default')).toBeNull();
    expect(goPort('c := &Configuration{Server: Server{Port: 80, SSL: SSL{Port: 443}}}', 'default')?.port).toBe(80);
    expect(goPort('Port string `env:"HTTP_PORT" envDefault:"8080"`', 'default')?.port).toBe(8080);
    expect(goPort('OTLPEndpoint string `env:"TRACING_OTLP_ENDPOINT" envDefault:"localhost:4317"`', 'default')).toBeNull();
    expect(goPort('const defaultServerPort = 8080', 'default')?.port).toBe(8080);
    expect(goPort('var addr = flag.String("addr", ":7000", "listen address")', 'default')?.port).toBe(7000);
    expect(goPort('func ListenAndServeDebug() error { return http.ListenAndServe(":6060", nil) }')).toBeNull();
  });

  it('takes the port from a config file the code names', () => {
    const p = project({
      'go.mod': 'module example.com/app\ngo 1.22\n',
      'main.go': 'package main\n\nimport "flag"\n\nvar config = flag.String("config", "./config/prod.yml", "config file")\n\nconst defaultPort = 8080\n\nfunc main() {}\n',
      'config/prod.yml': 'server_port: 9090\ndsn: "postgres://db:5432/app"\n',
    });
    expect(detectGo(p, {}).port).toEqual({ value: 9090, source: 'config/prod.yml server_port (named in main.go)' });
  });
});

describe('detectGo: files built only for other systems', () => {
  it('skips x_openbsd.go and //go:build darwin files: the image builds for linux', () => {
    const sqlite = 'package db\n\nimport _ "github.com/mattn/go-sqlite3"\n';
    const files = {
      'go.mod': 'module example.com/app\ngo 1.22\nrequire (\n\tgithub.com/mattn/go-sqlite3 v1.14.32\n\tmodernc.org/sqlite v1.39.0\n)\n',
      'main.go': 'package main\n\nimport _ "example.com/app/db"\n\nfunc main() {}\n',
      'db/sqlite.go': 'package db\n\nimport _ "modernc.org/sqlite"\n',
      'db/sqlite_openbsd.go': sqlite,
      'db/sqlite_cgo.go': `//go:build darwin || windows\n\n${sqlite}`,
    };
    expect(detectGo(project(files), {}).cgo).toEqual([]);
    expect(detectGo(project({ ...files, 'db/sqlite_unix.go': `//go:build unix\n\n${sqlite}` }), {}).cgo).toHaveLength(1);
  });

  it('reads a pflag/cobra flag default as the port', () => {
    expect(goPort('cmd.Flags().IntP("port", "p", 8080, "Port used by the server")', 'default')?.port).toBe(8080);
  });
});

describe('programName', () => {
  it('names the binary as go build does: the main folder, or the module path without a major-version suffix', () => {
    expect(programName('./cmd/wtfd', 'github.com/benbjohnson/wtf')).toBe('wtfd');
    expect(programName('.', 'github.com/go-shiori/shiori')).toBe('shiori');
    expect(programName('.', 'github.com/acme/api/v2')).toBe('api');
    expect(programName('.', null)).toBeNull();
  });
});
