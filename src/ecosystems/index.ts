// Every supported ecosystem, in the order auto-detection tries them. Adding a language means
// adding its module here (and its detector, plan and template folder).
import type { Ecosystem } from '../ecosystem.js';
import { node } from './node/index.js';
import { go } from './go/index.js';
import { rust } from './rust/index.js';
import { java } from './java/index.js';
import { python } from './python/index.js';

export const ECOSYSTEMS: Ecosystem[] = [
  node,
  go,
  rust,
  python,
  java,
];
