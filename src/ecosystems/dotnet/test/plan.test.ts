import { describe, expect, it } from 'vitest';
import { chooseBase } from '../../../plan/choose-base.js';
import { BASE_KINDS } from '../../../types.js';
import { detectDotnet } from '../detect.js';
import { assessDotnet, dotnetView } from '../plan.js';
import { fixture, MINIMAL, project, run, web, writeProject } from './helpers.js';

const plan = (p: ReturnType<typeof project>, base: 'auto' | 'alpine' | 'slim' = 'auto', main?: string) => {
  const facts = detectDotnet(p, { main });
  const chosen = chooseBase(assessDotnet(facts), base);
  return { facts, plan: chosen, view: dotnetView(facts, chosen) };
};

describe('assessDotnet', () => {
  it('the four kinds in order; never scratch; framework-dependent web on aspnet chiseled with the sizes in the reason', () => {
    const options = assessDotnet(detectDotnet(fixture('dotnet-minimal-api'), {}));
    expect(options.map((o) => o.kind)).toEqual([...BASE_KINDS]);
    expect(options[0]).toMatchObject({ possible: false });
    expect(options[1]).toMatchObject({ possible: true, runtimeVersion: '10.0', builderImage: 'mcr.microsoft.com/dotnet/sdk:10.0', runtimeImage: 'mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled' });
    expect(options[1]!.why).toMatch(/framework-dependent on aspnet \(a minimal API: 52\.8 MB on chiseled, 92\.5 MB on the full image\): the project turns on neither PublishTrimmed \(21\.9 MB\) nor PublishAot \(11\.6 MB\)/);
    expect(options[2]).toMatchObject({ possible: true, runtimeImage: 'mcr.microsoft.com/dotnet/aspnet:10.0-alpine' });
    expect(options[3]).toMatchObject({ possible: true, runtimeImage: 'mcr.microsoft.com/dotnet/aspnet:10.0-noble' });
  });

  it('.NET 8 and 9 run on Debian bookworm-slim when slim is asked for; 10 on Ubuntu noble (no Debian images)', () => {
    expect(plan(fixture('dotnet-worker'), 'slim').plan.runtimeImage).toBe('mcr.microsoft.com/dotnet/runtime:9.0-bookworm-slim');
    expect(plan(fixture('dotnet-aot-console'), 'slim').plan.runtimeImage).toBe('mcr.microsoft.com/dotnet/runtime-deps:10.0-noble');
  });

  it('ICU needed (SQL Server): chiseled -extra, alpine ruled out naming the package', () => {
    const options = assessDotnet(detectDotnet(fixture('dotnet-mvc-sqlclient'), {}));
    expect(options[1]).toMatchObject({ possible: true, runtimeImage: 'mcr.microsoft.com/dotnet/aspnet:8.0-noble-chiseled-extra' });
    expect(options[2]).toMatchObject({ possible: false });
    expect(options[2]!.why).toMatch(/Microsoft\.EntityFrameworkCore\.SqlServer needs ICU/);
    expect(options[1]!.why).toMatch(/here Microsoft\.EntityFrameworkCore\.SqlServer, Newtonsoft\.Json, aspnetcore-mvc would break under them/);
  });

  it('SkiaSharp with fontconfig rules out chiseled and Alpine: slim with libfontconfig1', () => {
    const { plan: chosen, view } = plan(fixture('dotnet-skiasharp-fonts'));
    expect(chosen.base).toBe('slim');
    expect(chosen.options[1]!.why).toMatch(/SkiaSharp\.NativeAssets\.Linux needs libfontconfig1/);
    expect(chosen.options[2]!.why).toMatch(/SkiaSharp\.NativeAssets\.Linux: libSkiaSharp linked against fontconfig/);
    expect(view.runtimePackages).toEqual({ apt: true, apk: false, packages: ['libfontconfig1'] });
  });

  it('SkiaSharp NoDependencies and SQLite need nothing: chiseled', () => {
    const p = project({ 'A.csproj': web({ TargetFramework: 'net10.0' }, { SkiaSharp: '3.116.1', 'SkiaSharp.NativeAssets.Linux.NoDependencies': '3.116.1', 'Microsoft.Data.Sqlite': '10.0.0' }), 'Program.cs': MINIMAL });
    const { plan: chosen, facts } = plan(p);
    expect(chosen.base).toBe('distroless');
    expect(facts.warnings.join('\n')).not.toMatch(/SkiaSharp alone/);
  });

  it('Playwright rules out chiseled and Alpine and says to use its own image', () => {
    const { plan: chosen, facts } = plan(project({ 'A.csproj': web({ TargetFramework: 'net10.0' }, { 'Microsoft.Playwright': '1.49.0' }), 'Program.cs': MINIMAL }));
    expect(chosen.base).toBe('slim');
    expect(facts.warnings.join('\n')).toMatch(/mcr\.microsoft\.com\/playwright\/dotnet/);
  });

  it('Grpc.Core (legacy C core) is glibc-only: alpine ruled out, with a warning to move to Grpc.Net', () => {
    const facts = detectDotnet(project({ 'A.csproj': web({ TargetFramework: 'net10.0' }, { 'Grpc.Core': '2.46.6' }), 'Program.cs': MINIMAL }), {});
    expect(assessDotnet(facts)[2]).toMatchObject({ possible: false });
    expect(facts.warnings.join('\n')).toMatch(/Grpc\.Net\.Client/);
  });

  it('System.Drawing.Common is warned about with its source', () => {
    const facts = detectDotnet(project({ 'A.csproj': web({ TargetFramework: 'net10.0' }, { 'System.Drawing.Common': '9.0.0' }), 'Program.cs': MINIMAL }), {});
    expect(facts.warnings.join('\n')).toMatch(/Windows-only since \.NET 6.*PlatformNotSupportedException.*learn\.microsoft\.com/);
  });
});

describe('dotnetView', () => {
  it('framework-dependent: a portable publish, no RID, the restore inputs copied first', () => {
    const { view } = plan(fixture('dotnet-solution-web-tests-lib'));
    expect(view.arch).toBe(false);
    expect(view.restore).toEqual(['dotnet', 'restore', 'src/Shop.Web/Shop.Web.csproj']);
    expect(view.publish).toEqual(['dotnet', 'publish', 'src/Shop.Web/Shop.Web.csproj', '-c', 'Release', '-o', '/app', '--no-restore']);
    expect(view.restoreCopies[0]).toEqual({ sources: ['Directory.Build.props', 'Directory.Packages.props', 'NuGet.config', 'global.json'], target: './' });
    expect(view.user).toBe('1654:1654');
  });

  it('native AOT on Alpine (on request): the Alpine SDK with clang, a linux-musl executable on runtime-deps alpine', () => {
    const { plan: chosen, view } = plan(fixture('dotnet-aot-console'), 'alpine');
    expect(chosen.builderImage).toBe('mcr.microsoft.com/dotnet/sdk:10.0-alpine');
    expect(chosen.runtimeImage).toBe('mcr.microsoft.com/dotnet/runtime-deps:10.0-alpine');
    expect(view.publish).toEqual(expect.arrayContaining(['--os', 'linux-musl']));
    expect(view.buildPackages).toEqual({ apt: false, apk: true, packages: ['build-base', 'clang', 'zlib-dev'] });
    expect(view.arch).toBe(true);
  });

  it('trimmed: --self-contained for the target architecture, on runtime-deps chiseled', () => {
    const { plan: chosen, view } = plan(fixture('dotnet-grpc-trimmed'));
    expect(chosen.runtimeImage).toBe('mcr.microsoft.com/dotnet/runtime-deps:8.0-noble-chiseled');
    expect(view.publish).toContain('--self-contained');
    expect(view.entrypoint).toEqual(['/app/Greeter']);
  });

  it('an exact SDK pin gets its own ARG; the runtime keeps DOTNET_VERSION', () => {
    const { view } = plan(fixture('dotnet-solution-two-web'), 'auto', 'Store.Api');
    expect(view.sdkArg).toEqual({ name: 'DOTNET_SDK_VERSION', value: '8.0.404' });
    expect(view.builderFrom).toBe('mcr.microsoft.com/dotnet/sdk:${DOTNET_SDK_VERSION}');
    expect(view.runtimeFrom).toBe('mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble-chiseled');
  });

  it('a multi-targeted project publishes the chosen framework with -f', () => {
    const { view } = plan(project({ 'A.csproj': web({ TargetFrameworks: 'net8.0;net10.0' }), 'Program.cs': MINIMAL }));
    expect(view.publish).toEqual(expect.arrayContaining(['-f', 'net10.0']));
  });
});

describe('the CLI over .NET projects', () => {
  it('--port moves ASP.NET Core through ASPNETCORE_HTTP_PORTS', async () => {
    const result = await run(writeProject({ 'A.csproj': web(), 'Program.cs': MINIMAL }), '--port', '5000');
    expect(result.code, result.stderr).toBe(0);
    expect(result.dockerfile).toMatch(/ENV ASPNETCORE_HTTP_PORTS="?5000"?\n/);
    expect(result.dockerfile).toMatch(/EXPOSE 5000\n/);
  });

  it('--port against a port fixed in code is refused, naming where', async () => {
    const result = await run(writeProject({ 'A.csproj': web(), 'Program.cs': 'b.WebHost.UseUrls("http://+:5000");\n' }), '--port', '8080');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/fixed at Program\.cs:1/);
  });

  it('a net7.0 project is refused with the known lines, not moved to .NET 8', async () => {
    const result = await run(writeProject({ 'A.csproj': web({ TargetFramework: 'net7.0' }), 'Program.cs': MINIMAL }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/\.NET 7\.0 \(A\.csproj TargetFramework net7\.0\) is not a version with images this tool knows; the known \.NET versions are 8\.0, 9\.0, 10\.0/);
  });

  it('two web projects without --main: exit 1 naming both', async () => {
    const result = await run(writeProject({ 'Shop/Shop.csproj': web(), 'Admin/Admin.csproj': web() }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Admin \(Admin\/Admin\.csproj\), Shop \(Shop\/Shop\.csproj\)/);
  });
});

describe('NuGet.config credentials', () => {
  const config = (value: string) => `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="company" value="https://pkgs.example.com/nuget/v3/index.json" />
  </packageSources>
  <packageSourceCredentials>
    <company>
      <add key="Username" value="build" />
      <add key="ClearTextPassword" value="${value}" />
    </company>
  </packageSourceCredentials>
</configuration>
`;

  it('a literal password is refused naming the line, without showing it', async () => {
    const result = await run(writeProject({ 'A.csproj': web(), 'Program.cs': MINIMAL, 'NuGet.config': config('s3cr3t-t0ken') }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/NuGet\.config:9 holds a literal ClearTextPassword for the package source "company"/);
    expect(result.stderr).not.toContain('s3cr3t-t0ken');
  });

  it('a %VARIABLE% reaches the restore only, as a BuildKit secret', async () => {
    const result = await run(writeProject({ 'A.csproj': web(), 'Program.cs': MINIMAL, 'NuGet.config': config('%NUGET_TOKEN%') }));
    expect(result.code, result.stderr).toBe(0);
    expect(result.dockerfile).toMatch(/^RUN --mount=type=cache,id=nuget,target=\/root\/\.nuget\/packages --mount=type=secret,id=NUGET_TOKEN,env=NUGET_TOKEN dotnet restore A\.csproj$/m);
    expect(result.dockerfile.match(/NUGET_TOKEN/g)).toHaveLength(2);
    expect(result.stderr).toMatch(/--secret id=NUGET_TOKEN,env=NUGET_TOKEN/);
  });
});

describe('publishes for one runtime identifier', () => {
  it('PublishSingleFile and PublishReadyToRun build for the target architecture even when framework-dependent', () => {
    const single = plan(project({ 'A.csproj': web({ TargetFramework: 'net10.0', PublishSingleFile: 'true' }), 'Program.cs': MINIMAL }));
    expect(single.view.arch).toBe(true);
    expect(single.view.entrypoint).toEqual(['/app/A']);
    expect(single.plan.runtimeImage).toBe('mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled');
    const r2r = plan(project({ 'A.csproj': web({ TargetFramework: 'net10.0', PublishReadyToRun: 'true' }), 'Program.cs': MINIMAL }));
    expect(r2r.view.arch).toBe(true);
    expect(r2r.view.entrypoint).toEqual(['dotnet', 'A.dll']);
  });

  it('appsettings.Production.json overrides appsettings.json for the port', () => {
    const { facts } = plan(project({ 'A.csproj': web(), 'Program.cs': MINIMAL, 'appsettings.json': '{ "urls": "http://+:5000" }', 'appsettings.Production.json': '{ "urls": "http://+:6000" }' }));
    expect(facts.port).toMatchObject({ value: 6000, source: 'appsettings.Production.json urls (http://+:6000)' });
  });
});

describe('--runtime-version against the target framework', () => {
  it('a newer runtime runs a framework-dependent app with DOTNET_ROLL_FORWARD=Major; an older one is refused', async () => {
    const dir = writeProject({ 'A.csproj': web({ TargetFramework: 'net8.0' }), 'Program.cs': MINIMAL });
    const newer = await run(dir, '--runtime-version', '10.0');
    expect(newer.code, newer.stderr).toBe(0);
    expect(newer.dockerfile).toMatch(/^ENV DOTNET_ROLL_FORWARD="?Major"?$/m);
    expect(newer.dockerfile).toMatch(/^ARG DOTNET_VERSION=10\.0$/m);
    const older = await run(writeProject({ 'A.csproj': web({ TargetFramework: 'net10.0' }), 'Program.cs': MINIMAL }), '--runtime-version', '8.0');
    expect(older.code).toBe(1);
    expect(older.stderr).toMatch(/A\.csproj TargetFramework net10\.0 cannot run on the \.NET 8\.0 runtime/);
  });
});

describe('an existing Dockerfile from the .NET 7 days', () => {
  it('EXPOSE 80 is followed, with a warning that says what a non-root port below 1024 needs', async () => {
    const result = await run(writeProject({ 'A.csproj': web(), 'Program.cs': MINIMAL, Dockerfile: 'FROM mcr.microsoft.com/dotnet/aspnet:6.0\nWORKDIR /app\nCOPY out .\nEXPOSE 80\nENTRYPOINT ["dotnet", "A.dll"]\n' }));
    expect(result.code, result.stderr).toBe(0);
    expect(result.dockerfile).toMatch(/^EXPOSE 80$/m);
    expect(result.stderr).toMatch(/Dockerfile exposes 80, the port of the \.NET 7 and older images.*--port 8080/);
  });
});
