// PHP: which of the four bases can work, at which version, and the view the template prints.
// There is no scratch or distroless PHP; Apache has no Alpine build in the official image, so an
// Apache app runs on Debian, and Alpine is for the single-process servers (Octane, FrankenPHP)
// when every extension's libraries exist there.
import type { BaseOption, Plan } from '../../types.js';
import { today } from '../../knowledge/clock.js';
import { portEnv } from '../../detect/port.js';
import { ruledOut } from '../../plan/choose-base.js';
import { collectPackages, type Distro } from '../../plan/os-packages.js';
import { allows, withVersionArg } from '../../plan/versions.js';
import { PHP_EXTENSIONS } from './knowledge/extensions.js';
import { APP_DIR, MEASURED_MB, OPCACHE_PRODUCTION, PHP_VERSION_ARG, phpImages, WWW_DATA_UID } from './knowledge/images.js';
import { PHP_RELEASES } from './knowledge/versions.js';
import type { PhpFacts } from './types.js';

/** The PHP line to build on: a pin as is, else the newest maintained line the project and every locked package allow. */
export function phpVersion(facts: Pick<PhpFacts, 'runtime' | 'phpCaps'>, now: Date = today()): { version: string | null; note: string } {
  const { runtime, phpCaps } = facts;
  if (runtime.pinned && runtime.constraint !== null) {
    const broken = phpCaps.filter((c) => !allows({ constraint: c.constraint, pinned: false, source: c.source }, runtime.constraint!));
    return { version: runtime.constraint, note: `PHP ${runtime.constraint} pinned by ${runtime.source}${broken.length > 0 ? `, although ${broken.map((c) => c.source).join('; ')}` : ''}` };
  }
  const released = PHP_RELEASES.filter((r) => Date.parse(r.released) <= now.getTime()).reverse();
  const fits = (v: string) => allows(runtime, v) && phpCaps.every((c) => allows({ constraint: c.constraint, pinned: false, source: c.source }, v));
  const maintained = released.filter((r) => Date.parse(r.end) >= now.getTime());
  const capped = phpCaps.filter((c) => maintained.some((r) => allows(runtime, r.version) && !allows({ constraint: c.constraint, pinned: false, source: c.source }, r.version)));
  const capNote = capped.length > 0 ? `; capped by ${capped.map((c) => c.source).join('; ')}` : '';
  const pick = maintained.find((r) => fits(r.version));
  const asked = runtime.constraint === null ? 'no PHP version in the project (composer.json require.php, .php-version)' : `${runtime.constraint} from ${runtime.source}`;
  if (pick) return { version: pick.version, note: `${asked}: the newest maintained PHP it allows is ${pick.version} (https://www.php.net/supported-versions.php)${capNote}` };
  const old = released.find((r) => fits(r.version));
  if (old) return { version: old.version, note: `${asked} allows no maintained PHP${capNote}; building on ${old.version}, past its end of life` };
  const fix = phpCaps.some((c) => !released.some((r) => allows({ constraint: c.constraint, pinned: false, source: c.source }, r.version)))
    ? 'update the packages that cap it (composer update) so it runs on a maintained PHP'
    : 'pin a line with .php-version or --runtime-version';
  return { version: null, note: `${asked} allows no PHP release this tool knows (${released.map((r) => r.version).join(', ')})${capNote}; ${fix}` };
}

export function assessPhp(facts: PhpFacts, now: Date = today()): BaseOption[] {
  const { version, note } = phpVersion(facts, now);
  const scratch = ruledOut('scratch', 'PHP is an interpreter that loads its extensions and libc dynamically; scratch only fits a static binary');
  const distroless = ruledOut('distroless', 'there is no distroless PHP image (https://github.com/GoogleContainerTools/distroless#what-images-are-available), and the php images start through a shell entrypoint script');
  if (version === null) return [scratch, distroless, ruledOut('alpine', 'no PHP line to build on (see slim)'), ruledOut('slim', note)];
  const deps = facts.nativeDependencies;
  const server = facts.server.value;
  const composer = phpImages.composer;

  let alpine: BaseOption;
  const glibcOnly = deps.filter((d) => d.glibcOnly);
  const missing = deps.filter((d) => d.runtime.debian.length > 0 && d.runtime.alpine.length === 0);
  if (server === 'apache') {
    alpine = ruledOut(
      'alpine',
      'the official php image has no Apache variant on Alpine (only cli, fpm and zts: https://github.com/docker-library/php/tree/master/8.4), and php-fpm serves no HTTP by itself: ' +
        'it needs nginx beside it, a second process in one container or a second container, which this tool does not write',
    );
  } else if (glibcOnly.length > 0) {
    alpine = ruledOut('alpine', `${glibcOnly.map((d) => `${d.name}: ${d.note}`).join('; ')}: alpine uses musl`);
  } else if (missing.length > 0) {
    alpine = ruledOut('alpine', `${missing.map((d) => d.name).join(', ')} need libraries with no known Alpine package`);
  } else {
    const image = server === 'frankenphp' || server === 'octane-frankenphp' ? phpImages.frankenphpAlpine(version) : phpImages.cliAlpine(version);
    alpine = {
      kind: 'alpine', possible: true, runtimeVersion: version, builderImage: composer, runtimeImage: image,
      why: `${serverWhy(facts)}; every extension's libraries exist on Alpine${deps.length === 0 ? ' (none needs one)' : ` (${collectPackages(deps, 'runtime', 'alpine').join(', ') || 'no libraries'})`}, so the musl image is the smallest that works (${note})`,
    };
  }

  const slimImage = server === 'apache' ? phpImages.apache(version) : server === 'frankenphp' || server === 'octane-frankenphp' ? phpImages.frankenphp(version) : phpImages.cli(version);
  const slim: BaseOption = {
    kind: 'slim', possible: true, runtimeVersion: version, builderImage: composer, runtimeImage: slimImage,
    why: `${serverWhy(facts)}; the official Debian image (php has no -slim tag; this is its smallest Debian variant for the server)${deps.length > 0 ? ` with ${collectPackages(deps, 'runtime', 'debian').join(', ') || 'the extensions'}` : ''} always works (${note})`,
  };
  return [scratch, distroless, alpine, slim];
}

/** Why this server, with the alternatives it was weighed against. */
function serverWhy(facts: PhpFacts): string {
  switch (facts.server.value) {
    case 'apache':
      return (
        `Apache with mod_php serves the app as one process (apache2-foreground, as docker init's PHP template does), running as www-data on port ${facts.port.value ?? 8080} with Listen moved above 1024 ` +
        '(https://github.com/docker-library/docs/tree/master/php#running-as-an-arbitrary-user); php-fpm would need nginx as a second process or container ' +
        `(measured stand-ins: php:8.4-apache ${MEASURED_MB.apache} MB against php:8.4-fpm ${MEASURED_MB.fpm} MB plus a web server)`
      );
    case 'frankenphp':
      return `FrankenPHP (${facts.server.source}) is Caddy with PHP built in: one process that serves HTTP itself (https://frankenphp.dev/docs/docker/)`;
    default:
      return `Laravel Octane (${facts.server.source}) serves HTTP from one long-running process, so no web server is needed beside it (https://laravel.com/docs/11.x/octane)`;
  }
}

function withArg(image: string, version: string): string {
  return withVersionArg(image, version, PHP_VERSION_ARG, ['php:{v}-', 'frankenphp:1-php{v}-']);
}

/** The RUN line pieces that install the extensions not compiled into the image. */
function extensionView(facts: PhpFacts, distro: Distro, frankenphp: boolean) {
  const rows = PHP_EXTENSIONS.filter((r) => facts.extensions.some((e) => e.name === r.name));
  if (rows.length === 0) return null;
  const deps = facts.nativeDependencies;
  return {
    apt: distro === 'debian',
    apk: distro === 'alpine',
    // FrankenPHP's images carry mlocati's install-php-extensions, which installs build packages
    // and removes them again itself (https://frankenphp.dev/docs/docker/#how-to-install-more-php-extensions).
    installer: frankenphp ? rows.map((r) => r.name) : null,
    runtimePackages: collectPackages(deps, 'runtime', distro),
    buildPackages: collectPackages(deps, 'build', distro),
    configure: rows.filter((r) => r.install === 'core' && r.configure !== undefined).map((r) => [r.name, ...r.configure!]),
    core: rows.filter((r) => r.install === 'core').map((r) => r.name),
    pecl: rows.filter((r) => r.install === 'pecl').map((r) => r.name),
  };
}

export function phpView(facts: PhpFacts, plan: Plan) {
  const distro: Distro = plan.base === 'alpine' ? 'alpine' : 'debian';
  const server = facts.server.value;
  const apache = server === 'apache';
  const frankenphp = server === 'frankenphp' || server === 'octane-frankenphp';
  const appDir = apache ? APP_DIR.apache : APP_DIR.other;
  const uid = WWW_DATA_UID[distro];
  const framework = facts.framework.value;
  const start = facts.start.value;
  const port = facts.port.value;
  const hasComposer = facts.packageManager.source !== 'default (no composer.json)';
  const installFiles = hasComposer ? ['composer.json', ...(facts.lockfile ? [facts.lockfile] : [])] : [];

  // Framework steps that only need the code, run with the image's own PHP and extensions.
  const build: string[][] = [];
  if (framework === 'laravel') {
    // The folders .dockerignore keeps out (logs, sessions, compiled views) must exist again.
    build.push(['mkdir', '-p', 'storage/framework/cache/data', 'storage/framework/sessions', 'storage/framework/views', 'storage/logs', 'bootstrap/cache']);
    // What `php artisan optimize` does, minus config:cache (it needs the runtime environment):
    // https://laravel.com/docs/11.x/deployment#optimization. package:discover is the composer
    // script the vendor stage skipped (it boots the app, so it runs here with the real extensions).
    build.push(['php', 'artisan', 'package:discover', '--ansi'], ['php', 'artisan', 'event:cache'], ['php', 'artisan', 'route:cache'], ['php', 'artisan', 'view:cache']);
  }
  if (framework === 'symfony') {
    // The vendor stage skipped Composer's scripts, whose Flex auto-scripts copy the bundles'
    // public files into public/bundles (https://symfony.com/doc/current/deployment.html).
    build.push(['php', 'bin/console', 'assets:install', 'public'], ...facts.buildSteps);
    // https://symfony.com/doc/current/deployment.html#c-install-update-your-vendors: cache warmed in the image.
    build.push(['php', 'bin/console', 'cache:warmup']);
  }
  if (server === 'octane-roadrunner') {
    // Octane writes .rr.yaml into the app folder when it is missing, which www-data cannot do there.
    build.push(['touch', '.rr.yaml']);
  }
  const writable = [...facts.writable];

  const env: Array<{ name: string; value: string }> = [];
  if (framework === 'laravel') env.push({ name: 'APP_ENV', value: 'production' }, { name: 'APP_DEBUG', value: 'false' }, { name: 'LOG_CHANNEL', value: 'stderr' });
  if (framework === 'symfony') env.push({ name: 'APP_ENV', value: 'prod' }, { name: 'APP_DEBUG', value: '0' });
  if (server === 'frankenphp') {
    // Worker mode with the Symfony runtime: the app boots once and serves many requests
    // (https://frankenphp.dev/docs/worker/#symfony-runtime, https://packagist.org/packages/runtime/frankenphp-symfony).
    env.push({ name: 'APP_RUNTIME', value: 'Runtime\\FrankenPhpSymfony\\Runtime' }, { name: 'FRANKENPHP_CONFIG', value: `worker ./${facts.documentRoot === '.' ? '' : `${facts.documentRoot}/`}index.php` });
  }
  for (const [name, value] of Object.entries(portEnv(facts))) env.push({ name, value });

  const documentRoot = facts.documentRoot === '.' ? appDir : `${appDir}/${facts.documentRoot}`;
  // FrankenPHP serves /app/public unless SERVER_ROOT says otherwise (https://frankenphp.dev/docs/config/).
  if (frankenphp && documentRoot !== `${APP_DIR.other}/public`) env.push({ name: 'SERVER_ROOT', value: documentRoot });
  // The maintainers' recipe for a non-root Apache and for another document root:
  // https://github.com/docker-library/php/pull/190, https://github.com/docker-library/docs/tree/master/php#changing-documentroot-or-other-apache-configuration.
  const apacheConfig: string[][] = [];
  if (apache) {
    apacheConfig.push(['sed', '-ri', `s!^Listen 80$!Listen ${port ?? 8080}!`, '/etc/apache2/ports.conf']);
    apacheConfig.push(['sed', '-ri', `s!<VirtualHost \\*:80>!<VirtualHost *:${port ?? 8080}>!`, '/etc/apache2/sites-available/000-default.conf']);
    if (documentRoot !== appDir) {
      apacheConfig.push(['sed', '-ri', `s!/var/www/html!${documentRoot}!g`, '/etc/apache2/sites-available/000-default.conf']);
    }
    // mod_rewrite, for the front controller's rules (.htaccess, or a framework's routing).
    if (facts.htaccess || framework !== null) apacheConfig.push(['a2enmod', 'rewrite']);
  }
  return {
    versionArg: PHP_VERSION_ARG,
    runtimeFrom: withArg(plan.runtimeImage, plan.runtimeVersion),
    composerFrom: plan.builderImage,
    roadrunnerFrom: server === 'octane-roadrunner' ? phpImages.roadrunner : null,
    vendorStage: hasComposer,
    installFiles,
    // https://getcomposer.org/doc/03-cli.md#install-i: production packages only, no scripts yet
    // (they run the app, which needs its extensions), the autoloader once the sources are in.
    // Platform requirements are checked against the runtime image, not Composer's own PHP:
    // vendor/composer/platform_check.php stops the app at start when one is missing
    // (https://getcomposer.org/doc/06-config.md#platform-check).
    install: ['composer', 'install', '--no-dev', '--no-interaction', '--no-progress', '--prefer-dist', '--no-scripts', '--no-autoloader', '--ignore-platform-reqs'],
    dumpAutoload: ['composer', 'dump-autoload', '--no-dev', '--no-interaction', '--optimize', '--classmap-authoritative', '--no-scripts'],
    // https://symfony.com/doc/current/configuration.html#configuring-environment-variables-in-production:
    // .env.local.php holds APP_ENV=prod; --empty keeps the committed .env defaults out, so the
    // container's environment supplies the rest.
    dumpEnv: framework === 'symfony' && facts.symfonyFlex ? ['composer', 'dump-env', 'prod', '--empty'] : null,
    composerCache: '--mount=type=cache,target=/tmp/cache',
    appDir,
    extensions: extensionView(facts, distro, frankenphp),
    opcacheIni: OPCACHE_PRODUCTION,
    apache,
    apachePort: apache ? port : null,
    apacheConfig,
    frankenphp,
    build,
    writable,
    env,
    user: `${uid}:${uid}`,
    cmd: start.kind === 'exec' ? start.argv : ['/bin/sh', '-c', start.command],
  };
}
