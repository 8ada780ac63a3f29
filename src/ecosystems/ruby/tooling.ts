// Ruby files beside another ecosystem's app that serve only its tooling: a React Native app's
// Gemfile of CocoaPods and fastlane, a Gemfile of linters. Anything that could be an app (a
// config.ru, a Rails or Hanami config, a Procfile, a gem that serves HTTP) keeps Ruby in.
import type { Project } from '../../project.js';
import { parseGemfile } from './gemfile.js';

/** Gems that build, release or check software and never serve an app. */
const TOOLING_GEMS = new Set(['cocoapods', 'danger', 'fastlane', 'rake', 'rubocop', 'rubocop-performance', 'rubocop-rails', 'rubocop-rspec', 'xcodeproj', 'xcpretty', 'overcommit', 'scss_lint', 'license_finder', 'bundler-audit', 'brakeman', 'haml_lint', 'erb_lint', 'solargraph']);

const APP_FILES = ['config.ru', 'config/application.rb', 'config/app.rb', 'Procfile'];

/** Why the Gemfile here only serves tooling, or null when it may be the app. */
export function rubyTooling(project: Project): string | null {
  if (APP_FILES.some((file) => project.isFile(file))) return null;
  const text = project.readText('Gemfile');
  if (text === null) return null;
  const names = parseGemfile(text).gems.map((g) => g.name);
  if (names.length === 0 || !names.every((name) => TOOLING_GEMS.has(name))) return null;
  return `the Gemfile lists only build and release tools (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''}), no app`;
}
