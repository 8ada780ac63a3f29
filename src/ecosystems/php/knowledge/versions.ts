// PHP release lines as data, from php.net's supported-versions page: each branch gets two years of
// active support and then security fixes until December 31 of its fourth year (the 2024 RFC moved
// every end of life to a December 31). A range in composer.json builds on the newest maintained
// line it allows; a pin (.php-version, composer.json config.platform.php) is used as is.
// Sources: https://www.php.net/supported-versions.php, https://www.php.net/eol.php,
// https://wiki.php.net/rfc/release_cycle_update (the December 31 rule).

interface PhpRelease {
  /** "8.4": the minor line, which is what the official image tags name. */
  version: string;
  /** First release of the line (YYYY-MM-DD). */
  released: string;
  /** The last day of security fixes (YYYY-MM-DD). */
  end: string;
  source: string;
}

export const PHP_RELEASES: readonly PhpRelease[] = [
  { version: '8.1', released: '2021-11-25', end: '2025-12-31', source: 'https://www.php.net/supported-versions.php' },
  { version: '8.2', released: '2022-12-08', end: '2026-12-31', source: 'https://www.php.net/supported-versions.php' },
  { version: '8.3', released: '2023-11-23', end: '2027-12-31', source: 'https://www.php.net/supported-versions.php' },
  { version: '8.4', released: '2024-11-21', end: '2028-12-31', source: 'https://www.php.net/supported-versions.php' },
  { version: '8.5', released: '2025-11-20', end: '2029-12-31', source: 'https://www.php.net/releases/8.5/en.php' },
];
