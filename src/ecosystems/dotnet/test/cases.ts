// .NET's data for the cross-ecosystem suites (the type and what each part is for: test/ecosystem-cases.ts).
import { type EcosystemCases, folder, moveDir, put, q, randomTree, replace, xml } from '../../../../test/ecosystem-cases.js';

const csproj = (tfm: string, extra = '') =>
  `<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>${tfm}</TargetFramework>${extra}\n  </PropertyGroup>\n</Project>\n`;

export const cases: EcosystemCases = {
  language: 'dotnet',
  // The markers are patterns; a file literally named "*.csproj" is a project file by its extension.
  manifest: '*.csproj',
  project: {
    'App.csproj': csproj('net10.0'),
    'Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/", () => "ok");\napp.Run();\n',
  },
  fixture: 'dotnet-minimal-api',
  ignored: ['bin/Release/net10.0/App.dll', 'obj/project.assets.json', 'src/Api/obj/project.assets.json', '.vs/config', 'App.csproj.user'],
  sources: ['Program.cs', 'App.csproj', 'src/Api/Api.fsproj'],
  hostile: [
    { field: 'csproj AssemblyName', fixture: 'dotnet-minimal-api', file: 'TodoApi.csproj', benign: 'Todo.Api', edits: (v) => ({ 'TodoApi.csproj': replace('<Nullable>enable</Nullable>', `<Nullable>enable</Nullable>\n    <AssemblyName>${xml(v)}</AssemblyName>`) }) },
    { field: 'csproj TargetFramework', fixture: 'dotnet-minimal-api', file: 'TodoApi.csproj', benign: 'net9.0', edits: (v) => ({ 'TodoApi.csproj': replace('<TargetFramework>net10.0</TargetFramework>', `<TargetFramework>${xml(v)}</TargetFramework>`) }) },
    { field: 'Directory.Build.props TargetFramework', fixture: 'dotnet-solution-web-tests-lib', file: /Directory\.Build\.props/, benign: 'net8.0', edits: (v) => ({ 'Directory.Build.props': replace('<TargetFramework>net9.0</TargetFramework>', `<TargetFramework>${xml(v)}</TargetFramework>`) }) },
    { field: 'global.json sdk.version', fixture: 'dotnet-solution-two-web', file: 'global.json', benign: '8.0.100', args: ['--main', 'Store.Api'], edits: (v) => ({ 'global.json': `{ "sdk": { "version": ${q(v)} } }\n` }) },
    { field: 'appsettings.json urls port', fixture: 'dotnet-minimal-api', file: /appsettings\.json/, benign: '5000', port: true, edits: (v) => ({ 'appsettings.json': `{ "urls": ${q(`http://+:${v}`)} }\n` }) },
    { field: 'project folder name', path: (v) => folder(v), fixture: 'dotnet-solution-web-tests-lib', file: /Shop\.slnx|Shop\.Web/, benign: 'Storefront', edits: (v) => ({ 'Shop.slnx': replace('src/Shop.Web/Shop.Web.csproj', xml(`src/${folder(v)}/Shop.Web.csproj`)), ...moveDir('dotnet-solution-web-tests-lib', 'src/Shop.Web', `src/${folder(v)}`) }) },
  ],
  variablePaths: [
    // COPY expands variables even in JSON form: src/Shop$HOME/ would copy src/Shop/.
    { what: 'a project folder', fixture: 'dotnet-solution-web-tests-lib', edits: { 'Shop.slnx': replace('src/Shop.Web/Shop.Web.csproj', 'src/Shop$HOME/Shop.Web.csproj'), ...moveDir('dotnet-solution-web-tests-lib', 'src/Shop.Web', 'src/Shop$HOME') }, args: [], names: /src\/Shop\$HOME/ },
  ],
  malformed: [
    { what: 'csproj (unclosed tag)', fixture: 'dotnet-minimal-api', edits: { 'TodoApi.csproj': '<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net10.0</TargetFramework>\n</Project>\n' }, message: /TodoApi\.csproj is not well-formed XML \(line \d+\)/ },
    { what: 'csproj (not MSBuild)', fixture: 'dotnet-minimal-api', edits: { 'TodoApi.csproj': '<configuration/>\n' }, message: /TodoApi\.csproj has no <Project> element/ },
    { what: 'slnx (unclosed tag)', fixture: 'dotnet-solution-web-tests-lib', edits: { 'Shop.slnx': '<Solution>\n  <Folder Name="/src/">\n</Solution>\n' }, message: /Shop\.slnx is not well-formed XML \(line \d+\)/ },
    { what: 'global.json', fixture: 'dotnet-solution-two-web', args: ['--main', 'Store.Api'], edits: { 'global.json': '{ "sdk": { "version": "8.0.404" }\n' }, message: /global\.json is not valid JSON/ },
    { what: 'appsettings.json', fixture: 'dotnet-minimal-api', edits: { 'appsettings.json': '{ "Logging": {\n' }, message: /appsettings\.json is not valid JSON/ },
    { what: 'NuGet.config (unclosed tag)', fixture: 'dotnet-solution-web-tests-lib', edits: { 'NuGet.config': '<configuration>\n  <packageSources>\n</configuration>\n' }, message: /NuGet\.config is not well-formed XML \(line \d+\)/ },
    { what: 'Directory.Build.props (unclosed tag)', fixture: 'dotnet-solution-web-tests-lib', edits: { 'Directory.Build.props': '<Project>\n  <PropertyGroup>\n</Project>\n' }, message: /Directory\.Build\.props is not well-formed XML \(line \d+\)/ },
  ],
  textFiles: [
    { what: 'Program.cs', fixture: 'dotnet-minimal-api', edits: { 'Program.cs': '\u0001 UseUrls("http://+:99999999") ListenAnyIP(0 Listen( AddControllersWithViews' } },
    { what: 'Store.sln', fixture: 'dotnet-solution-two-web', edits: { 'Store.sln': 'Project("{x}") = "a", "\u0001", "b"\nProject(\n' } },
  ],
  randomTree: randomTree({
    benign: { tfm: 'net10.0', assembly: 'App', port: '5000' },
    structural: ['tfm'],
    optional: ['AssemblyName', 'appsettings.json', 'global.json'],
    tree: (v, m, g) => {
      const assembly = m.AssemblyName === 'template' ? `\n    <AssemblyName>${xml(v.assembly)}</AssemblyName>` : m.AssemblyName === 'garbage' ? `\n    <AssemblyName>${xml(g)}</AssemblyName>` : '';
      const files: Record<string, string> = {
        'App.csproj': csproj(xml(v.tfm), assembly),
        'Program.cs': 'var app = WebApplication.CreateBuilder(args).Build();\napp.MapGet("/", () => "ok");\napp.Run();\n',
      };
      put(files, 'appsettings.json', m['appsettings.json']!, `{ "urls": ${q(`http://+:${v.port}`)} }\n`, g);
      put(files, 'global.json', m['global.json']!, '{ "sdk": { "version": "10.0.100", "rollForward": "latestFeature" } }\n', g);
      return files;
    },
  }),
  e2eUnavailable: 'no .NET SDK or runtime image can be built here (no NuGet, no Microsoft package feed, no .NET stand-in images); README ".NET" says so',
  e2e: [
  ],
};
