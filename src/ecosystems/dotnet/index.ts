// .NET (C#, F#, VB): detection (detect.ts, projects.ts, msbuild.ts), bases and view (plan.ts),
// knowledge tables (knowledge/), templates/dotnet/.
import type { Ecosystem } from '../../ecosystem.js';
import { detectDotnet } from './detect.js';
import { dotnetMarks } from './entry.js';
import { assessDotnet, dotnetView } from './plan.js';
import type { DotnetFacts } from './types.js';
import { DOTNET_RELEASES } from './knowledge/versions.js';

export const dotnet: Ecosystem<DotnetFacts> = {
  language: 'dotnet',
  markers: dotnetMarks.markers,
  recognizes: dotnetMarks.mayBe, // a project or solution file is the whole check
  tooling: () => null,
  apps: null,
  detect: detectDotnet,
  assess: (facts) => assessDotnet(facts),
  view: dotnetView,
  runtimeName: '.NET',
  releases: (now) => DOTNET_RELEASES.filter((r) => Date.parse(r.released) <= now.getTime()).map((r) => ({ version: r.version, endOfLife: r.supportEnds })),
  fields: {
    projectFile: { label: 'The project file', fallback: 'the solution or the project folder' },
    assemblyName: { label: 'The assembly name', source: (f) => f.assemblyName.source, fallback: 'the project file AssemblyName' },
    targetFramework: { label: 'The target framework', source: (f) => f.targetFramework.source, fallback: 'the project file TargetFramework' },
    restoreFiles: { label: 'A file the restore copies', fallback: 'the project files, Directory.*.props, NuGet.config and global.json' },
    sdkTag: { label: 'The SDK version', fallback: 'global.json' },
  },
  manifestExtensions: ['csproj', 'fsproj', 'vbproj', 'props', 'targets', 'sln', 'slnx', 'json', 'config'],
  // What a person writes first: one SDK stage that runs the sources with `dotnet run` (the SDK,
  // the sources and the build output all ship). The naive input knows no project name, and
  // `dotnet run` finds the project in the folder by itself.
  naive: (input) => /^\d{1,2}(\.\d)?$/.test(input.runtimeVersion)
    ? [`FROM mcr.microsoft.com/dotnet/sdk:${input.runtimeVersion}`, 'WORKDIR /app', 'COPY . .', 'RUN dotnet restore', 'CMD ["dotnet", "run", "-c", "Release", "--no-launch-profile"]']
    : null,
  installCommand: /\bdotnet restore\b/,
  stop: { signals: () => 'dotnet', printsInit: false },
  probe: () => ({ impossible: 'the chiseled and runtime-deps images hold no shell, no HTTP client and no way to run a one-line .NET request' }),
};
