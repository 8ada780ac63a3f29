// PHP frameworks, found by the package composer.lock (or composer.json require) names, with what a
// production image of each needs. Order matters: the first package found wins.

export interface PhpFramework {
  /** The Composer package that marks it. */
  package: string;
  /** The name the report gives it. */
  framework: 'laravel' | 'symfony' | 'slim';
  /** Folder the web server serves (the front controller lives there). */
  documentRoot: string;
  /** Folders the app writes at run time, owned by the app user. */
  writable: readonly string[];
  source: string;
}

export const PHP_FRAMEWORKS: readonly PhpFramework[] = [
  // Laravel writes logs, sessions, compiled views and caches under storage/ and bootstrap/cache:
  // "Directory Permissions" in https://laravel.com/docs/11.x/deployment#directory-permissions.
  { package: 'laravel/framework', framework: 'laravel', documentRoot: 'public', writable: ['storage', 'bootstrap/cache'], source: 'https://laravel.com/docs/11.x/deployment' },
  // Symfony writes its cache and logs under var/: https://symfony.com/doc/current/setup/file_permissions.html.
  { package: 'symfony/framework-bundle', framework: 'symfony', documentRoot: 'public', writable: ['var'], source: 'https://symfony.com/doc/current/deployment.html' },
  // Slim's skeleton serves public/index.php: https://www.slimframework.com/docs/v4/start/web-servers.html.
  { package: 'slim/slim', framework: 'slim', documentRoot: 'public', writable: [], source: 'https://www.slimframework.com/docs/v4/start/web-servers.html' },
];

/**
 * Application servers that replace Apache when the project uses them. Laravel Octane keeps the
 * app booted between requests on RoadRunner, Swoole or FrankenPHP (https://laravel.com/docs/11.x/octane);
 * FrankenPHP on its own is Caddy with PHP built in (https://frankenphp.dev/docs/); its Symfony
 * runtime is the package runtime/frankenphp-symfony (https://frankenphp.dev/docs/worker/#symfony-runtime).
 */
export interface PhpServerMarker {
  package: string;
  server: 'octane' | 'frankenphp' | 'roadrunner';
  source: string;
}

export const PHP_SERVER_MARKERS: readonly PhpServerMarker[] = [
  { package: 'laravel/octane', server: 'octane', source: 'https://laravel.com/docs/11.x/octane' },
  { package: 'runtime/frankenphp-symfony', server: 'frankenphp', source: 'https://frankenphp.dev/docs/worker/#symfony-runtime' },
  // Octane's RoadRunner server needs these in the lock: https://laravel.com/docs/11.x/octane#roadrunner.
  { package: 'spiral/roadrunner-http', server: 'roadrunner', source: 'https://laravel.com/docs/11.x/octane#roadrunner' },
];

/** Octane's default server when neither OCTANE_SERVER nor config/octane.php says: https://github.com/laravel/octane/blob/2.x/config/octane.php. */
export const OCTANE_DEFAULT_SERVER = 'roadrunner';

/**
 * npm packages that build a PHP app's front end into a folder the app serves; the folder is built
 * in a Node stage (the shared asset mechanism) when the repository does not hold it.
 */
export interface PhpAssetBuilder {
  package: string;
  output: string;
  source: string;
}

export const PHP_ASSET_BUILDERS: readonly PhpAssetBuilder[] = [
  // Symfony's Encore writes public/build (setOutputPath('public/build/')): https://symfony.com/doc/current/frontend/encore/simple-example.html.
  { package: '@symfony/webpack-encore', output: 'public/build', source: 'https://symfony.com/doc/current/frontend/encore/simple-example.html' },
  // Laravel's Vite plugin writes public/build with its manifest: https://laravel.com/docs/11.x/vite#running-vite.
  { package: 'laravel-vite-plugin', output: 'public/build', source: 'https://laravel.com/docs/11.x/vite#running-vite' },
];

/**
 * Symfony console steps a locked package asks for before deployment, run in the image build in
 * this order (Sass compiles into assets/ before AssetMapper copies assets into public/assets).
 */
export interface PhpBuildStep {
  package: string;
  command: readonly string[];
  source: string;
}

export const PHP_BUILD_STEPS: readonly PhpBuildStep[] = [
  // https://symfony.com/bundles/SymfonycastsSassBundle/current/index.html#how-to-use-in-production (downloads the Dart Sass binary once).
  { package: 'symfonycasts/sass-bundle', command: ['php', 'bin/console', 'sass:build'], source: 'https://symfony.com/bundles/SymfonycastsSassBundle/current/index.html' },
  // https://symfony.com/bundles/TailwindBundle/current/index.html#deploying
  { package: 'symfonycasts/tailwind-bundle', command: ['php', 'bin/console', 'tailwind:build', '--minify'], source: 'https://symfony.com/bundles/TailwindBundle/current/index.html' },
  // https://symfony.com/doc/current/frontend/asset_mapper.html#serving-assets-in-dev-vs-prod
  { package: 'symfony/asset-mapper', command: ['php', 'bin/console', 'asset-map:compile'], source: 'https://symfony.com/doc/current/frontend/asset_mapper.html' },
];
