// The parts of semver this tool uses, each from its own module: the package's index loads all
// forty of its modules at start-up, which cost a few milliseconds of every run.
export { default as coerce } from 'semver/functions/coerce.js';
export { default as gte } from 'semver/functions/gte.js';
export { default as major } from 'semver/functions/major.js';
export { default as satisfies } from 'semver/functions/satisfies.js';
export { default as valid } from 'semver/functions/valid.js';
export { default as intersects } from 'semver/ranges/intersects.js';
export { default as minVersion } from 'semver/ranges/min-version.js';
export { default as validRange } from 'semver/ranges/valid.js';
