// Facts about a .NET project, beyond the common ones.
import type { CommonFacts, Fact } from '../../types.js';
import type { RuntimeRepo } from './knowledge/images.js';

/**
 * How `dotnet publish` lays out the app, as the project file asks for it:
 * - `framework-dependent`: the app's dlls on an image with the shared runtime (aspnet or runtime);
 * - `self-contained`: the runtime copied into the app, on runtime-deps;
 * - `trimmed`: self-contained with unused code removed (PublishTrimmed);
 * - `aot`: one native executable (PublishAot), on runtime-deps.
 */
export type PublishMode = 'framework-dependent' | 'self-contained' | 'trimmed' | 'aot';

/** What a project file is, for choosing the deployable one. */
export type ProjectKind = 'web' | 'worker' | 'console' | 'test' | 'library' | 'aspire-host' | 'blazor-wasm' | 'unpublishable' | 'gui';

export interface DotnetFacts extends CommonFacts {
  language: 'dotnet';
  /** The project built, relative to the root ("src/Api/Api.csproj"). */
  projectFile: string;
  kind: ProjectKind;
  /** The assembly the build produces ("Api"): the dll or the native executable's name. */
  assemblyName: Fact<string>;
  /** "net8.0": passed to publish with -f when the project targets several. */
  targetFramework: Fact<string>;
  multiTarget: boolean;
  mode: Fact<PublishMode>;
  /** Which runtime image family a framework-dependent app needs. */
  runtimeRepo: RuntimeRepo;
  /** InvariantGlobalization=true in the project: no ICU needed. */
  invariantGlobalization: boolean;
  /** Why the app needs ICU or time zones (packages, code), empty when nothing does. */
  globalization: string[];
  /** Why trimming or native AOT would break this app (packages, app model), for the reasons. */
  trimBlockers: string[];
  aotBlockers: string[];
  /** Files copied before the restore, relative to the root: project files, Directory.*.props, NuGet.config, global.json, lock files. */
  restoreFiles: string[];
  /** An exact SDK tag global.json needs ("8.0.404"), or null when the line's newest SDK will do. */
  sdkTag: Fact<string> | null;
  /** OS packages the builder needs (Node for a publish step that runs npm). */
  builderPackages: string[];
  /** The publish is for one runtime identifier (self-contained, AOT, single-file, ReadyToRun): built for the target architecture. */
  ridSpecific: boolean;
  /** Environment variables NuGet.config credentials read, passed to the restore as BuildKit secrets. */
  restoreSecrets: string[];
  /** The project restores with --locked-mode (it has packages.lock.json). */
  lockedRestore: boolean;
}
