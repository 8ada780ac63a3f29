import { describe, expect, it } from 'vitest';
import { ChoiceNeeded } from '../../../errors.js';
import { detectDotnet } from '../detect.js';
import { csproj, fixture, MINIMAL, project, web } from './helpers.js';

describe('detectDotnet: the deployable project', () => {
  it('a minimal API: port 8080 from ASPNETCORE_HTTP_PORTS, never launchSettings.json', () => {
    const facts = detectDotnet(fixture('dotnet-minimal-api'), {});
    expect(facts.framework.value).toBe('aspnetcore-minimal-api');
    expect(facts.runtime).toMatchObject({ constraint: '10.0', pinned: true });
    expect(facts.port.value).toBe(8080);
    expect(facts.portSetting).toMatchObject({ kind: 'env', env: { ASPNETCORE_HTTP_PORTS: '{port}' }, default: 8080 });
    expect(JSON.stringify(facts)).not.toContain('5123');
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['dotnet', 'TodoApi.dll'] });
    expect(facts.mode.value).toBe('framework-dependent');
    expect(facts.runtimeRepo).toBe('aspnet');
  });

  it('two web projects in a solution are a question naming both; --main answers it', () => {
    let error: unknown;
    try {
      detectDotnet(fixture('dotnet-solution-two-web'), {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ChoiceNeeded);
    expect((error as ChoiceNeeded).choices).toEqual(['Store.Admin', 'Store.Api']);
    expect((error as Error).message).toMatch(/Store\.Admin \(src\/Store\.Admin\/Store\.Admin\.csproj\), Store\.Api \(src\/Store\.Api\/Store\.Api\.csproj\).*--main/);
    const facts = detectDotnet(fixture('dotnet-solution-two-web'), { main: 'Store.Api' });
    expect(facts.projectFile).toBe('src/Store.Api/Store.Api.csproj');
    expect(facts.program).toEqual({ name: 'Store.Api', others: ['Store.Admin'] });
  });

  it('--main naming a class library is refused', () => {
    expect(() => detectDotnet(fixture('dotnet-solution-two-web'), { main: 'Store.Data' })).toThrow(/class library, which is not deployed/);
  });

  it('a solution with a web project, tests and a library: the web project, versions from Directory.Build.props and Directory.Packages.props', () => {
    const facts = detectDotnet(fixture('dotnet-solution-web-tests-lib'), {});
    expect(facts.projectFile).toBe('src/Shop.Web/Shop.Web.csproj');
    expect(facts.runtime.source).toBe('Directory.Build.props TargetFramework net9.0');
    expect(facts.framework.value).toBe('aspnetcore-razor-pages');
    // The test project is neither built nor restored; the library it references is.
    expect(facts.restoreFiles).toEqual(['Directory.Build.props', 'Directory.Packages.props', 'NuGet.config', 'global.json', 'src/Shop.Core/Shop.Core.csproj', 'src/Shop.Web/Shop.Web.csproj']);
    expect(facts.sdkTag).toMatchObject({ value: '9.0' });
    expect(facts.program?.others).toEqual([]);
  });

  it('central package versions reach the native-dependency report', () => {
    const facts = detectDotnet(project({
      'App.sln': 'Project("{x}") = "Api", "Api\\Api.csproj", "{y}"\nEndProject\n',
      'Directory.Packages.props': '<Project><ItemGroup><PackageVersion Include="Microsoft.Data.Sqlite" Version="9.0.1" /></ItemGroup></Project>',
      'Api/Api.csproj': web({ TargetFramework: 'net9.0' }).replace('</ItemGroup>', '    <PackageReference Include="Microsoft.Data.Sqlite" />\n  </ItemGroup>'),
      'Api/Program.cs': MINIMAL,
    }), {});
    expect(facts.nativeDependencies).toEqual([expect.objectContaining({ name: 'Microsoft.Data.Sqlite', version: '9.0.1', glibcOnly: false, source: 'Api/Api.csproj (version in Directory.Packages.props)' })]);
  });

  it('test projects (by package or IsTestProject), libraries and Aspire app hosts are never deployed', () => {
    const facts = detectDotnet(project({
      'src/Api/Api.csproj': web(),
      'src/Api/Program.cs': MINIMAL,
      'src/AppHost/AppHost.csproj': csproj('Aspire.AppHost.Sdk/9.1.0', { OutputType: 'Exe', TargetFramework: 'net10.0' }),
      'tests/Directory.Build.props': '<Project><PropertyGroup><IsTestProject>true</IsTestProject></PropertyGroup></Project>',
      'tests/Api.Specs/Api.Specs.csproj': csproj('Microsoft.NET.Sdk', { OutputType: 'Exe', TargetFramework: 'net10.0' }),
      'tests/Api.Tests/Api.Tests.csproj': csproj('Microsoft.NET.Sdk', { TargetFramework: 'net10.0' }, { xunit: '2.9.2' }),
    }), {});
    expect(facts.projectFile).toBe('src/Api/Api.csproj');
    expect(facts.warnings.join('\n')).toMatch(/AppHost\.csproj: an Aspire app host .* not deployed/);
  });

  it('one web project beside console tools wins, with a warning; only consoles is a question', () => {
    const facts = detectDotnet(project({
      'Api/Api.csproj': web(),
      'Api/Program.cs': MINIMAL,
      'Migrator/Migrator.csproj': csproj('Microsoft.NET.Sdk', { OutputType: 'Exe', TargetFramework: 'net10.0' }),
    }), {});
    expect(facts.projectFile).toBe('Api/Api.csproj');
    expect(facts.warnings.join('\n')).toMatch(/Api, the only web app, was chosen/);
    expect(() => detectDotnet(project({
      'A/A.csproj': csproj('Microsoft.NET.Sdk', { OutputType: 'Exe', TargetFramework: 'net10.0' }),
      'B/B.csproj': csproj('Microsoft.NET.Sdk.Worker', { TargetFramework: 'net10.0' }),
    }), {})).toThrow(ChoiceNeeded);
  });

  it('an existing Dockerfile that builds one of two web projects picks it', () => {
    const facts = detectDotnet(project({
      'Admin/Admin.csproj': web(),
      'Shop/Shop.csproj': web(),
      'Dockerfile': 'FROM mcr.microsoft.com/dotnet/aspnet:10.0\nCOPY out .\nENTRYPOINT ["dotnet", "Shop.dll"]\n',
    }), {});
    expect(facts.projectFile).toBe('Shop/Shop.csproj');
  });
});

describe('detectDotnet: target framework, publish mode, assembly', () => {
  it('a TargetFramework of .NET Framework, .NET Standard or Windows is refused naming the file', () => {
    expect(() => detectDotnet(project({ 'A.csproj': web({ TargetFramework: 'net48' }) }), {})).toThrow(/A\.csproj TargetFramework is "net48", which is not a \.NET \(Core\) target/);
    expect(() => detectDotnet(project({ 'A.csproj': web({ TargetFramework: 'net8.0-windows' }) }), {})).toThrow(/Windows-only target/);
    expect(() => detectDotnet(project({ 'A.csproj': web({}) }), {})).toThrow(/A\.csproj names no TargetFramework/);
  });

  it('net7.0 is the project\'s version as written (the shared check refuses it), never moved to a newer line', () => {
    const facts = detectDotnet(project({ 'A.csproj': web({ TargetFramework: 'net7.0' }) }), {});
    expect(facts.runtime).toEqual({ constraint: '7.0', pinned: true, source: 'A.csproj TargetFramework net7.0' });
  });

  it('several target frameworks: the newest with images, published with -f', () => {
    const facts = detectDotnet(project({ 'A.csproj': web({ TargetFrameworks: 'net8.0;net9.0;net7.0' }) }), {});
    expect(facts.runtime.constraint).toBe('9.0');
    expect(facts.targetFramework.value).toBe('net9.0');
    expect(facts.multiTarget).toBe(true);
  });

  it('properties resolve $(...) references; a Debug-only group is left out and a Release one applies', () => {
    const facts = detectDotnet(project({
      'Directory.Build.props': '<Project><PropertyGroup><NetVersion>net10.0</NetVersion></PropertyGroup></Project>',
      'Api.csproj': `<Project Sdk="Microsoft.NET.Sdk.Web">
  <PropertyGroup><TargetFramework>$(NetVersion)</TargetFramework><AssemblyName>$(MSBuildProjectName).Host</AssemblyName></PropertyGroup>
  <PropertyGroup Condition="'$(Configuration)' == 'Debug'"><PublishAot>true</PublishAot></PropertyGroup>
  <PropertyGroup Condition="'$(Configuration)' == 'Release'"><SelfContained>true</SelfContained></PropertyGroup>
</Project>`,
    }), {});
    expect(facts.runtime.constraint).toBe('10.0');
    expect(facts.assemblyName.value).toBe('Api.Host');
    expect(facts.mode.value).toBe('self-contained');
    expect(facts.start.value).toEqual({ kind: 'exec', argv: ['/app/Api.Host'] });
    expect(facts.runtimeRepo).toBe('runtime-deps');
  });

  it('PublishAot: a native executable; the project\'s own word, warned about what AOT breaks', () => {
    const aot = detectDotnet(fixture('dotnet-aot-console'), {});
    expect(aot.mode).toEqual({ value: 'aot', source: 'Releases.csproj PublishAot' });
    expect(aot.invariantGlobalization).toBe(true);
    expect(aot.start.value).toEqual({ kind: 'exec', argv: ['/app/Releases'] });
    const ef = detectDotnet(project({ 'A.csproj': web({ TargetFramework: 'net10.0', PublishAot: 'true' }, { 'Microsoft.EntityFrameworkCore.Sqlite': '10.0.0' }) }), {});
    expect(ef.mode.value).toBe('aot');
    expect(ef.warnings.join('\n')).toMatch(/asks for native AOT, but Microsoft\.EntityFrameworkCore\.Sqlite: EF Core is not trim- or AOT-compatible/);
  });

  it('MVC with SQL Server: ICU needed, AOT and trimming blocked, reasons sourced', () => {
    const facts = detectDotnet(fixture('dotnet-mvc-sqlclient'), {});
    expect(facts.framework).toEqual({ value: 'aspnetcore-mvc', source: 'Program.cs:4 AddControllersWithViews' });
    expect(facts.assemblyName.value).toBe('Contoso.Portal');
    expect(facts.globalization).toEqual([expect.stringMatching(/^Microsoft\.EntityFrameworkCore\.SqlServer needs ICU/)]);
    expect(facts.aotBlockers.map((b) => b.split(':')[0])).toEqual(['Microsoft.EntityFrameworkCore.SqlServer', 'Newtonsoft.Json', 'aspnetcore-mvc is not supported by native AOT or trimming (https']);
  });

  it('globalization code (time zones, cultures) counts; InvariantGlobalization=true is the project\'s word', () => {
    const files = { 'Program.cs': `${MINIMAL}\nvar tz = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");\n` };
    expect(detectDotnet(project({ 'A.csproj': web(), ...files }), {}).globalization).toEqual(['Program.cs:5 calls FindSystemTimeZoneById, which needs time-zone data']);
    const invariant = detectDotnet(project({ 'A.csproj': web({ TargetFramework: 'net10.0', InvariantGlobalization: 'true' }), ...files }), {});
    expect(invariant.invariantGlobalization).toBe(true);
    expect(invariant.warnings.join('\n')).toMatch(/sets InvariantGlobalization, but Program\.cs:5/);
  });

  it('an AssemblyName that is no file name is refused naming the project file', () => {
    expect(() => detectDotnet(project({ 'A.csproj': web({ TargetFramework: 'net10.0', AssemblyName: 'a b;c' }) }), {})).toThrow(/A\.csproj AssemblyName "a b;c" is not a file name/);
  });

  it('a worker serves no port and runs on the runtime image; a library referencing ASP.NET Core moves it to aspnet', () => {
    const worker = detectDotnet(fixture('dotnet-worker'), {});
    expect(worker).toMatchObject({ kind: 'worker', framework: { value: 'worker' }, port: { value: null }, runtimeRepo: 'runtime' });
    const shared = detectDotnet(project({
      'Worker/Worker.csproj': csproj('Microsoft.NET.Sdk.Worker', { TargetFramework: 'net10.0' }, {}, '  <ItemGroup><ProjectReference Include="..\\Defaults\\Defaults.csproj" /></ItemGroup>\n'),
      'Defaults/Defaults.csproj': csproj('Microsoft.NET.Sdk', { TargetFramework: 'net10.0' }, {}, '  <ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup>\n'),
    }), {});
    expect(shared.runtimeRepo).toBe('aspnet');
  });

  it('a ProjectReference outside the folder or missing is named', () => {
    expect(() => detectDotnet(project({ 'Api/Api.csproj': web({ TargetFramework: 'net10.0' }, {}, '  <ItemGroup><ProjectReference Include="..\\Core\\Core.csproj" /></ItemGroup>\n') }), {})).toThrow(/Api\/Api\.csproj references \.\.\/Core\/Core\.csproj, which is not in the project/);
  });

  it('a publish step that runs npm gets Node.js in the builder, with a warning', () => {
    const facts = detectDotnet(project({ 'A.csproj': web({ TargetFramework: 'net10.0' }, {}, '  <Target Name="Spa" AfterTargets="ComputeFilesToPublish"><Exec WorkingDirectory="ClientApp" Command="npm install" /></Target>\n') }), {});
    expect(facts.builderPackages).toEqual(['nodejs', 'npm']);
    expect(facts.warnings.join('\n')).toMatch(/runs "npm install"/);
  });
});

describe('detectDotnet: global.json', () => {
  const files = (sdk: object) => ({ 'A.csproj': web({ TargetFramework: 'net8.0' }), 'global.json': JSON.stringify({ sdk }) });
  it.each([
    [{ version: '8.0.404' }, '8.0.404'],
    [{ version: '8.0.404', rollForward: 'latestPatch' }, '8.0.404'],
    [{ version: '8.0.100', rollForward: 'latestFeature' }, '8.0'],
    [{ version: '10.0.100', rollForward: 'latestMajor' }, '10.0'],
  ])('%j builds on sdk:%s', (sdk, tag) => {
    expect(detectDotnet(project(files(sdk)), {}).sdkTag?.value).toBe(tag);
  });

  it('an SDK older than the target framework is refused naming both', () => {
    expect(() => detectDotnet(project({ ...files({ version: '8.0.404' }), 'A.csproj': web({ TargetFramework: 'net9.0' }) }), {})).toThrow(/global\.json pins SDK 8\.0\.404, which cannot build for \.NET 9\.0/);
  });
});

describe('detectDotnet: port', () => {
  const app = (program: string, extra: Record<string, string> = {}) => detectDotnet(project({ 'A.csproj': web(), 'Program.cs': program, ...extra }), {});

  it('UseUrls, app.Run(url) and ListenAnyIP with a literal are fixed at file:line', () => {
    expect(app('var b = WebApplication.CreateBuilder(args);\nb.WebHost.UseUrls("http://*:5000");\n')).toMatchObject({ port: { value: 5000 }, portSetting: { kind: 'fixed', where: 'Program.cs:2' } });
    expect(app('var app = WebApplication.Create(args);\napp.Run("http://0.0.0.0:7000");\n')).toMatchObject({ port: { value: 7000 }, portSetting: { kind: 'fixed' } });
    expect(app('b.WebHost.ConfigureKestrel(o => o.ListenAnyIP(5050));\n')).toMatchObject({ port: { value: 5050 }, portSetting: { kind: 'fixed' } });
  });

  it('localhost-only listening is refused: it would not answer from outside the container', () => {
    expect(() => app('app.Run("http://localhost:5000");\n')).toThrow(/only answers inside the container/);
    expect(() => app('o.ListenLocalhost(5000);\n')).toThrow(/Use ListenAnyIP\(5000\)/);
  });

  it('appsettings.json Kestrel endpoints and urls (with comments) are fixed there', () => {
    expect(app(MINIMAL, { 'appsettings.json': '{\n  // comments are allowed\n  "Kestrel": { "Endpoints": { "Http": { "Url": "http://+:9000" } } }\n}\n' }))
      .toMatchObject({ port: { value: 9000 }, portSetting: { kind: 'fixed', where: 'appsettings.json Kestrel:Endpoints:Http:Url (http://+:9000)' } });
    expect(app(MINIMAL, { 'appsettings.json': '{ "urls": "http://*:6000;https://*:6001" }' })).toMatchObject({ port: { value: 6000 } });
  });
});

describe('detectDotnet: a console app hosting ASP.NET Core', () => {
  it('listens like a web app when it references Microsoft.AspNetCore.App and builds a WebApplication', () => {
    const facts = detectDotnet(project({
      'Host.csproj': csproj('Microsoft.NET.Sdk', { OutputType: 'Exe', TargetFramework: 'net10.0' }, {}, '  <ItemGroup><FrameworkReference Include="Microsoft.AspNetCore.App" /></ItemGroup>\n'),
      'Program.cs': 'var app = WebApplication.Create(args);\napp.MapGet("/", () => "ok");\napp.Run();\n',
    }), {});
    expect(facts).toMatchObject({ kind: 'console', runtimeRepo: 'aspnet', port: { value: 8080 } });
  });
});

describe('detectDotnet: run inside one project of a larger solution', () => {
  it('a PackageReference without a Version and no Directory.Packages.props in reach is refused, pointing at the solution folder', () => {
    expect(() => detectDotnet(project({ 'Api.csproj': web({ TargetFramework: 'net10.0' }).replace('</ItemGroup>', '    <PackageReference Include="Npgsql" />\n  </ItemGroup>') }), {}))
      .toThrow(/Api\.csproj references Npgsql without a Version, and no Directory\.Packages\.props .* run the tool in the solution's folder/);
  });

  it('a project that names its container image (ContainerRepository) is the one deployed; IsPublishable false and xunit.v3 variants never are', () => {
    const facts = detectDotnet(project({
      'Admin/Admin.csproj': web(),
      'Shop/Shop.csproj': web({ TargetFramework: 'net10.0', ContainerRepository: 'shop' }),
      'Tests/Tests.csproj': csproj('Microsoft.NET.Sdk.Web', { TargetFramework: 'net10.0', OutputType: 'Exe' }, { 'xunit.v3.mtp-v2': '3.2.0' }),
      'Tool/Tool.csproj': csproj('Microsoft.NET.Sdk', { TargetFramework: 'net10.0', OutputType: 'Exe', IsPublishable: 'false' }),
      'Mobile/Mobile.csproj': csproj('Microsoft.NET.Sdk', { TargetFrameworks: 'net10.0-android;net10.0-ios', OutputType: 'Exe', UseMaui: 'true' }),
    }), {});
    expect(facts.projectFile).toBe('Shop/Shop.csproj');
    expect(facts.program?.others).toEqual(['Admin']);
  });
});
