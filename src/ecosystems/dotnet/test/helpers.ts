// Small .NET projects written to a temporary folder, and the CLI run over them.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { main } from '../../../cli.js';
import { memoryOutput } from '../../../output.js';
import { Project } from '../../../project.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', '..', '..', 'test', 'fixtures');

export function writeProject(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'dotnet-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return dir;
}

export const project = (files: Record<string, string>): Project => new Project(writeProject(files));
export const fixture = (name: string): Project => new Project(join(FIXTURES, name));

/** A project file: the SDK, properties and package references. */
export function csproj(sdk: string, properties: Record<string, string>, packages: Record<string, string> = {}, extra = ''): string {
  const props = Object.entries(properties).map(([k, v]) => `    <${k}>${v}</${k}>`).join('\n');
  const refs = Object.entries(packages).map(([id, v]) => `    <PackageReference Include="${id}" Version="${v}" />`).join('\n');
  return `<Project Sdk="${sdk}">\n  <PropertyGroup>\n${props}\n  </PropertyGroup>\n  <ItemGroup>\n${refs}\n  </ItemGroup>\n${extra}</Project>\n`;
}

export const web = (properties: Record<string, string> = { TargetFramework: 'net10.0' }, packages: Record<string, string> = {}, extra = '') =>
  csproj('Microsoft.NET.Sdk.Web', properties, packages, extra);

export const MINIMAL = 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/", () => "ok");\napp.Run();\n';

/** The CLI on a folder (--yes --dry-run --json): exit code, report and stderr. */
export async function run(dir: string, ...args: string[]) {
  const output = memoryOutput();
  const code = await main([dir, '--yes', '--dry-run', '--json', ...args], output);
  const report = code === 0 ? (JSON.parse(output.stdout.join('\n')) as { files: Record<string, string> } & Record<string, unknown>) : null;
  return { code, report, dockerfile: report?.files.Dockerfile ?? '', stderr: output.stderr.join('\n') };
}
