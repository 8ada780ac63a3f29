// .NET detection: the deployable project of the solution (projects.ts), its target framework,
// publish mode (PublishAot, PublishTrimmed, SelfContained), packages (with central versions),
// app model, port and the files the restore needs, each answer with its source. Pure over the
// Project view.
import { posix } from 'node:path';
import type { DetectOptions } from '../../ecosystem.js';
import type { Project } from '../../project.js';
import { UserError } from '../../errors.js';
import { shorten } from '../../project.js';
import { lineOf } from '../../detect/port.js';
import type { Fact, NativeDependency } from '../../types.js';
import { detectPort, legacyPortWarnings, type SourceFile } from './port.js';
import { isTrue, property, resolveProperties } from './msbuild.js';
import { buildProps, chooseProject, nearest, projectFiles, projectInfo, propsPackages, readMsbuild, type ProjectInfo } from './projects.js';
import { ASPNET_AOT, nativeRow, trimAotRow, type TrimAotRow } from './knowledge/packages.js';
import { DOTNET_RELEASES } from './knowledge/versions.js';
import { credentialVariables } from './nuget-config.js';
import type { DotnetFacts, PublishMode } from './types.js';
import type { RuntimeRepo } from './knowledge/images.js';


export function detectDotnet(project: Project, options: DetectOptions): DotnetFacts {
  if (options.packageManager !== undefined && options.packageManager !== 'dotnet') {
    throw new UserError(`--package-manager ${options.packageManager}: a .NET app restores and publishes with the dotnet CLI (NuGet).`);
  }
  const warnings: string[] = [];
  const listed = projectFiles(project);
  const infos = listed.files.map((f) => projectInfo(project, f));
  const hosts = infos.filter((i) => i.kind === 'aspire-host');
  const choice = chooseProject(project, infos, listed.source, options.main, warnings);
  const info = choice.info;
  if (hosts.length > 0) warnings.push(`${hosts.map((h) => h.file).join(', ')}: an Aspire app host orchestrates the app in development and is not deployed; the image runs ${info.name} alone, so give it its connection strings and service URLs through the environment.`);

  const closure = referenceClosure(project, info);
  const central = centralVersions(project, info.dir);
  const packages = collectPackages(project, closure, central);

  const tfm = targetFramework(info);
  const assembly = assemblyName(info);
  const mode = publishMode(info);
  const invariant = isTrue(property(info.properties, 'InvariantGlobalization'));
  const sources = sourceFiles(project, info.dir);
  const framework = detectFramework(info, packages, sources);

  const nativeDependencies: NativeDependency[] = [];
  const globalization: string[] = [];
  for (const [id, where] of packages) {
    const row = nativeRow(id);
    if (row === null) continue;
    const satisfied = row.satisfiedBy !== undefined && [...packages.keys()].some((k) => k.toLowerCase().startsWith(row.satisfiedBy!.toLowerCase()));
    if (row.warning !== null && !satisfied) warnings.push(row.warning);
    if (row.needsIcu) globalization.push(`${id} needs ICU (${row.source})`);
    if (row.managed) continue;
    nativeDependencies.push({
      name: id, version: where.version, glibcOnly: row.glibcOnly, build: { debian: [], alpine: [] }, runtime: row.runtime,
      blocksDistroless: row.blocksChiseled, note: row.note, source: where.file, reference: row.source,
    });
  }
  globalization.push(...globalizationCode(sources));
  if (invariant && globalization.length > 0) {
    warnings.push(`${info.file} sets InvariantGlobalization, but ${globalization.join('; ')}: the image follows the project (no ICU), so check that it really runs without culture data.`);
  }

  // One line per table row: EF Core's providers are one blocker, not one each.
  const blockers = new Map<TrimAotRow, string[]>();
  for (const [id] of packages) {
    const row = trimAotRow(id);
    if (row !== null) blockers.set(row, [...(blockers.get(row) ?? []), id]);
  }
  const blocker = (row: TrimAotRow, ids: string[]) => `${row.prefix && ids.length > 1 ? `${row.name}.*` : ids.join(', ')}: ${row.note} (${row.source})`;
  const trimBlockers = [...blockers].filter(([row]) => row.trim).map(([row, ids]) => blocker(row, ids));
  const aotBlockers = [...blockers].filter(([row]) => row.aot).map(([row, ids]) => blocker(row, ids));
  const aspnet = ASPNET_AOT.find((r) => r.framework === framework.value);
  if (aspnet?.aot === 'unsupported') {
    const why = `${framework.value} is not supported by native AOT or trimming (${aspnet.source})`;
    aotBlockers.push(why);
    trimBlockers.push(why);
  }
  if (mode.value === 'aot' && aotBlockers.length > 0) warnings.push(`${mode.source} asks for native AOT, but ${aotBlockers.join('; ')}: the publish warns (IL2026/IL3050) and those parts may fail at run time. The image follows the project; test it.`);
  if (mode.value === 'trimmed' && trimBlockers.length > 0) warnings.push(`${mode.source} asks for trimming, but ${trimBlockers.join('; ')}: trimmed code may fail at run time (IL2026 warnings show where). The image follows the project; test it.`);

  const aspnetShared = info.kind === 'web' || closure.some((c) => c.msbuild.frameworkReferences.some((r) => r.toLowerCase() === 'microsoft.aspnetcore.app'));
  const runtimeRepo: RuntimeRepo = mode.value === 'framework-dependent' ? (aspnetShared ? 'aspnet' : 'runtime') : 'runtime-deps';
  // A console app that hosts ASP.NET Core itself (WebApplication, Kestrel) listens like a web app.
  const hostsWeb = info.kind === 'console' && aspnetShared && sources.some((s) => s.text.includes('WebApplication.Create') || s.text.includes('UseKestrel'));
  const port = detectPort(project, info, sources, hostsWeb);
  const http2 = sources.some((s) => s.text.includes('HttpProtocols.Http2')) || /"Protocols"\s*:\s*"Http2"/.test(project.readText(info.dir === '.' ? 'appsettings.json' : `${info.dir}/appsettings.json`) ?? '');
  if (port.setting.kind === 'env') warnings.push(...legacyPortWarnings(project));
  if (framework.value === 'aspnetcore-grpc' && !http2) {
    warnings.push('gRPC needs HTTP/2. On a plain-text port Kestrel speaks HTTP/2 only when the endpoint protocol is Http2 (appsettings.json Kestrel:EndpointDefaults:Protocols, or the environment variable Kestrel__EndpointDefaults__Protocols=Http2); behind a TLS-terminating proxy, have it speak h2c to the app. https://learn.microsoft.com/en-us/aspnet/core/grpc/aspnetcore#server-options');
  }

  const exec = closure.flatMap((c) => c.msbuild.execCommands).find((c) => /^\s*(?:npm|npx|yarn|pnpm|node)\b/.test(c));
  const builderPackages: string[] = [];
  if (exec !== undefined) {
    builderPackages.push('nodejs', 'npm');
    warnings.push(`The project's build runs "${shorten(exec.trim(), 80)}" (an <Exec> task), so the builder installs Node.js and npm from the distribution (Node 18 on Debian 12 and Ubuntu 24.04), which may be older than the front end needs; if so, build the front end in a Node stage of a template override (README "Template overrides").`);
  }

  const lockFiles = closure.map((c) => (c.dir === '.' ? 'packages.lock.json' : `${c.dir}/packages.lock.json`)).filter((f) => project.isFile(f));
  const restoreFiles = restoreInputs(project, closure, lockFiles);
  const secrets = [...new Set(restoreFiles.filter((f) => posix.basename(f).toLowerCase() === 'nuget.config').flatMap((f) => credentialVariables(project, f)))].sort();
  if (secrets.length > 0) warnings.push(`NuGet.config reads ${secrets.map((s) => `%${s}%`).join(', ')} for its package source credentials: the restore gets ${secrets.length === 1 ? 'it' : 'them'} as BuildKit secrets only, so build with ${secrets.map((s) => `--secret id=${s},env=${s}`).join(' ')}.`);
  // Single-file and ReadyToRun publishes are for one runtime identifier even when framework-dependent
  // (NETSDK1097, NETSDK1094: https://learn.microsoft.com/en-us/dotnet/core/deploying/single-file/overview,
  // https://learn.microsoft.com/en-us/dotnet/core/deploying/ready-to-run).
  const singleFile = isTrue(property(info.properties, 'PublishSingleFile'));
  const readyToRun = isTrue(property(info.properties, 'PublishReadyToRun'));
  const start = mode.value === 'framework-dependent' && !singleFile
    ? { value: { kind: 'exec' as const, argv: ['dotnet', `${assembly.value}.dll`] }, source: `${assembly.source}: dotnet runs the published dll` }
    : { value: { kind: 'exec' as const, argv: [`/app/${assembly.value}`] }, source: `${assembly.source}: the ${mode.value === 'aot' ? 'native executable' : singleFile ? 'single-file app' : 'self-contained app host'} publish writes` };

  return {
    language: 'dotnet',
    packageManager: { value: 'dotnet', source: `${info.file} (NuGet PackageReference)` },
    framework,
    runtime: { constraint: tfm.version, pinned: true, source: tfm.source },
    port: port.port,
    portSetting: port.setting,
    program: { name: info.name, others: choice.others },
    start,
    nativeDependencies,
    warnings,
    projectFile: info.file,
    kind: info.kind,
    assemblyName: assembly,
    targetFramework: { value: tfm.tfm, source: tfm.source },
    multiTarget: tfm.multi,
    mode,
    runtimeRepo,
    invariantGlobalization: invariant,
    globalization,
    trimBlockers,
    aotBlockers,
    restoreFiles,
    sdkTag: sdkPin(project, tfm.version),
    builderPackages,
    restoreSecrets: secrets,
    ridSpecific: mode.value !== 'framework-dependent' || singleFile || readyToRun,
    lockedRestore: lockFiles.includes(info.dir === '.' ? 'packages.lock.json' : `${info.dir}/packages.lock.json`),
  };
}


/** The project and the projects it references, transitively (they are built and published with it). */
function referenceClosure(project: Project, root: ProjectInfo): ProjectInfo[] {
  const seen = new Map<string, ProjectInfo>([[root.file, root]]);
  const queue = [root];
  while (queue.length > 0 && seen.size < 200) {
    const current = queue.shift()!;
    for (const ref of current.msbuild.projectReferences) {
      const path = posix.normalize(posix.join(current.dir, ref));
      if (path.startsWith('../') || seen.has(path)) continue;
      if (!project.isFile(path)) throw new UserError(`${current.file} references ${ref}, which is not in the project (${path}). Fix the ProjectReference or run the tool in the folder that holds both.`);
      const info = projectInfo(project, path);
      seen.set(path, info);
      queue.push(info);
    }
  }
  return [...seen.values()];
}

interface Central {
  file: string | null;
  versions: Map<string, string>;
}

/** Directory.Packages.props versions (central package management), nearest to the project. */
function centralVersions(project: Project, dir: string): Central {
  const chain = buildProps(project, dir, 'Directory.Packages.props');
  const versions = new Map<string, string>();
  for (const file of chain) for (const [id, v] of readMsbuild(project, file).packageVersions) versions.set(id.toLowerCase(), v);
  return { file: chain[chain.length - 1] ?? null, versions };
}

interface PackageUse {
  file: string;
  version: string | null;
}

/** Every package the app publishes with: its own, its referenced projects' and Directory.Build.props', with central versions. */
function collectPackages(project: Project, closure: ProjectInfo[], central: Central): Map<string, PackageUse> {
  const out = new Map<string, PackageUse>();
  const seen = new Set<string>();
  for (const info of closure) {
    const sources: Array<[string, Map<string, string | null>]> = [[info.file, info.msbuild.packages], ...propsPackages(project, info)];
    for (const [file, packages] of sources) {
      for (const [id, version] of packages) {
        if (seen.has(id.toLowerCase())) continue;
        seen.add(id.toLowerCase());
        const centralVersion = central.versions.get(id.toLowerCase()) ?? null;
        if (version === null && central.file === null) {
          throw new UserError(
            `${file} references ${id} without a Version, and no Directory.Packages.props in this folder or above it (within the folder the tool was run in) gives one, so the restore would fail. ` +
              'Central package versions live beside the solution: run the tool in the solution\'s folder (pass --main with the project when it holds several).',
          );
        }
        const resolved = version === null ? centralVersion : (resolveProperties(version, info.properties) ?? version);
        out.set(id, { file: version === null && centralVersion !== null ? `${file} (version in ${central.file})` : file, version: resolved });
      }
    }
  }
  return new Map([...out.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

interface TargetFramework {
  tfm: string;
  version: string;
  multi: boolean;
  source: string;
}

const TFM = /^net(?:coreapp)?(\d{1,2})\.(\d)$/;

/** TargetFramework(s) from the project or its Directory.Build.props: the line the images must carry. */
export function targetFramework(info: ProjectInfo): TargetFramework {
  const single = property(info.properties, 'TargetFramework');
  const many = property(info.properties, 'TargetFrameworks');
  const raw = single ?? many;
  const where = `${info.msbuild.properties.has('TargetFramework') || info.msbuild.properties.has('TargetFrameworks') ? info.file : (info.props[info.props.length - 1] ?? info.file)} ${single !== null ? 'TargetFramework' : 'TargetFrameworks'}`;
  if (raw === null) throw new UserError(`${info.file} names no TargetFramework (nor does a Directory.Build.props above it), so the .NET version is unknown. Add <TargetFramework>net10.0</TargetFramework> (or the version it targets) and run again.`);
  const resolved = resolveProperties(raw, info.properties);
  if (resolved === null) throw new UserError(`${where} is "${shorten(raw, 80)}", which uses a property this tool cannot evaluate. Write the target framework literally (for example net10.0) and run again.`);
  const list = resolved.split(';').map((t) => t.trim()).filter((t) => t !== '');
  const parsed = list.map((tfm) => ({ tfm, m: TFM.exec(tfm) })).filter((x): x is { tfm: string; m: RegExpExecArray } => x.m !== null);
  if (parsed.length === 0) {
    const windows = list.some((t) => t.includes('-windows'));
    throw new UserError(
      windows
        ? `${where} is ${shorten(resolved, 80)}: a Windows-only target (WinForms, WPF) cannot run in a Linux container.`
        : `${where} is "${shorten(resolved, 80)}", which is not a .NET (Core) target such as net10.0: .NET Framework and .NET Standard projects do not run on the Linux .NET images.`,
    );
  }
  const known = new Set(DOTNET_RELEASES.map((r) => r.version));
  const versions = parsed.map((p) => ({ tfm: p.tfm, version: `${p.m[1]}.${p.m[2]}` }));
  versions.sort((a, b) => Number.parseFloat(b.version) - Number.parseFloat(a.version));
  const best = versions.find((v) => known.has(v.version)) ?? versions[0]!;
  return { tfm: best.tfm, version: best.version, multi: list.length > 1, source: `${where} ${best.tfm}${list.length > 1 ? ` (of ${resolved})` : ''}` };
}

const ASSEMBLY_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}$/;

function assemblyName(info: ProjectInfo): Fact<string> {
  const raw = property(info.properties, 'AssemblyName');
  if (raw === null) {
    if (!ASSEMBLY_NAME.test(info.name)) throw new UserError(`${info.file}: the project's name becomes the assembly's file name, and "${shorten(info.name, 80)}" is not one the image can run (letters, digits, ".", "_" and "-" only). Rename the project file or set <AssemblyName> and run again.`);
    return { value: info.name, source: `${info.file} (the project file's name)` };
  }
  const resolved = resolveProperties(raw, new Map([...info.properties, ['MSBuildProjectName', info.name]]));
  if (resolved === null || resolved === '') throw new UserError(`${info.file} AssemblyName is "${shorten(raw, 80)}", which uses a property this tool cannot evaluate. Write it literally and run again.`);
  // The dll (or executable) name goes into the start command: letters, digits and . _ - only.
  if (!ASSEMBLY_NAME.test(resolved)) throw new UserError(`${info.file} AssemblyName "${shorten(resolved, 80)}" is not a file name the image can run (letters, digits, ".", "_" and "-" only). Fix it and run again.`);
  return { value: resolved, source: `${info.file} AssemblyName` };
}

/** What the project file asks `dotnet publish` for; nothing is switched on that the project does not ask for. */
export function publishMode(info: ProjectInfo): Fact<PublishMode> {
  const where = (name: string) => `${info.msbuild.properties.has(name) ? info.file : (info.props[info.props.length - 1] ?? info.file)} ${name}`;
  if (isTrue(property(info.properties, 'PublishAot'))) return { value: 'aot', source: where('PublishAot') };
  if (isTrue(property(info.properties, 'PublishTrimmed'))) return { value: 'trimmed', source: where('PublishTrimmed') };
  if (isTrue(property(info.properties, 'SelfContained'))) return { value: 'self-contained', source: where('SelfContained') };
  return { value: 'framework-dependent', source: `${info.file} sets none of PublishAot, PublishTrimmed, SelfContained` };
}


/** The app's own C#, F# and VB sources (bounded), read for the app model, the port and globalization. */
function sourceFiles(project: Project, dir: string): SourceFile[] {
  const files = project.find({ extensions: ['.cs', '.fs', '.vb'], under: [dir], maxDepth: 4, maxFiles: 300 })
    .filter((f) => !f.split('/').some((p) => p === 'bin' || p === 'obj'));
  return files.map((path) => ({ path, text: project.readText(path) ?? '' }));
}

/** Calls that mark an app model, first match wins (MVC before plain controllers, which MVC also has). */
const APP_MODELS: ReadonlyArray<[string, string]> = [
  ['AddInteractiveServerComponents', 'blazor-server'],
  ['AddServerSideBlazor', 'blazor-server'],
  ['AddControllersWithViews', 'aspnetcore-mvc'],
  ['AddMvc(', 'aspnetcore-mvc'],
  ['AddRazorPages', 'aspnetcore-razor-pages'],
  ['AddControllers(', 'aspnetcore-web-api'],
];

function detectFramework(info: ProjectInfo, packages: Map<string, PackageUse>, sources: SourceFile[]): Fact<string | null> {
  if (info.kind === 'worker') return { value: 'worker', source: `${info.file} Sdk ${info.msbuild.sdk}` };
  if (info.kind === 'console') return { value: null, source: `${info.file}: a console app (OutputType Exe)` };
  const grpc = [...packages.keys()].find((id) => id.toLowerCase() === 'grpc.aspnetcore' || id.toLowerCase() === 'grpc.aspnetcore.server');
  if (grpc !== undefined) return { value: 'aspnetcore-grpc', source: `${packages.get(grpc)!.file} ${grpc}` };
  for (const [call, name] of APP_MODELS) {
    const hit = sources.find((s) => s.text.includes(call));
    if (hit !== undefined) return { value: name, source: `${lineOf(hit.path, hit.text, hit.text.indexOf(call))} ${call.replace('(', '')}` };
  }
  return { value: 'aspnetcore-minimal-api', source: `${info.file} Sdk Microsoft.NET.Sdk.Web, no MVC, Razor Pages, Blazor or gRPC` };
}

/** Code that needs culture data or the system time-zone database (ICU, tzdata). */
const GLOBALIZATION_CALLS = ['FindSystemTimeZoneById', 'new CultureInfo(', 'CultureInfo.GetCultureInfo(', 'CultureInfo.CreateSpecificCulture(', 'UseRequestLocalization', 'AddLocalization'];

function globalizationCode(sources: SourceFile[]): string[] {
  const found: string[] = [];
  for (const call of GLOBALIZATION_CALLS) {
    const hit = sources.find((s) => s.text.includes(call));
    if (hit !== undefined) found.push(`${lineOf(hit.path, hit.text, hit.text.indexOf(call))} calls ${call.replace('new ', '').replace('(', '')}, which needs ${call.includes('TimeZone') ? 'time-zone data' : 'culture data (ICU)'}`);
  }
  return found;
}

/** Files the restore needs, copied before the sources: MSBuild files, NuGet.config, global.json, lock files. */
function restoreInputs(project: Project, closure: ProjectInfo[], lockFiles: string[]): string[] {
  const files = new Set<string>();
  const add = (f: string | null) => {
    if (f !== null) files.add(f);
  };
  add(nearest(project, '.', 'global.json'));
  add(nearest(project, '.', 'NuGet.config'));
  for (const info of closure) {
    for (const p of info.props) add(p);
    for (const p of buildProps(project, info.dir, 'Directory.Packages.props')) add(p);
    for (const p of buildProps(project, info.dir, 'Directory.Build.targets')) add(p);
    add(nearest(project, info.dir, 'NuGet.config'));
    add(info.file);
  }
  for (const f of lockFiles) add(f);
  return [...files].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The SDK global.json asks for. Its rollForward decides whether the newest SDK of the line (the
 * `sdk:<line>` image) satisfies it: `patch` (the default) and `latestPatch` need the same feature
 * band and `disable` the exact version, so those build on the exact SDK tag.
 * https://learn.microsoft.com/en-us/dotnet/core/tools/global-json#rollforward
 */
function sdkPin(project: Project, line: string): Fact<string> | null {
  if (!project.isFile('global.json')) return null;
  const json = project.readJson('global.json');
  const sdk = json !== null && typeof json === 'object' ? (json as { sdk?: unknown }).sdk : undefined;
  if (sdk === undefined || sdk === null || typeof sdk !== 'object') return null;
  const { version, rollForward } = sdk as { version?: unknown; rollForward?: unknown };
  if (typeof version !== 'string') return null;
  const m = /^(\d{1,2})\.(\d)\.(\d{3})$/.exec(version.trim());
  if (m === null) {
    throw new UserError(`global.json sdk.version is "${shorten(version, 80)}", not a released SDK version such as 10.0.100. Fix it (or remove the pin) and run again.`);
  }
  const sdkLine = `${m[1]}.${m[2]}`;
  if (Number.parseFloat(sdkLine) < Number.parseFloat(line)) {
    throw new UserError(`global.json pins SDK ${version}, which cannot build for .NET ${line} (the target framework). Raise the SDK pin to ${line}.100 or later and run again.`);
  }
  const roll = typeof rollForward === 'string' ? rollForward : 'patch';
  if (['patch', 'latestpatch', 'disable'].includes(roll.toLowerCase())) return { value: version.trim(), source: `global.json sdk.version ${version.trim()} (rollForward ${roll}: only that feature band)` };
  return { value: sdkLine, source: `global.json sdk.version ${version.trim()} (rollForward ${roll}: the newest ${sdkLine} SDK satisfies it)` };
}
