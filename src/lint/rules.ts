// BuildKit's build checks (https://docs.docker.com/reference/build-checks/), the ones that can be
// judged from the Dockerfile and its .dockerignore alone, as one table: each rule with its
// documentation page and a check written after BuildKit's own (moby/buildkit
// frontend/dockerfile/linter/ruleset.go, dockerfile2llb/validations.go and convert.go,
// instructions/parse.go). `docker build --check` runs them; no engine runs here, so the golden
// test runs this over every generated Dockerfile, and every generation runs it to warn when a
// template override or an addition produces a Dockerfile that breaks one.
//
// Left out: InvalidBaseImagePlatform (https://docs.docker.com/reference/build-checks/invalid-base-image-platform/)
// compares the platform of the pulled base image with the target's, which needs the image.
import { ignoreMatcher, cleanPath, type IgnorePattern } from './dockerignore.js';
import { jsonArray, splitWords, takeFlags, unquote, type Instruction, type ParsedDockerfile } from './parse.js';

export interface Finding {
  rule: string;
  /** 1-based line of the Dockerfile. */
  line: number;
  message: string;
  url: string;
}

export interface LintInput {
  dockerfile: ParsedDockerfile;
  /** The .dockerignore patterns of the build context, or null when there is none. */
  dockerignore: IgnorePattern[] | null;
}

export interface Rule {
  name: string;
  /** The rule's page in Docker's build-checks reference. */
  url: string;
  /** Off by default in BuildKit (enabled with `# check=experimental=...`). */
  experimental?: boolean;
  check(input: LintInput, model: Model): Array<{ line: number; message: string }>;
}

const DOCS = 'https://docs.docker.com/reference/build-checks/';

/** Automatic platform arguments, usable in FROM without a global ARG (https://docs.docker.com/reference/dockerfile/#automatic-platform-args-in-the-global-scope). */
const PLATFORM_ARGS = ['BUILDPLATFORM', 'BUILDOS', 'BUILDARCH', 'BUILDVARIANT', 'TARGETPLATFORM', 'TARGETOS', 'TARGETOSVERSION', 'TARGETARCH', 'TARGETVARIANT'];

/**
 * Environment the base images set that a Dockerfile may read without declaring it: BuildKit
 * reads it from the pulled image's config, which this check has not got. PATH is set by every
 * official and distroless image (and by BuildKit for scratch,
 * https://github.com/moby/buildkit/blob/master/util/system/path.go).
 */
const IMAGE_ENV = ['PATH'];

/** Words BuildKit refuses as stage names (https://docs.docker.com/reference/build-checks/reserved-stage-name/). */
const RESERVED_STAGE_NAMES = ['context', 'scratch'];

// SecretsUsedInArgOrEnv: a key whose first or last `_`-separated word (or the whole key) is one
// of these, unless one of the allowed words is too (validations.go getSecretsRegex). `file` and
// `version` are allowed since BuildKit of 2026-01-30 (commit 091d0c51c); older engines still warn
// about KEY_FILE, so the templates use no key that needs them.
const SECRET_WORDS = ['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token'];
const SECRET_ALLOWED = ['public', 'file', 'version'];

/** One build stage, as the checks need it. */
export interface Stage {
  from: Instruction;
  /** FROM's flags (--platform). */
  flags: Array<{ name: string; value: string | null }>;
  /** The image or stage it starts from, as written. */
  base: string;
  /** Its name after AS, as written, or null. */
  name: string | null;
  /** The AS keyword as written, or null. */
  as: string | null;
  instructions: Instruction[];
}

export interface Model {
  /** ARG instructions before the first FROM. */
  globalArgs: Instruction[];
  stages: Stage[];
  escape: string;
}

export function buildModel(parsed: ParsedDockerfile): Model {
  const globalArgs: Instruction[] = [];
  const stages: Stage[] = [];
  for (const instruction of parsed.instructions) {
    if (instruction.name === 'FROM') {
      const { flags, rest } = takeFlags(splitWords(instruction.args, parsed.escape));
      const hasAs = rest.length === 3 && rest[1]!.toLowerCase() === 'as';
      stages.push({ from: instruction, flags, base: rest[0] ?? '', name: hasAs ? rest[2]! : null, as: hasAs ? rest[1]! : null, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction.name === 'ARG') globalArgs.push(instruction);
    } else {
      stages[stages.length - 1]!.instructions.push(instruction);
    }
  }
  return { globalArgs, stages, escape: parsed.escape };
}

/** `KEY=value` pairs of ENV, LABEL and ARG; `legacy` for the whitespace-separated form (`ENV KEY value`). */
export function keyValues(instruction: Instruction, escape: string): { pairs: Array<{ key: string; value: string | null }>; legacy: boolean } {
  const words = splitWords(instruction.args, escape);
  if (instruction.name !== 'ARG' && words.length > 0 && !words[0]!.includes('=')) {
    return { pairs: [{ key: unquote(words[0]!, escape), value: words.slice(1).join(' ') }], legacy: true };
  }
  return {
    pairs: words.map((word) => {
      const eq = word.indexOf('=');
      return eq < 0 ? { key: unquote(word, escape), value: null } : { key: unquote(word.slice(0, eq), escape), value: word.slice(eq + 1) };
    }),
    legacy: false,
  };
}

const isNameStart = (c: string | undefined) => c !== undefined && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c === '_');
const isNameChar = (c: string | undefined) => isNameStart(c) || (c !== undefined && c >= '0' && c <= '9');

/**
 * The variables a word expands, the way BuildKit's shell lexer reads it (frontend/dockerfile/
 * shell/lex.go): `$NAME`, `${NAME}` and `${NAME<modifier>word}` with variables inside the word;
 * nothing inside single quotes; the escape character makes the next one literal.
 */
export function variablesIn(word: string, escape = '\\'): string[] {
  const found: string[] = [];
  let quote = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (c === escape) {
      i++;
    } else if (quote === "'") {
      if (c === "'") quote = '';
    } else if (c === "'" && quote === '') {
      quote = "'";
    } else if (c === '"') {
      quote = quote === '"' ? '' : '"';
    } else if (c === '$') {
      if (word[i + 1] === '{') {
        let j = i + 2;
        let name = '';
        while (isNameChar(word[j])) name += word[j++];
        if (name !== '') found.push(name);
        // The modifier's word (`:-default`) may hold variables too; find its closing brace.
        let depth = 1;
        const start = j;
        while (j < word.length && depth > 0) {
          if (word[j] === escape) j++;
          else if (word[j] === '{') depth++;
          else if (word[j] === '}') depth--;
          j++;
        }
        found.push(...variablesIn(word.slice(start, Math.max(start, j - 1)), escape));
        i = j - 1;
      } else if (isNameStart(word[i + 1])) {
        let j = i + 1;
        let name = '';
        while (isNameChar(word[j])) name += word[j++];
        found.push(name);
        i = j - 1;
      }
    }
  }
  return found;
}

/** Expands `$NAME`, `${NAME}`, `${NAME:-word}`, `${NAME-word}`, `${NAME:+word}` with the given values (unset is empty). */
export function expand(word: string, values: Map<string, string>): string {
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word[i]!;
    if (c !== '$') {
      out += c;
      continue;
    }
    if (word[i + 1] === '{') {
      let j = i + 2;
      let name = '';
      while (isNameChar(word[j])) name += word[j++];
      const close = word.indexOf('}', j);
      if (close < 0) return out + word.slice(i);
      const modifier = word.slice(j, close);
      const value = values.get(name);
      const nullIsUnset = modifier.startsWith(':');
      const op = nullIsUnset ? modifier.slice(1, 2) : modifier.slice(0, 1);
      const arg = nullIsUnset ? modifier.slice(2) : modifier.slice(1);
      const unset = value === undefined || (nullIsUnset && value === '');
      if (op === '-') out += unset ? expand(arg, values) : value;
      else if (op === '+') out += unset ? '' : expand(arg, values);
      else out += value ?? '';
      i = close;
    } else if (isNameStart(word[i + 1])) {
      let j = i + 1;
      let name = '';
      while (isNameChar(word[j])) name += word[j++];
      out += values.get(name) ?? '';
      i = j - 1;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Whether a name is a valid image reference after Docker's normalization (distribution/reference
 * ParseNormalizedNamed): lowercase path components of [a-z0-9] joined by `.`, `_`, `__` or `-`,
 * an optional registry host (with port) first, an optional tag ([A-Za-z0-9_][A-Za-z0-9_.-]{0,127})
 * and digest (algorithm:hex).
 */
export function validImageReference(reference: string): boolean {
  if (reference === '') return false;
  let rest = reference;
  const at = rest.indexOf('@');
  if (at >= 0) {
    const digest = rest.slice(at + 1);
    const colon = digest.indexOf(':');
    if (colon <= 0 || colon === digest.length - 1) return false;
    for (const ch of digest.slice(colon + 1)) if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F'))) return false;
    rest = rest.slice(0, at);
  }
  const slash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > slash) {
    const tag = rest.slice(colon + 1);
    if (tag === '' || tag.length > 128 || !/^[A-Za-z0-9_]/.test(tag)) return false;
    for (const ch of tag) if (!(isNameChar(ch) || ch === '.' || ch === '-')) return false;
    rest = rest.slice(0, colon);
  }
  const parts = rest.split('/');
  // A first part with a dot or colon, or "localhost", is a registry host.
  if (parts.length > 1 && (parts[0]!.includes('.') || parts[0]!.includes(':') || parts[0] === 'localhost')) {
    const host = parts.shift()!;
    for (const ch of host) if (!(isNameChar(ch) || ch === '.' || ch === '-' || ch === ':' || ch === '[' || ch === ']')) return false;
  }
  return parts.every((part) => {
    if (part === '') return false;
    const lower = (ch: string) => (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
    if (!lower(part[0]!) || !lower(part[part.length - 1]!)) return false;
    let run = '';
    for (const ch of part) {
      if (lower(ch)) {
        if (run !== '' && run !== '.' && run !== '_' && run !== '__' && !/^-+$/.test(run)) return false;
        run = '';
      } else if (ch === '.' || ch === '_' || ch === '-') {
        run += ch;
      } else {
        return false;
      }
    }
    return true;
  });
}

const isLower = (text: string) => text === text.toLowerCase();
const isUpper = (text: string) => text === text.toUpperCase();

function secretKey(key: string): boolean {
  const words = key.toLowerCase().split('_');
  const edges = [key.toLowerCase(), words[0]!, words[words.length - 1]!];
  const mentions = (list: string[]) => edges.some((edge) => list.includes(edge));
  return mentions(SECRET_WORDS) && !mentions(SECRET_ALLOWED);
}

/** Sources of a COPY/ADD that reads the build context (not --from), with their flags. */
function contextSources(instruction: Instruction, escape: string): string[] | null {
  const words = splitWords(instruction.args, escape);
  const { flags, rest } = takeFlags(words);
  if (flags.some((f) => f.name === 'from')) return null;
  const json = jsonArray(rest.join(' '));
  const paths = json ?? rest.map((w) => unquote(w, escape));
  // Heredoc sources (<<EOF) are inline text, not context files.
  return paths.slice(0, -1).filter((p) => !p.startsWith('<<'));
}

export const RULES: Rule[] = [
  {
    name: 'StageNameCasing',
    url: `${DOCS}stage-name-casing/`,
    check: (_input, model) =>
      model.stages.filter((s) => s.name !== null && !isLower(s.name)).map((s) => ({ line: s.from.line, message: `Stage name '${s.name}' should be lowercase` })),
  },
  {
    name: 'FromAsCasing',
    url: `${DOCS}from-as-casing/`,
    check: (_input, model) =>
      model.stages
        .filter((s) => s.as !== null && ((isLower(s.from.keyword) && !isLower(s.as)) || (isUpper(s.from.keyword) && !isUpper(s.as))) && (isLower(s.from.keyword) || isUpper(s.from.keyword)))
        .map((s) => ({ line: s.from.line, message: `'${s.as}' and '${s.from.keyword}' keywords' casing do not match` })),
  },
  {
    name: 'NoEmptyContinuation',
    url: `${DOCS}no-empty-continuation/`,
    check: (input) => input.dockerfile.emptyContinuations.map((e) => ({ line: e.line, message: `Empty continuation line (in the instruction of line ${e.instructionLine})` })),
  },
  {
    name: 'ConsistentInstructionCasing',
    url: `${DOCS}consistent-instruction-casing/`,
    check: (input) => {
      const all = input.dockerfile.instructions;
      const consistent = all.filter((i) => isLower(i.keyword) || isUpper(i.keyword));
      const lower = consistent.filter((i) => isLower(i.keyword)).length;
      const majorityLower = lower > consistent.length - lower;
      return all
        .filter((i) => (majorityLower ? !isLower(i.keyword) : !isUpper(i.keyword)))
        .map((i) => ({ line: i.line, message: `Command '${i.keyword}' should match the case of the command majority (${majorityLower ? 'lowercase' : 'uppercase'})` }));
    },
  },
  {
    name: 'DuplicateStageName',
    url: `${DOCS}duplicate-stage-name/`,
    check: (_input, model) => {
      const seen = new Set<string>();
      const out: Array<{ line: number; message: string }> = [];
      for (const stage of model.stages) {
        if (stage.name === null) continue;
        const key = stage.name.toLowerCase();
        if (seen.has(key)) out.push({ line: stage.from.line, message: `Duplicate stage name "${stage.name}", stage names should be unique` });
        seen.add(key);
      }
      return out;
    },
  },
  {
    name: 'ReservedStageName',
    url: `${DOCS}reserved-stage-name/`,
    check: (_input, model) =>
      model.stages
        .filter((s) => s.name !== null && RESERVED_STAGE_NAMES.includes(s.name.toLowerCase()))
        .map((s) => ({ line: s.from.line, message: `Stage name should not use the same name as reserved stage "${s.name}"` })),
  },
  {
    name: 'JSONArgsRecommended',
    url: `${DOCS}json-args-recommended/`,
    check: (_input, model) => {
      const out: Array<{ line: number; message: string }> = [];
      const shellSet = new Map<string, boolean>();
      for (const stage of model.stages) {
        // A SHELL instruction (here or in the stage this one starts from) says shell form is meant.
        let shell = shellSet.get(stage.base.toLowerCase()) ?? false;
        for (const i of stage.instructions) {
          if (i.name === 'SHELL') shell = true;
          if ((i.name === 'CMD' || i.name === 'ENTRYPOINT') && jsonArray(i.args) === null && !shell) {
            out.push({ line: i.line, message: `JSON arguments recommended for ${i.name} to prevent unintended behavior related to OS signals` });
          }
        }
        if (stage.name !== null) shellSet.set(stage.name.toLowerCase(), shell);
      }
      return out;
    },
  },
  {
    name: 'MaintainerDeprecated',
    url: `${DOCS}maintainer-deprecated/`,
    check: (input) =>
      input.dockerfile.instructions.filter((i) => i.name === 'MAINTAINER').map((i) => ({ line: i.line, message: 'Maintainer instruction is deprecated in favor of using label' })),
  },
  {
    name: 'UndefinedArgInFrom',
    url: `${DOCS}undefined-arg-in-from/`,
    check: (_input, model) => {
      const declared = new Set([...PLATFORM_ARGS, ...model.globalArgs.flatMap((a) => keyValues(a, model.escape).pairs.map((p) => p.key))]);
      return model.stages.flatMap((s) =>
        [s.base, ...s.flags.map((f) => f.value ?? '')]
          .flatMap((word) => variablesIn(word, model.escape))
          .filter((name) => !declared.has(name))
          .map((name) => ({ line: s.from.line, message: `FROM argument '${name}' is not declared` })),
      );
    },
  },
  {
    name: 'WorkdirRelativePath',
    url: `${DOCS}workdir-relative-path/`,
    check: (_input, model) => {
      const out: Array<{ line: number; message: string }> = [];
      const workdirSet = new Map<string, boolean>();
      for (const stage of model.stages) {
        let set = workdirSet.get(stage.base.toLowerCase()) ?? false;
        for (const i of stage.instructions) {
          if (i.name !== 'WORKDIR') continue;
          const path = unquote(i.args, model.escape);
          if (!set && !path.startsWith('/') && !path.startsWith('$')) out.push({ line: i.line, message: `Relative workdir "${path}" can have unexpected results if the base image changes` });
          set = true;
        }
        if (stage.name !== null) workdirSet.set(stage.name.toLowerCase(), set);
      }
      return out;
    },
  },
  {
    name: 'UndefinedVar',
    url: `${DOCS}undefined-var/`,
    check: (_input, model) => {
      const out: Array<{ line: number; message: string }> = [];
      const defined = new Map<string, Set<string>>();
      for (const stage of model.stages) {
        const inherited = defined.get(stage.base.toLowerCase());
        const env = new Set<string>(inherited ?? IMAGE_ENV);
        const report = (i: Instruction, words: string[]) => {
          for (const name of new Set(words.flatMap((w) => variablesIn(w, model.escape)))) {
            if (!env.has(name)) out.push({ line: i.line, message: `Usage of undefined variable '$${name}'` });
          }
        };
        for (const i of stage.instructions) {
          const words = splitWords(i.args, model.escape);
          switch (i.name) {
            case 'ENV':
            case 'ARG': {
              const { pairs } = keyValues(i, model.escape);
              report(i, pairs.flatMap((p) => (p.value === null ? [] : [p.value])));
              for (const p of pairs) env.add(p.key);
              break;
            }
            case 'RUN':
              // Only the flags (--mount=...) are expanded; the command is the shell's business.
              report(i, takeFlags(words).flags.flatMap((f) => (f.value === null ? [] : [f.value])));
              break;
            case 'COPY':
            case 'ADD': {
              const { flags, rest } = takeFlags(words);
              report(i, [...flags.filter((f) => f.name !== 'from').flatMap((f) => (f.value === null ? [] : [f.value])), ...(jsonArray(rest.join(' ')) ?? rest)]);
              break;
            }
            case 'LABEL':
            case 'WORKDIR':
            case 'USER':
            case 'VOLUME':
            case 'STOPSIGNAL':
            case 'EXPOSE':
              report(i, words);
              break;
          }
        }
        if (stage.name !== null) defined.set(stage.name.toLowerCase(), env);
      }
      return out;
    },
  },
  {
    name: 'MultipleInstructionsDisallowed',
    url: `${DOCS}multiple-instructions-disallowed/`,
    check: (_input, model) => {
      const out: Array<{ line: number; message: string }> = [];
      for (const stage of model.stages) {
        const last = new Map<string, Instruction>();
        for (const i of stage.instructions) {
          if (i.name !== 'CMD' && i.name !== 'ENTRYPOINT' && i.name !== 'HEALTHCHECK') continue;
          const previous = last.get(i.name);
          // BuildKit reports the earlier one: it is the one that has no effect.
          if (previous) out.push({ line: previous.line, message: `Multiple ${i.name} instructions should not be used in the same stage because only the last one will be used` });
          last.set(i.name, i);
        }
      }
      return out;
    },
  },
  {
    name: 'LegacyKeyValueFormat',
    url: `${DOCS}legacy-key-value-format/`,
    check: (input, model) =>
      input.dockerfile.instructions
        .filter((i) => (i.name === 'ENV' || i.name === 'LABEL') && keyValues(i, model.escape).legacy)
        .map((i) => ({ line: i.line, message: `"${i.name} key=value" should be used instead of legacy "${i.name} key value" format` })),
  },
  {
    name: 'RedundantTargetPlatform',
    url: `${DOCS}redundant-target-platform/`,
    check: (_input, model) =>
      model.stages.flatMap((s) =>
        s.flags
          .filter((f) => f.name === 'platform' && (f.value === '$TARGETPLATFORM' || f.value === '${TARGETPLATFORM}'))
          .map(() => ({ line: s.from.line, message: 'Setting platform to predefined $TARGETPLATFORM in FROM is redundant as this is the default behavior' })),
      ),
  },
  {
    name: 'SecretsUsedInArgOrEnv',
    url: `${DOCS}secrets-used-in-arg-or-env/`,
    check: (input, model) =>
      input.dockerfile.instructions
        .filter((i) => i.name === 'ARG' || i.name === 'ENV')
        .flatMap((i) => keyValues(i, model.escape).pairs.filter((p) => secretKey(p.key)).map((p) => ({ line: i.line, message: `Do not use ARG or ENV instructions for sensitive data (${i.name} "${p.key}")` }))),
  },
  {
    name: 'InvalidDefaultArgInFrom',
    url: `${DOCS}invalid-default-arg-in-from/`,
    check: (_input, model) => {
      const values = new Map<string, string>();
      for (const arg of model.globalArgs) {
        for (const p of keyValues(arg, model.escape).pairs) if (p.value !== null) values.set(p.key, unquote(expand(p.value, values), model.escape));
      }
      const stageNames = new Set(model.stages.flatMap((s) => (s.name === null ? [] : [s.name.toLowerCase()])));
      return model.stages
        .filter((s) => {
          const image = expand(s.base, values);
          return image !== 'scratch' && !stageNames.has(image.toLowerCase()) && !validImageReference(image);
        })
        .map((s) => ({ line: s.from.line, message: `Default value for ARG ${s.base} results in empty or invalid base image name` }));
    },
  },
  {
    name: 'FromPlatformFlagConstDisallowed',
    url: `${DOCS}from-platform-flag-const-disallowed/`,
    check: (_input, model) =>
      model.stages.flatMap((s) =>
        s.flags
          .filter((f) => f.name === 'platform' && f.value !== null && !f.value.includes('$'))
          .filter((f) => {
            const [os = '', arch = ''] = f.value!.split('/');
            const name = s.name ?? '';
            return !(os !== '' && name.includes(os)) && !(arch !== '' && name.includes(arch));
          })
          .map((f) => ({ line: s.from.line, message: `FROM --platform flag should not use constant value "${f.value}"` })),
      ),
  },
  {
    name: 'CopyIgnoredFile',
    url: `${DOCS}copy-ignored-file/`,
    check: (input, model) => {
      const patterns = input.dockerignore;
      if (patterns === null) return [];
      // The root is the context itself, gone only when a pattern keeps out everything.
      const rootGone = patterns.some((p) => !p.exception && ['*', '**', '**/*'].includes(p.source));
      const matcher = ignoreMatcher(patterns);
      return model.stages.flatMap((s) =>
        s.instructions
          .filter((i) => i.name === 'COPY' || i.name === 'ADD')
          .flatMap((i) =>
            (contextSources(i, model.escape) ?? []).flatMap((source) => {
              const clean = cleanPath(source.startsWith('/') ? source.slice(1) : source);
              if ((clean === '.' || clean === '/') && !rootGone) return [];
              const pattern = matcher.ignoring(clean);
              return pattern ? [{ line: i.line, message: `Attempting to ${i.name === 'ADD' ? 'Add' : 'Copy'} file "${clean}" that is excluded by .dockerignore (line ${pattern.line}: ${pattern.source})` }] : [];
            }),
          ),
      );
    },
  },
  {
    name: 'InvalidDefinitionDescription',
    url: `${DOCS}invalid-definition-description/`,
    experimental: true,
    check: (input, model) =>
      input.dockerfile.instructions.flatMap((i) => {
        if (i.comments.length === 0) return [];
        let keys: string[];
        if (i.name === 'ARG') keys = keyValues(i, model.escape).pairs.map((p) => p.key);
        else if (i.name === 'FROM') keys = model.stages.filter((s) => s.from === i && s.name !== null).map((s) => s.name!);
        else return [];
        if (keys.length === 0 || keys.includes(i.comments[i.comments.length - 1]!.split(' ')[0]!)) return [];
        return [{ line: i.line, message: `Comment for ${i.name} should follow the format: \`# ${keys.length > 1 ? '<arg_key>' : keys[0]} <description>\`` }];
      }),
  },
  {
    name: 'ExposeProtoCasing',
    url: `${DOCS}expose-proto-casing/`,
    check: (input, model) =>
      input.dockerfile.instructions
        .filter((i) => i.name === 'EXPOSE')
        .flatMap((i) =>
          splitWords(i.args, model.escape)
            .filter((port) => port.includes('/') && !isLower(port.slice(port.lastIndexOf('/') + 1)))
            .map((port) => ({ line: i.line, message: `Defined protocol '${port}' in EXPOSE instruction should be lowercase` })),
        ),
  },
  {
    name: 'ExposeInvalidFormat',
    url: `${DOCS}expose-invalid-format/`,
    check: (input, model) =>
      input.dockerfile.instructions
        .filter((i) => i.name === 'EXPOSE')
        .flatMap((i) =>
          splitWords(i.args, model.escape)
            .filter((port) => port.includes(':'))
            .map((port) => ({ line: i.line, message: `EXPOSE instruction should not define an IP address or host-port mapping, found '${port}'` })),
        ),
  },
];
