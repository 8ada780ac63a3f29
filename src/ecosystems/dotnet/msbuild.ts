// Reading MSBuild files (project files, Directory.Build.props, Directory.Packages.props) with a
// real XML parser: properties, package references, project references and the SDK. MSBuild's own
// evaluation is not reproduced: unconditional properties, plus those conditioned on the Release
// configuration (what `dotnet publish -c Release` evaluates), with $(Name) references resolved
// from properties read so far. https://learn.microsoft.com/en-us/visualstudio/msbuild/property-functions
import type { Project } from '../../project.js';
import { shorten } from '../../project.js';
import { UserError } from '../../errors.js';
import { xml } from '../../lazy.js';

type Xml = Record<string, unknown>;

export interface MsbuildFile {
  path: string;
  /** The SDK from <Project Sdk="..."> or <Sdk Name="..."/>, version stripped ("Microsoft.NET.Sdk.Web"). */
  sdk: string | null;
  properties: Map<string, string>;
  /** PackageReference Include -> Version (or null: central versions); build-time-only ones (PrivateAssets all) are left out. */
  packages: Map<string, string | null>;
  /** PackageVersion Include -> Version (Directory.Packages.props). */
  packageVersions: Map<string, string>;
  /** ProjectReference paths, as written (backslashes turned to slashes). */
  projectReferences: string[];
  frameworkReferences: string[];
  /** Commands of <Exec> tasks (a publish step that runs npm). */
  execCommands: string[];
}

const LISTS = new Set(['PropertyGroup', 'ItemGroup', 'PackageReference', 'PackageVersion', 'ProjectReference', 'FrameworkReference', 'Target', 'Exec', 'Sdk', 'Import']);

export function parseMsbuild(project: Project, path: string): MsbuildFile {
  const text = project.readText(path);
  if (text === null) throw new UserError(`${shorten(path)} cannot be read. Check the path and run again.`);
  checkWellFormed(path, text);
  const parser = new (xml().XMLParser)({
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseTagValue: false,
    parseAttributeValue: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    commentPropName: false,
    processEntities: true,
    trimValues: true,
    isArray: (name) => LISTS.has(name),
  });
  let doc: Xml;
  try {
    // fast-xml-parser stops at 100 nested elements by default, so a hostile document costs little.
    doc = parser.parse(text.replace(/^\uFEFF/, '')) as Xml;
  } catch (error) {
    throw new UserError(`${shorten(path)} is not valid XML (${shorten(String((error as Error).message ?? error), 160)}). Fix the file and run again.`);
  }
  const root = asXml(doc.Project);
  if (root === null) throw new UserError(`${shorten(path)} has no <Project> element, so it is not an MSBuild file. Fix the file and run again.`);
  const file: MsbuildFile = {
    path, sdk: sdkOf(root), properties: new Map(), packages: new Map(), packageVersions: new Map(),
    projectReferences: [], frameworkReferences: [], execCommands: [],
  };
  for (const group of list(root.PropertyGroup)) {
    if (!applies(group)) continue;
    for (const [name, value] of Object.entries(group)) {
      if (name.startsWith('@')) continue;
      const values = Array.isArray(value) ? value : [value];
      for (const v of values) {
        if (v !== null && typeof v === 'object' && !applies(v as Xml)) continue;
        const textValue = textOf(v);
        if (textValue !== null) file.properties.set(name, textValue);
      }
    }
  }
  for (const group of list(root.ItemGroup)) {
    if (!applies(group)) continue;
    for (const item of list(group.PackageReference)) {
      if (!applies(item)) continue;
      const id = attr(item, 'Include') ?? attr(item, 'Update');
      if (id === null) continue;
      // PrivateAssets="all": an analyzer or design-time tool (EF Core Design), not published with the app.
      if ((attr(item, 'PrivateAssets') ?? textOf(item.PrivateAssets) ?? '').toLowerCase() === 'all') continue;
      file.packages.set(id, attr(item, 'Version') ?? attr(item, 'VersionOverride') ?? textOf(item.Version));
    }
    for (const item of list(group.PackageVersion)) {
      const id = attr(item, 'Include');
      const version = attr(item, 'Version') ?? textOf(item.Version);
      if (id !== null && version !== null) file.packageVersions.set(id, version);
    }
    for (const item of list(group.ProjectReference)) {
      const ref = attr(item, 'Include');
      if (ref !== null && applies(item)) file.projectReferences.push(ref.replaceAll('\\', '/'));
    }
    for (const item of list(group.FrameworkReference)) {
      const ref = attr(item, 'Include');
      if (ref !== null) file.frameworkReferences.push(ref);
    }
  }
  for (const target of list(root.Target)) {
    for (const exec of list(target.Exec)) {
      const command = attr(exec, 'Command');
      if (command !== null) file.execCommands.push(command);
    }
  }
  return file;
}

/** fast-xml-parser's parser accepts broken XML; its validator names the line. */
export function checkWellFormed(path: string, text: string): void {
  const valid = xml().XMLValidator.validate(text.replace(/^\uFEFF/, ''));
  if (valid !== true) {
    throw new UserError(`${shorten(path)} is not well-formed XML (line ${valid.err.line}): ${shorten(valid.err.msg, 160)} Fix the file and run again.`);
  }
}

function asXml(value: unknown): Xml | null {
  if (Array.isArray(value)) return asXml(value[0]);
  return value !== null && typeof value === 'object' ? (value as Xml) : value === '' ? {} : null;
}

function list(value: unknown): Xml[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values.map((v) => (v !== null && typeof v === 'object' ? (v as Xml) : {}));
}

function attr(node: Xml, name: string): string | null {
  const value = node[`@${name}`];
  return typeof value === 'string' ? value.trim() : null;
}

function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (value !== null && typeof value === 'object') {
    const text = (value as Xml)['#text'];
    return typeof text === 'string' ? text.trim() : null;
  }
  return null;
}

/**
 * Does an element with a Condition apply to `dotnet publish -c Release` on Linux? Unconditional
 * elements do; a condition on the configuration applies when it names Release; any other
 * condition is not evaluated and the element is left out.
 */
function applies(node: Xml): boolean {
  const condition = attr(node, 'Condition');
  if (condition === null || condition === '') return true;
  if (!condition.includes('$(Configuration)')) return false;
  return condition.includes("'Release'") && !condition.includes('!=');
}

function sdkOf(root: Xml): string | null {
  const fromAttr = attr(root, 'Sdk');
  const fromElement = list(root.Sdk).map((s) => attr(s, 'Name')).find((n) => n !== null) ?? null;
  const fromImport = list(root.Import).map((s) => attr(s, 'Sdk')).find((n) => n !== null) ?? null;
  const sdk = fromAttr ?? fromElement ?? fromImport;
  if (sdk === null) return null;
  // "Aspire.AppHost.Sdk/13.4.6" and "Microsoft.NET.Sdk;Other.Sdk": the first SDK, without its version.
  return sdk.split(';')[0]!.split('/')[0]!.trim();
}

/** $(Name) references in `value` replaced from `properties`; null when one is unknown. */
export function resolveProperties(value: string, properties: ReadonlyMap<string, string>): string | null {
  let unknown = false;
  const resolved = value.replace(/\$\(([A-Za-z_][\w.-]{0,100})\)/g, (_, name: string) => {
    const hit = [...properties.entries()].find(([k]) => k.toLowerCase() === name.toLowerCase());
    if (hit === undefined) {
      unknown = true;
      return '';
    }
    return hit[1];
  });
  return unknown ? null : resolved;
}

/** A property, case-insensitively (MSBuild property names are). */
export function property(properties: ReadonlyMap<string, string>, name: string): string | null {
  const lower = name.toLowerCase();
  for (const [k, v] of properties) if (k.toLowerCase() === lower) return v;
  return null;
}

export function isTrue(value: string | null): boolean {
  return value !== null && value.trim().toLowerCase() === 'true';
}
