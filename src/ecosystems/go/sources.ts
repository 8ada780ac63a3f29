// What Go sources say, read without a Go toolchain: the package clause, the imports, whether
// the file has `func main()`, its build constraint, and listen addresses for the port.
// A light lexer strips comments and strings where they would confuse the patterns.

export interface GoFileInfo {
  packageName: string | null;
  imports: string[];
  hasMain: boolean;
  /** `//go:build ignore` (a generator or example run with `go run`): never part of the build. */
  ignored: boolean;
  /** Only built with cgo on (`//go:build cgo`): a pure-Go twin exists for CGO_ENABLED=0. */
  cgoOptional: boolean;
}

/** Comments removed, strings kept: imports and package clauses live outside comments. */
function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*|("(?:[^"\\\n]|\\.)*"|`[^`]*`)/g, (match, str: string | undefined) => str ?? (match.startsWith('/*') ? ' ' : ''));
}

export function goFileInfo(text: string): GoFileInfo {
  const header = text.slice(0, Math.max(0, text.search(/^package\s/m)));
  const constraint = /^\/\/go:build\s+(.+)$/m.exec(header)?.[1] ?? '';
  const code = withoutComments(text);
  const packageName = /^\s*package\s+([A-Za-z_][A-Za-z0-9_]*)/m.exec(code)?.[1] ?? null;
  const imports: string[] = [];
  for (const block of code.matchAll(/^\s*import\s*\(([\s\S]*?)\)/gm)) {
    for (const spec of (block[1] as string).matchAll(/(?:^|\n)\s*(?:[A-Za-z_.][A-Za-z0-9_]*\s+)?"([^"]+)"/g)) imports.push(spec[1] as string);
  }
  for (const single of code.matchAll(/^\s*import\s+(?:[A-Za-z_.][A-Za-z0-9_]*\s+)?"([^"]+)"/gm)) imports.push(single[1] as string);
  return {
    packageName,
    imports,
    hasMain: /^func\s+main\s*\(\s*\)/m.test(code),
    ignored: /(^|[\s(])ignore($|[\s)])/.test(constraint),
    cgoOptional: /(^|[\s(&|])cgo($|[\s)&|])/.test(constraint) && !constraint.includes('!cgo'),
  };
}

export interface PortHit {
  port: number;
  /** The listen host was loopback: unreachable from outside the container. */
  loopback: boolean;
  evidence: string;
}

// Listen addresses name no host or a local one; "kafka:9092" is a client's server address, not ours.
const LISTEN_LITERAL = /"((?:0\.0\.0\.0|localhost|127(?:\.\d{1,3}){3}|\[[0-9A-Fa-f:]*\])?):(\d{2,5})"/g;
const PORT_DEFAULT = [
  /Getenv\("PORT"\)\s*,\s*"(\d{2,5})"/, // cmp.Or(os.Getenv("PORT"), "8080")
  /\bport\w*\s*:?=\s*"(\d{2,5})"/i, // if port == "" { port = "8080" }
];

/** The first listen address in the text: ":8080", "0.0.0.0:3000", or a PORT default. */
export function goPort(text: string): PortHit | null {
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
  for (const match of code.matchAll(LISTEN_LITERAL)) {
    const port = Number(match[2]);
    if (port > 0 && port < 65536) {
      const host = match[1] as string;
      return { port, loopback: host === 'localhost' || host.startsWith('127.') || host === '[::1]', evidence: `"${host}:${port}"` };
    }
  }
  if (/Getenv\("PORT"\)|LookupEnv\("PORT"\)/.test(code)) {
    for (const pattern of PORT_DEFAULT) {
      const match = pattern.exec(code);
      if (match) return { port: Number(match[1]), loopback: false, evidence: `PORT defaults to ${match[1]}` };
    }
  }
  return null;
}
