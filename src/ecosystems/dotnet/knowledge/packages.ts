// NuGet packages that matter for the image, as sourced tables: native code and OS libraries
// (NUGET_NATIVE), and what breaks under trimming or native AOT (NUGET_TRIM_AOT, ASPNET_AOT).
// Keys are package ids as a PackageReference spells them; NuGet ids are case-insensitive, so
// lookups compare lower-cased. Rows sorted by name.
import type { NativeRow } from '../../../knowledge/native-row.js';
import type { OsPackages } from '../../../types.js';

const none: OsPackages = { debian: [], alpine: [] };

export interface NugetNativeRow extends NativeRow {
  /** Pure managed code: listed so the report can say so, never a native dependency. */
  managed: boolean;
  /** No linux-musl assets: rules out Alpine. */
  glibcOnly: boolean;
  /** OS packages the final image needs (rules out chiseled, which has no package manager). */
  runtime: OsPackages;
  /** Needs more than libraries a chiseled image can hold (browsers), or null. */
  blocksChiseled: string | null;
  /** Needs ICU (culture data) at run time: globalization-invariant images break it. */
  needsIcu: boolean;
  /** Said to the user when the package is referenced, or null. */
  warning: string | null;
  /** The warning is not needed when a package whose id starts with this is referenced too. */
  satisfiedBy?: string;
}

export const NUGET_NATIVE: readonly NugetNativeRow[] = [
  {
    name: 'Aspire.Microsoft.Data.SqlClient', managed: false, glibcOnly: false, runtime: none, blocksChiseled: null, needsIcu: true, warning: null,
    note: 'wraps Microsoft.Data.SqlClient, which needs ICU: globalization-invariant mode breaks it',
    source: 'https://www.nuget.org/packages/Aspire.Microsoft.Data.SqlClient',
  },
  {
    name: 'Aspire.Microsoft.EntityFrameworkCore.SqlServer', managed: false, glibcOnly: false, runtime: none, blocksChiseled: null, needsIcu: true, warning: null,
    note: 'EF Core SQL Server through Microsoft.Data.SqlClient, which needs ICU',
    source: 'https://www.nuget.org/packages/Aspire.Microsoft.EntityFrameworkCore.SqlServer',
  },
  {
    name: 'Grpc.Core', managed: false, glibcOnly: true, runtime: none, blocksChiseled: null, needsIcu: false,
    warning: 'Grpc.Core is the legacy gRPC C-core implementation, in maintenance only; Grpc.AspNetCore (server) and Grpc.Net.Client (client) are managed and need no native library.',
    note: 'the legacy C-core gRPC ships libgrpc_csharp_ext built for glibc only',
    source: 'https://github.com/grpc/grpc/blob/master/src/csharp/README.md',
  },
  {
    name: 'Microsoft.Data.SqlClient', managed: false, glibcOnly: false, runtime: none, blocksChiseled: null, needsIcu: true, warning: null,
    note: 'needs ICU: it refuses to run in globalization-invariant mode, so chiseled images need the -extra variant',
    source: 'https://github.com/dotnet/dotnet-docker/blob/main/documentation/ubuntu-chiseled.md',
    seeAlso: ['https://github.com/dotnet/SqlClient/issues/220'],
  },
  {
    name: 'Microsoft.Data.Sqlite', managed: false, glibcOnly: false, runtime: none, blocksChiseled: null, needsIcu: false, warning: null,
    note: 'bundles its own e_sqlite3 (SQLitePCLRaw.bundle_e_sqlite3) for glibc and musl: no OS package needed',
    source: 'https://learn.microsoft.com/en-us/dotnet/standard/data/sqlite/custom-versions',
  },
  {
    name: 'Microsoft.EntityFrameworkCore.SqlServer', managed: false, glibcOnly: false, runtime: none, blocksChiseled: null, needsIcu: true, warning: null,
    note: 'EF Core SQL Server depends on Microsoft.Data.SqlClient, which needs ICU',
    source: 'https://www.nuget.org/packages/Microsoft.EntityFrameworkCore.SqlServer',
  },
  {
    name: 'Microsoft.EntityFrameworkCore.Sqlite', managed: false, glibcOnly: false, runtime: none, blocksChiseled: null, needsIcu: false, warning: null,
    note: 'EF Core SQLite through Microsoft.Data.Sqlite, which bundles e_sqlite3 for glibc and musl',
    source: 'https://learn.microsoft.com/en-us/dotnet/standard/data/sqlite/custom-versions',
  },
  {
    name: 'Microsoft.Playwright', managed: false, glibcOnly: true, runtime: none,
    blocksChiseled: 'Playwright drives browsers that are downloaded with their own OS libraries, which a chiseled image cannot hold', needsIcu: false,
    warning: 'Microsoft.Playwright needs its browsers and their OS libraries at run time, which this Dockerfile does not install: run it on Playwright\'s own image (mcr.microsoft.com/playwright/dotnet), see https://playwright.dev/dotnet/docs/docker.',
    note: 'browsers with their own OS libraries; Playwright does not support Alpine',
    source: 'https://playwright.dev/dotnet/docs/docker',
  },
  {
    name: 'Npgsql', managed: true, glibcOnly: false, runtime: none, blocksChiseled: null, needsIcu: false, warning: null,
    note: 'the PostgreSQL driver is fully managed: no native library',
    source: 'https://www.npgsql.org/doc/index.html',
  },
  {
    name: 'SixLabors.ImageSharp', managed: true, glibcOnly: false, runtime: none, blocksChiseled: null, needsIcu: false, warning: null,
    note: 'fully managed image processing: no native library',
    source: 'https://github.com/SixLabors/ImageSharp/blob/main/README.md',
  },
  {
    name: 'SkiaSharp', managed: false, glibcOnly: false, runtime: none, blocksChiseled: null, needsIcu: false, satisfiedBy: 'SkiaSharp.NativeAssets.Linux',
    warning: 'SkiaSharp alone ships no Linux native library: reference SkiaSharp.NativeAssets.Linux.NoDependencies (or .NativeAssets.Linux) as well, or it fails to load libSkiaSharp at run time.',
    note: 'its native libSkiaSharp for Linux comes from a SkiaSharp.NativeAssets.Linux package',
    source: 'https://github.com/mono/SkiaSharp/blob/main/README.md',
  },
  {
    name: 'SkiaSharp.NativeAssets.Linux', managed: false, glibcOnly: true, runtime: { debian: ['libfontconfig1'], alpine: [] }, blocksChiseled: null, needsIcu: false,
    warning: 'SkiaSharp.NativeAssets.Linux loads fonts through fontconfig, and the images carry no fonts: install the fonts the app draws text with, or ship them with the app (SKTypeface.FromFile). SkiaSharp.NativeAssets.Linux.NoDependencies needs no fontconfig and runs on chiseled images.',
    note: 'libSkiaSharp linked against fontconfig (libfontconfig1 at run time); the .NoDependencies variant needs none and also runs on musl',
    source: 'https://www.nuget.org/packages/SkiaSharp.NativeAssets.Linux',
  },
  {
    name: 'SkiaSharp.NativeAssets.Linux.NoDependencies', managed: false, glibcOnly: false, runtime: none, blocksChiseled: null, needsIcu: false, warning: null,
    note: 'libSkiaSharp with fontconfig left out: only libc, libm, libdl and libpthread, so it runs on chiseled images',
    source: 'https://www.nuget.org/packages/SkiaSharp.NativeAssets.Linux.NoDependencies',
  },
  {
    name: 'System.Drawing.Common', managed: false, glibcOnly: true, runtime: none, blocksChiseled: null, needsIcu: false,
    warning: 'System.Drawing.Common is Windows-only since .NET 6 (the switch that re-enabled it on Linux was removed in .NET 7): any use throws PlatformNotSupportedException in a Linux container. Use SixLabors.ImageSharp or SkiaSharp instead (https://learn.microsoft.com/en-us/dotnet/core/compatibility/core-libraries/6.0/system-drawing-common-windows-only).',
    note: 'Windows-only since .NET 6: throws PlatformNotSupportedException on Linux',
    source: 'https://learn.microsoft.com/en-us/dotnet/core/compatibility/core-libraries/6.0/system-drawing-common-windows-only',
  },
];

export interface TrimAotRow {
  /** Package id, or the start of ids when `prefix` (Microsoft.EntityFrameworkCore matches its providers). */
  name: string;
  prefix: boolean;
  /** Breaks when trimmed (PublishTrimmed). */
  trim: boolean;
  /** Breaks under native AOT (PublishAot). */
  aot: boolean;
  note: string;
  source: string;
}

export const NUGET_TRIM_AOT: readonly TrimAotRow[] = [
  {
    name: 'Dapper', prefix: false, trim: true, aot: true,
    note: 'generates code at run time with Reflection.Emit (Dapper.AOT is the AOT-ready variant)',
    source: 'https://aot.dapperlib.dev/',
  },
  {
    name: 'Microsoft.AspNetCore.Mvc.NewtonsoftJson', prefix: false, trim: true, aot: true,
    note: 'MVC on Newtonsoft.Json, a reflection-based serializer',
    source: 'https://learn.microsoft.com/en-us/dotnet/core/deploying/trimming/incompatibilities',
  },
  {
    name: 'Microsoft.EntityFrameworkCore', prefix: true, trim: true, aot: true,
    note: 'EF Core is not trim- or AOT-compatible (precompiled queries are experimental)',
    source: 'https://learn.microsoft.com/en-us/ef/core/performance/nativeaot-and-precompiled-queries',
  },
  {
    name: 'Newtonsoft.Json', prefix: false, trim: true, aot: true,
    note: 'a reflection-based serializer; source-generated System.Text.Json is the trim-safe replacement',
    source: 'https://learn.microsoft.com/en-us/dotnet/core/deploying/trimming/incompatibilities',
  },
  {
    name: 'System.Configuration.ConfigurationManager', prefix: false, trim: true, aot: true,
    note: 'reflection-based configuration; the configuration-binding source generator is the replacement',
    source: 'https://learn.microsoft.com/en-us/dotnet/core/deploying/trimming/incompatibilities',
  },
];

/** ASP.NET Core app models and native AOT: https://learn.microsoft.com/en-us/aspnet/core/fundamentals/native-aot */
export interface AspnetAotRow {
  /** The framework as detection names it. */
  framework: string;
  aot: 'supported' | 'partial' | 'unsupported';
  source: string;
}

export const ASPNET_AOT: readonly AspnetAotRow[] = [
  { framework: 'aspnetcore-grpc', aot: 'supported', source: 'https://learn.microsoft.com/en-us/aspnet/core/fundamentals/native-aot' },
  { framework: 'aspnetcore-minimal-api', aot: 'partial', source: 'https://learn.microsoft.com/en-us/aspnet/core/fundamentals/native-aot' },
  { framework: 'aspnetcore-mvc', aot: 'unsupported', source: 'https://learn.microsoft.com/en-us/aspnet/core/fundamentals/native-aot' },
  { framework: 'aspnetcore-razor-pages', aot: 'unsupported', source: 'https://learn.microsoft.com/en-us/aspnet/core/fundamentals/native-aot' },
  { framework: 'blazor-server', aot: 'unsupported', source: 'https://learn.microsoft.com/en-us/aspnet/core/fundamentals/native-aot' },
];

export function nativeRow(id: string): NugetNativeRow | null {
  const lower = id.toLowerCase();
  return NUGET_NATIVE.find((r) => r.name.toLowerCase() === lower) ?? null;
}

export function trimAotRow(id: string): TrimAotRow | null {
  const lower = id.toLowerCase();
  return NUGET_TRIM_AOT.find((r) => (r.prefix ? lower === r.name.toLowerCase() || lower.startsWith(`${r.name.toLowerCase()}.`) : lower === r.name.toLowerCase())) ?? null;
}
