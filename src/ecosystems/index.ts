// The registry: every supported ecosystem, in the order auto-detection tries them. Adding a
// language is one folder under src/ecosystems/ and one line here (plus templates/<lang>/,
// fixtures and snapshots); LANGUAGES, --help, --language and config validation follow from it.
import type { Ecosystem } from '../ecosystem.js';
import { node } from './node/index.js';
import { bun } from './bun/index.js';
import { deno } from './deno/index.js';
import { go } from './go/index.js';
import { rust } from './rust/index.js';
import { java } from './java/index.js';
import { python } from './python/index.js';
import { ruby } from './ruby/index.js';
import { php } from './php/index.js';
import { staticSite } from './static/index.js';
import { dotnet } from './dotnet/index.js';

export const ECOSYSTEMS: readonly Ecosystem[] = [
  node,
  bun,
  deno,
  go,
  rust,
  ruby,
  python,
  java,
  php,
  dotnet,
  staticSite,
];

/** The names --language and .slim-image/config.json accept, in registry order. */
export const LANGUAGES: readonly string[] = ECOSYSTEMS.map((e) => e.language);
