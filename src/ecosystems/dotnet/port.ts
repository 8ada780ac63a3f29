// .NET ports: where ASP.NET Core listens and how the image tells it (the port rule,
// src/detect/port.ts). launchSettings.json is a development file and is never read.
import type { Project } from '../../project.js';
import { UserError } from '../../errors.js';
import { envSetting, lineOf } from '../../detect/port.js';
import { finalStage, inDeployDirs, instructions, readOrNull } from '../../evidence/deploy-files.js';
import { stripJsonc } from '../../npm/lockfiles-bun.js';
import type { Fact, PortSetting } from '../../types.js';
import { describeKind, type ProjectInfo } from './projects.js';

/** The container port of ASP.NET Core since .NET 8 (https://learn.microsoft.com/en-us/dotnet/core/compatibility/containers/8.0/aspnet-port). */
export const ASPNET_CONTAINER_PORT = 8080;

export interface SourceFile {
  path: string;
  text: string;
}

const URL_CALL = /\b(UseUrls|Urls\.Add|Run)\(\s*"(https?:\/\/[^"\s]{1,200})"/g;
const LISTEN_CALL = /\b(Listen|ListenAnyIP|ListenLocalhost)\(\s*(?:IPAddress\.[A-Za-z]{1,20}\s*,\s*)?(\d{2,5})\b/g;
const URL_PORT = /:(\d{2,5})\/?$/;

/**
 * The port and how the app is told it. A port written in code (UseUrls, app.Run(url),
 * Urls.Add, Kestrel Listen*) or in appsettings.json (Kestrel:Endpoints, urls) is fixed there;
 * otherwise ASP.NET Core listens on ASPNETCORE_HTTP_PORTS, 8080 in the images since .NET 8.
 * launchSettings.json is a development file and is never read. Workers and console apps serve nothing.
 */
export function detectPort(project: Project, info: ProjectInfo, sources: SourceFile[], hostsWeb: boolean): { port: Fact<number | null>; setting: PortSetting } {
  if (info.kind !== 'web' && !hostsWeb) return { port: { value: null, source: `${info.file} is a ${describeKind(info.kind)}, which listens on no port` }, setting: { kind: 'unknown' } };
  for (const s of sources) {
    for (const m of s.text.matchAll(URL_CALL)) {
      const port = Number(URL_PORT.exec(m[2]!)?.[1]);
      if (!(port > 0 && port < 65536)) continue;
      const where = lineOf(s.path, s.text, m.index);
      if (/\/\/(?:localhost|127\.0\.0\.1)[:/]/.test(m[2]!)) throw new UserError(`${where} listens on ${m[2]}, which only answers inside the container. Listen on http://+:${port} (or read ASPNETCORE_HTTP_PORTS) and run again.`);
      return { port: { value: port, source: `${where} ${m[1]}("${m[2]}")` }, setting: { kind: 'fixed', where } };
    }
    for (const m of s.text.matchAll(LISTEN_CALL)) {
      const port = Number(m[2]);
      if (!(port > 0 && port < 65536)) continue;
      const where = lineOf(s.path, s.text, m.index);
      if (m[1] === 'ListenLocalhost') throw new UserError(`${where} calls ListenLocalhost(${port}), which only answers inside the container. Use ListenAnyIP(${port}) and run again.`);
      return { port: { value: port, source: `${where} ${m[1]}(${port})` }, setting: { kind: 'fixed', where } };
    }
  }
  const configured = appsettingsPort(project, info.dir);
  if (configured !== null) return { port: { value: configured.port, source: configured.where }, setting: { kind: 'fixed', where: configured.where } };
  const where = `ASP.NET Core reads ASPNETCORE_HTTP_PORTS, which the .NET 8+ images set to ${ASPNET_CONTAINER_PORT} (launchSettings.json is for development only)`;
  return {
    port: { value: ASPNET_CONTAINER_PORT, source: 'ASPNETCORE_HTTP_PORTS=8080 in the .NET images (https://learn.microsoft.com/en-us/dotnet/core/compatibility/containers/8.0/aspnet-port)' },
    setting: envSetting('ASPNETCORE_HTTP_PORTS', ASPNET_CONTAINER_PORT, where),
  };
}

/**
 * A port in appsettings.Production.json (containers run in the Production environment, and that
 * file overrides appsettings.json:
 * https://learn.microsoft.com/en-us/aspnet/core/fundamentals/configuration/#default-application-configuration-sources),
 * else appsettings.json: Kestrel:Endpoints:<name>:Url, or a top-level "urls".
 */
function appsettingsPort(project: Project, dir: string): { port: number; where: string } | null {
  for (const name of ['appsettings.Production.json', 'appsettings.json']) {
    const found = settingsFilePort(project, dir === '.' ? name : `${dir}/${name}`);
    if (found !== null) return found;
  }
  return null;
}

function settingsFilePort(project: Project, file: string): { port: number; where: string } | null {
  const text = project.isFile(file) ? project.readText(file) : null;
  if (text === null) return null;
  let config: unknown;
  try {
    config = JSON.parse(stripJsonc(text.replace(/^\uFEFF/, '')));
  } catch (error) {
    throw new UserError(`${file} is not valid JSON (${(error as Error).message}). Fix the file and run again.`);
  }
  const get = (node: unknown, key: string): unknown => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return undefined;
    const hit = Object.entries(node as Record<string, unknown>).find(([k]) => k.toLowerCase() === key.toLowerCase());
    return hit?.[1];
  };
  const urls: Array<[string, string]> = [];
  const top = get(config, 'urls');
  if (typeof top === 'string') urls.push([top, `${file} urls`]);
  const endpoints = get(get(config, 'Kestrel'), 'Endpoints');
  if (endpoints !== null && typeof endpoints === 'object') {
    for (const [name, endpoint] of Object.entries(endpoints as Record<string, unknown>)) {
      const url = get(endpoint, 'Url');
      if (typeof url === 'string') urls.push([url, `${file} Kestrel:Endpoints:${name}:Url`]);
    }
  }
  for (const [value, where] of urls) {
    const first = value.split(';')[0]!.trim();
    const port = Number(URL_PORT.exec(first)?.[1]);
    if (port > 0 && port < 65536) return { port, where: `${where} (${first})` };
  }
  return null;
}

/**
 * An existing Dockerfile that exposes a port below 1024 (80, 443): the default of the .NET 7 and
 * older images, which ran as root. The deploy evidence moves the port there (ASPNETCORE_HTTP_PORTS),
 * and the image runs as a non-root user, so say what that needs
 * (https://learn.microsoft.com/en-us/dotnet/core/compatibility/containers/8.0/aspnet-port).
 */
export function legacyPortWarnings(project: Project): string[] {
  const warnings: string[] = [];
  for (const file of inDeployDirs(project, (name) => /^dockerfile$/i.test(name))) {
    const exposed = finalStage(instructions(readOrNull(project, file) ?? ''))
      .filter(([keyword]) => keyword === 'EXPOSE')
      .map(([, args]) => Number(args.split(/\s+/)[0]?.split('/')[0]))
      .find((p) => p > 0 && p < 1024);
    if (exposed !== undefined) {
      warnings.push(
        `${file} exposes ${exposed}, the port of the .NET 7 and older images (which ran as root); since .NET 8 the images listen on 8080 as the non-root app user. ` +
          `The image follows ${file}, and a non-root process may bind ${exposed} only where the runtime allows it (Docker does; Kubernetes needs NET_BIND_SERVICE): pass --port 8080 to use the .NET 8+ default.`,
      );
    }
  }
  return warnings;
}
