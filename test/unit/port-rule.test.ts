// The one port rule (issue 14, src/detect/port.ts): the port the image exposes is the port the
// app will listen on, set through the app's own mechanism when it has one, and explained when it
// cannot be. One block per mechanism, then the ways a port arrives (--port, --cmd, the prompt,
// deploy files, several programs), then what each ecosystem's detector says the mechanism is.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { askFacts } from '../../src/ask.js';
import { applyOverrides } from '../../src/detect/index.js';
import { ANSWERED_PORT, describePort, portEnv, portRefusal, withPort } from '../../src/detect/port.js';
import { recordedChoices } from '../../src/config/config.js';
import { UserError } from '../../src/errors.js';
import { loadEcosystems } from '../../src/ecosystems/index.js';
import { detectGo } from '../../src/ecosystems/go/detect.js';
import { detectJava } from '../../src/ecosystems/java/detect.js';
import { detectPython } from '../../src/ecosystems/python/detect.js';
import { detectRust } from '../../src/ecosystems/rust/detect.js';
import { applyDeployEvidence } from '../../src/evidence/index.js';
import type { Interaction } from '../../src/interaction.js';
import { emptyAdditions, type Options } from '../../src/options.js';
import { Project } from '../../src/project.js';
import type { CommonFacts, PortSetting } from '../../src/types.js';

// Every ecosystem's code, loaded as a run loads the one it needs (the registry imports each on demand).
const ECOSYSTEMS = await loadEcosystems();

function project(files: Record<string, string>): Project {
  const dir = mkdtempSync(join(tmpdir(), 'slim-port-'));
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return new Project(dir);
}

const facts = (port: number | null, portSetting?: PortSetting, argv = ['node', 'server.js']): CommonFacts => ({
  language: 'node',
  packageManager: { value: 'npm', source: 'x' },
  framework: { value: null, source: 'x' },
  runtime: { constraint: null, pinned: false, source: 'x' },
  port: { value: port, source: 'server.js: detected' },
  ...(portSetting ? { portSetting } : {}),
  start: { value: { kind: 'exec', argv }, source: 'package.json scripts.start' },
  nativeDependencies: [],
  warnings: [],
});

const readsPort = (fallback: number | null): PortSetting => ({ kind: 'env', env: { PORT: '{port}' }, default: fallback, where: 'server.js reads process.env.PORT' });
const flag: PortSetting = { kind: 'argument', format: '--addr=:{port}', replaces: null, default: 8080, where: 'main.go:9 has the flag -addr' };
const fixed: PortSetting = { kind: 'fixed', where: 'server.js:4 (listen(<port>))' };
const asked = (value: number) => ({ value, source: '--port' });

describe('an app that reads its port from a variable', () => {
  it('gets the asked port through that variable, and EXPOSE agrees', () => {
    const f = withPort(facts(3000, readsPort(3000)), asked(9999));
    expect(f.port).toEqual({ value: 9999, source: '--port' });
    expect(portEnv(f)).toEqual({ PORT: '9999' });
    expect(describePort(f)).toMatchObject({ by: 'env', env: { PORT: '9999' }, note: expect.stringMatching(/sets PORT=9999/) });
  });

  it('sets nothing at its own default, and always sets a variable without a default', () => {
    expect(portEnv(withPort(facts(3000, readsPort(3000)), asked(3000)))).toEqual({});
    expect(portEnv(facts(3000, readsPort(null)))).toEqual({ PORT: '3000' });
    expect(portEnv(withPort(facts(3000, readsPort(null)), asked(9999)))).toEqual({ PORT: '9999' });
  });

  it('fills a value format (an address) and sets variables marked always even at the default', () => {
    const listen: PortSetting = { kind: 'env', env: { LISTEN_ADDR: ':{port}' }, default: 8090, where: 'server.go reads LISTEN_ADDR' };
    expect(portEnv(withPort(facts(8090, listen), asked(9000)))).toEqual({ LISTEN_ADDR: ':9000' });
    const uvicorn: PortSetting = { kind: 'env', env: { UVICORN_HOST: '0.0.0.0', UVICORN_PORT: '{port}' }, default: null, always: true, where: 'uvicorn' };
    expect(portEnv(facts(8000, uvicorn))).toEqual({ UVICORN_HOST: '0.0.0.0', UVICORN_PORT: '8000' });
  });

  it('sets nothing when there is no port at all', () => {
    expect(portEnv(facts(null, readsPort(null)))).toEqual({});
    expect(describePort(facts(null)).note).toMatch(/no port/);
  });
});

describe('an app that takes its port as an argument of its start command', () => {
  it('gets the argument appended when the port is not its default, and replaced when asked again', () => {
    const once = withPort(facts(8080, flag, ['/app']), asked(9000));
    expect(once.start.value).toEqual({ kind: 'exec', argv: ['/app', '--addr=:9000'] });
    expect(describePort(once)).toMatchObject({ by: 'argument', argument: '--addr=:9000' });
    const twice = withPort(once, asked(9100));
    expect(twice.start.value).toEqual({ kind: 'exec', argv: ['/app', '--addr=:9100'] });
  });

  it('passes nothing at its default', () => {
    expect(withPort(facts(8080, flag, ['/app']), asked(8080)).start.value).toEqual({ kind: 'exec', argv: ['/app'] });
  });

  it('rewrites a port argument the command already holds (waitress --port=8080)', () => {
    const waitress: PortSetting = { kind: 'argument', format: '--port={port}', replaces: '--port=8080', default: null, where: 'the start command passes --port=8080' };
    const f = withPort(facts(8080, waitress, ['waitress-serve', '--port=8080', 'app:app']), asked(5000));
    expect(f.start.value).toEqual({ kind: 'exec', argv: ['waitress-serve', '--port=5000', 'app:app'] });
  });

  it('forgets the argument when --cmd replaces the start command', () => {
    const f = applyOverrides(facts(8080, flag, ['/app']), { cmd: '/app serve', port: 9000 });
    expect(f.start.value).toEqual({ kind: 'exec', argv: ['/app', 'serve'] });
    expect(f.portSetting).toMatchObject({ kind: 'unknown', where: expect.stringMatching(/--cmd/) });
    expect(f.port.value).toBe(9000);
  });
});

describe('an app whose port is fixed in its code', () => {
  it('refuses another port, naming the file and line and what to do', () => {
    expect(() => withPort(facts(3000, fixed), asked(9999))).toThrow(UserError);
    const why = portRefusal(facts(3000, fixed), 9999, '--port') ?? '';
    expect(why).toMatch(/^--port 9999: the app listens on 3000, fixed at server\.js:4/);
    expect(why).toMatch(/docker run -p 9999:3000/);
  });

  it('takes its own port, and the refusal goes through --port in applyOverrides', () => {
    expect(withPort(facts(3000, fixed), asked(3000)).port.value).toBe(3000);
    expect(() => applyOverrides(facts(3000, fixed), { port: 8080 })).toThrow(/--port 8080: the app listens on 3000/);
  });
});

describe('an app whose mechanism is unknown', () => {
  it('takes the asked port and warns when detection found another', () => {
    const f = withPort(facts(8080), asked(9000));
    expect(f.port.value).toBe(9000);
    expect(portEnv(f)).toEqual({});
    expect(f.warnings.join(' ')).toMatch(/--port says port 9000.*8080.*make sure the app listens on 9000/);
    expect(withPort(facts(null), asked(9000)).warnings).toEqual([]);
  });
});

describe('the answer at the prompt goes through the same rule', () => {
  const node = ECOSYSTEMS.find((e) => e.language === 'node')!;
  const options = { dir: '.', base: 'auto', packageManager: 'npm', runtimeVersion: '24', cmd: 'node server.js' } as Options;
  /** A terminal that answers the port prompt with `port` and records what its validation said. */
  function answering(port: string): { interaction: Interaction; said: Array<string | true> } {
    const said: Array<string | true> = [];
    const interaction: Interaction = {
      select: async () => { throw new Error('no select expected'); },
      confirm: async () => true,
      input: async (q) => {
        if (!q.message.startsWith('Port')) return q.default ?? '';
        said.push(q.validate?.(port) ?? true);
        return port;
      },
    };
    return { interaction, said };
  }

  it('sets an answered port through the variable the app reads', async () => {
    const { interaction, said } = answering('9999');
    const detected = { ecosystem: node, facts: facts(3000, readsPort(null)) };
    const result = await askFacts(project({}), detected, options, interaction);
    expect(said).toEqual([true]);
    expect(result.facts.port).toEqual({ value: 9999, source: 'the port answered at the prompt' });
    expect(portEnv(result.facts)).toEqual({ PORT: '9999' });
  });

  it('records an answered port like --port, so a rerun needs no flag', () => {
    const answered = withPort(facts(3000, readsPort(3000)), { value: 9999, source: ANSWERED_PORT });
    const plan = { base: 'distroless' as const, runtimeVersion: '24', builderImage: 'b', runtimeImage: 'r', options: [], reasons: [] };
    const flags = { dir: '.', base: 'auto', additions: emptyAdditions() } as Options;
    expect(recordedChoices(flags, answered, plan, 'distroless', '/x')).toMatchObject({ port: 9999 });
  });

  it('refuses, at the prompt, a port a fixed app cannot be told', async () => {
    const { interaction, said } = answering('9999');
    await expect(askFacts(project({}), { ecosystem: node, facts: facts(3000, fixed) }, options, interaction)).rejects.toThrow(UserError);
    expect(said[0]).toMatch(/^Port 9999: the app listens on 3000, fixed at server\.js:4/);
  });
});

describe('deploy files follow the rule', () => {
  it('move a port the app reads from a variable, and the image sets it', () => {
    const f = applyDeployEvidence(facts(3000, readsPort(3000)), project({ 'fly.toml': '[http_service]\ninternal_port = 8080\n' }));
    expect(f.port).toEqual({ value: 8080, source: expect.stringMatching(/^fly\.toml http_service internal_port \(the code's default is 3000/) });
    expect(portEnv(f)).toEqual({ PORT: '8080' });
  });

  it('move it by an example value of the variable the app reads, but not of another one', () => {
    expect(applyDeployEvidence(facts(3000, readsPort(3000)), project({ '.env.example': 'PORT=4000\n' })).port.value).toBe(4000);
    expect(applyDeployEvidence(facts(3000, readsPort(3000)), project({ '.env.example': 'HTTP_PORT=4000\n' })).port.value).toBe(3000);
  });

  it('never move a fixed port: the code wins and the user hears of the other', () => {
    const f = applyDeployEvidence(facts(3000, fixed), project({ 'fly.toml': '[http_service]\ninternal_port = 8080\n' }));
    expect(f.port.value).toBe(3000);
    expect(f.warnings.join(' ')).toMatch(/fly\.toml .* says port 8080.*pass --port 8080/);
  });

  it('with several programs, give the chosen one only a port a file names it for', () => {
    const worker = { ...facts(null), program: { name: 'worker', others: ['api'] } };
    const compose = 'services:\n  api:\n    build: .\n    ports: ["9000:9000"]\n  worker:\n    build: .\n';
    const f = applyDeployEvidence(worker, project({ 'compose.yaml': compose }));
    expect(f.port.value).toBeNull();
    expect(f.warnings.join(' ')).toMatch(/several programs \(worker, api\).*worker's own code names no port/);
    const fly = applyDeployEvidence(worker, project({ 'fly.toml': '[http_service]\ninternal_port = 9000\n' }));
    expect(fly.port.value).toBeNull();
    const api = applyDeployEvidence({ ...facts(null), program: { name: 'api', others: ['worker'] } }, project({ 'compose.yaml': compose }));
    expect(api.port).toEqual({ value: 9000, source: 'compose.yaml services.api.ports' });
  });
});

describe('what each detector says about how its app is told the port', () => {
  const goMod = 'module example.com/svc\n\ngo 1.24\n';
  const go = (main: string) => detectGo(project({ 'go.mod': goMod, 'main.go': main }), {});

  it('Go: a listen literal is fixed, a Getenv default is the variable, a flag is an argument, Gin reads PORT', () => {
    expect(go('package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":8081", nil)\n}\n').portSetting)
      .toEqual({ kind: 'fixed', where: 'main.go:6 (":8081")' });
    expect(go('package main\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\tport := os.Getenv("PORT")\n\tif port == "" {\n\t\tport = "8080"\n\t}\n\thttp.ListenAndServe(":"+port, nil)\n}\n').portSetting)
      .toMatchObject({ kind: 'env', env: { PORT: '{port}' }, default: 8080 });
    expect(go('package main\n\nimport (\n\t"flag"\n\t"net/http"\n)\n\nfunc main() {\n\taddr := flag.String("addr", ":8080", "listen address")\n\tflag.Parse()\n\thttp.ListenAndServe(*addr, nil)\n}\n').portSetting)
      .toMatchObject({ kind: 'argument', format: '--addr=:{port}', replaces: null, default: 8080 });
    const gin = detectGo(project({ 'go.mod': `${goMod}\nrequire github.com/gin-gonic/gin v1.10.0\n`, 'main.go': 'package main\n\nimport "github.com/gin-gonic/gin"\n\nfunc main() {\n\tgin.Default().Run()\n}\n' }), {});
    expect(gin.portSetting).toMatchObject({ kind: 'env', env: { PORT: '{port}' }, default: 8080 });
  });

  it('Go with several mains: each program its own port, and the program named for deploy files', () => {
    const files = {
      'go.mod': goMod,
      'cmd/api/main.go': 'package main\n\nimport "net/http"\n\nfunc main() {\n\thttp.ListenAndServe(":9000", nil)\n}\n',
      'cmd/worker/main.go': 'package main\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc main() {\n\thttp.ListenAndServe(":"+os.Getenv("WORKER_PORT"), nil)\n\t_ = os.Getenv("x")\n}\nconst workerPort = "9100"\n',
    };
    const api = detectGo(project(files), { main: './cmd/api' });
    expect(api.port.value).toBe(9000);
    expect(api.program).toEqual({ name: 'api', others: ['worker'] });
    const worker = detectGo(project(files), { main: 'worker' });
    expect(worker.port.value).toBe(9100);
    expect(worker.portSetting).toMatchObject({ kind: 'env', env: { WORKER_PORT: '{port}' } });
  });

  it('Rust: a bind literal is fixed, a PORT default is the variable, Rocket reads ROCKET_PORT', () => {
    const cargo = (deps = '') => `[package]\nname = "svc"\nversion = "0.1.0"\nedition = "2021"\n\n[dependencies]\n${deps}`;
    const rust = (main: string, extra: Record<string, string> = {}, deps = '') => detectRust(project({ 'Cargo.toml': cargo(deps), 'src/main.rs': main, ...extra }), {});
    expect(rust('fn main() {\n    let l = std::net::TcpListener::bind("0.0.0.0:8080").unwrap();\n}\n').portSetting).toEqual({ kind: 'fixed', where: 'src/main.rs:2 (bind("0.0.0.0:8080")' });
    expect(rust('fn main() {\n    let port = std::env::var("PORT").unwrap_or_else(|_| "8090".into());\n}\n').portSetting).toMatchObject({ kind: 'env', env: { PORT: '{port}' }, default: 8090 });
    expect(rust('#[macro_use] extern crate rocket;\nfn main() {}\n', { 'Rocket.toml': '[default]\nport = 8001\n' }, 'rocket = "0.5"\n').portSetting)
      .toMatchObject({ kind: 'env', env: { ROCKET_PORT: '{port}' }, default: 8001 });
  });

  it('Java: Spring Boot reads SERVER_PORT (or the placeholder it names), Quarkus a %prod key as _PROD_, a plain literal is fixed', () => {
    const pom = (parent: string, deps = '') => `<project><modelVersion>4.0.0</modelVersion>${parent}<groupId>g</groupId><artifactId>a</artifactId><version>1</version><dependencies>${deps}</dependencies></project>`;
    const boot = pom('<parent><groupId>org.springframework.boot</groupId><artifactId>spring-boot-starter-parent</artifactId><version>3.4.1</version></parent>');
    const app = 'package a;\npublic class App { public static void main(String[] a) {} }\n';
    const java = (files: Record<string, string>) => detectJava(project({ 'src/main/java/a/App.java': app, ...files }));
    expect(java({ 'pom.xml': boot, 'src/main/resources/application.properties': 'server.port=8081\n' }).portSetting).toMatchObject({ kind: 'env', env: { SERVER_PORT: '{port}' }, default: 8081 });
    expect(java({ 'pom.xml': boot, 'src/main/resources/application.properties': 'server.port=${PORT:9090}\n' }).portSetting).toMatchObject({ kind: 'env', env: { PORT: '{port}' }, default: 9090 });
    const quarkus = pom('<dependencyManagement><dependencies><dependency><groupId>io.quarkus.platform</groupId><artifactId>quarkus-bom</artifactId><version>3.17.0</version><type>pom</type><scope>import</scope></dependency></dependencies></dependencyManagement>',
      '<dependency><groupId>io.quarkus</groupId><artifactId>quarkus-rest</artifactId></dependency>');
    expect(java({ 'pom.xml': quarkus, 'src/main/resources/application.properties': '%prod.quarkus.http.port=8082\n' }).portSetting).toMatchObject({ kind: 'env', env: { _PROD_QUARKUS_HTTP_PORT: '{port}' }, default: 8082 });
    const plain = 'package a;\nimport com.sun.net.httpserver.HttpServer;\nimport java.net.InetSocketAddress;\npublic class App {\n  public static void main(String[] a) throws Exception {\n    HttpServer.create(new InetSocketAddress(7070), 0).start();\n  }\n}\n';
    expect(detectJava(project({ 'src/main/java/a/App.java': plain })).portSetting).toEqual({ kind: 'fixed', where: 'src/main/java/a/App.java:6 (new InetSocketAddress(7070))' });
  });

  it('Python: servers through their variables, waitress as an argument, the code by PORT or a literal', () => {
    const py = (files: Record<string, string>) => detectPython(project(files), {});
    expect(py({ 'requirements.txt': 'fastapi==0.115.0\nuvicorn==0.32.0\n', 'main.py': 'from fastapi import FastAPI\napp = FastAPI()\n' }).portSetting)
      .toMatchObject({ kind: 'env', env: { UVICORN_HOST: '0.0.0.0', UVICORN_PORT: '{port}' }, always: true });
    expect(py({ 'requirements.txt': 'flask==3.1.0\nwaitress==3.0.2\n', 'app.py': 'from flask import Flask\napp = Flask(__name__)\n' }).portSetting)
      .toMatchObject({ kind: 'argument', format: '--port={port}', replaces: '--port=8080' });
    expect(py({ 'requirements.txt': '', 'main.py': 'import os\nfrom http.server import HTTPServer\nHTTPServer(("", int(os.environ.get("PORT", "8080"))), H).serve_forever()\n' }).portSetting)
      .toMatchObject({ kind: 'env', env: { PORT: '{port}' }, default: 8080 });
    expect(py({ 'requirements.txt': '', 'main.py': 'from http.server import HTTPServer\n\nHTTPServer(("0.0.0.0", 8081), H).serve_forever()\n' }).portSetting)
      .toEqual({ kind: 'fixed', where: 'main.py:3 (8081)' });
  });
});
