// Every supported ecosystem, in the order auto-detection tries them. Adding a language means
// adding its module here (and its detector, plan and template folder).
import type { Ecosystem } from '../ecosystem.js';
import { node } from './node.js';
import { go } from './go.js';
import { rust } from './rust.js';
import { java } from './java.js';
import { python } from './python.js';

export const ECOSYSTEMS: Ecosystem[] = [
  node,
  go,
  rust,
  python,
  java,
];
