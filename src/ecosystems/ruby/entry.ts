// Ruby before its code is loaded (src/ecosystems/index.ts): Bundler's files or a Rack config mark it.
import type { EcosystemMarks } from '../../ecosystem.js';

const markers = ['Gemfile', 'Gemfile.lock', 'gems.rb', 'config.ru'];

export const rubyMarks: EcosystemMarks = {
  language: 'ruby',
  markers,
  mayBe: (project) => markers.some((file) => project.isFile(file)),
};
