// .NET release lines with images, and their support windows, as data. A project's TargetFramework
// names its line exactly (net8.0 -> 8.0 images): a framework-dependent app runs only on its own
// major runtime unless it opts into roll-forward, so the line is never moved silently.
// Source of every date: https://dotnet.microsoft.com/en-us/platform/support/policy/dotnet-core
// (also https://github.com/dotnet/core/blob/main/releases.md). .NET 9 is STS: 18 months at
// release, extended to 24 months, so it ends with .NET 8 on 2026-11-10.

export interface DotnetRelease {
  /** The line as image tags spell it ("8.0"). */
  version: string;
  support: 'LTS' | 'STS';
  released: string;
  supportEnds: string;
  /**
   * The full-OS variant of the runtime images ("bookworm-slim" for 8.0 and 9.0; .NET 10 publishes
   * no Debian images, its default is Ubuntu 24.04 "noble"):
   * https://github.com/dotnet/dotnet-docker/blob/main/README.aspnet.md
   */
  fullOs: string;
  source: string;
}

export const DOTNET_RELEASES: readonly DotnetRelease[] = [
  { version: '8.0', support: 'LTS', released: '2023-11-14', supportEnds: '2026-11-10', fullOs: 'bookworm-slim', source: 'https://dotnet.microsoft.com/en-us/platform/support/policy/dotnet-core' },
  { version: '9.0', support: 'STS', released: '2024-11-12', supportEnds: '2026-11-10', fullOs: 'bookworm-slim', source: 'https://dotnet.microsoft.com/en-us/platform/support/policy/dotnet-core' },
  { version: '10.0', support: 'LTS', released: '2025-11-11', supportEnds: '2028-11-14', fullOs: 'noble', source: 'https://dotnet.microsoft.com/en-us/platform/support/policy/dotnet-core' },
];

export function findRelease(version: string): DotnetRelease | undefined {
  return DOTNET_RELEASES.find((r) => r.version === version);
}
