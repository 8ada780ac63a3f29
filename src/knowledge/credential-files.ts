// Files that hold credentials and must never reach an image: every language's .dockerignore
// lists these patterns (templates/partials/dockerignore-common.hbs prints them, one comment line
// per group), so `COPY . .` cannot ship them. Each group cites where the file and its contents
// are documented.
//
// Pattern syntax is Docker's (https://docs.docker.com/build/concepts/context/#dockerignore-files):
// Go filepath.Match per path element plus `**` for any number of folders; a bare pattern matches
// only at the root of the context, so every group here is `**/`-prefixed (apps/web/.env in a
// monorepo, a credentials.json in a subfolder). A trailing `/` is dropped by Docker's cleaning,
// so `**/.kube/` also matches a file named .kube; the slash documents that it is usually a folder.
// The last matching line wins, so a `!` re-include follows the exclusion it narrows.

export interface CredentialFiles {
  /** Stable name of the group, for tests. */
  id: string;
  /** One comment line in the generated .dockerignore: what these files are. */
  what: string;
  /** The .dockerignore lines, in order. */
  patterns: readonly string[];
  /** Where the file names and what they hold are documented. */
  source: string;
  seeAlso?: readonly string[];
  /**
   * Set when some projects legitimately need a matching file inside the image or the build (a
   * Java truststore packed into the jar): the run warns when it finds one, saying how to put it
   * back with a `!path` line.
   */
  mayBeNeeded?: string;
}

/** In .dockerignore order (the last matching line wins), not sorted. */
export const CREDENTIAL_FILES: readonly CredentialFiles[] = [
  {
    id: 'env-files',
    what: 'environment files (the committed examples are fine) and direnv files',
    patterns: ['**/.env', '**/.env.*', '!**/.env.example', '!**/.env.sample', '**/.envrc'],
    source: 'https://docs.docker.com/build/building/best-practices/#exclude-with-dockerignore',
    // Python.gitignore lists .envrc: direnv's file of `export NAME=value` lines (https://direnv.net/).
    seeAlso: ['https://github.com/github/gitignore/blob/main/Python.gitignore', 'https://direnv.net/'],
  },
  {
    id: 'private-keys',
    what: 'private keys and certificate bundles',
    patterns: ['**/*.pem', '**/*.key', '**/*.p12', '**/*.pfx'],
    // gitleaks' private-key rule and its pkcs12-file rule (a path rule on .p12/.pfx).
    source: 'https://github.com/gitleaks/gitleaks/blob/master/config/gitleaks.toml',
  },
  {
    id: 'java-keystores',
    what: 'Java and Android keystores (signing keys, TLS keys)',
    patterns: ['**/*.jks', '**/*.keystore'],
    source: 'https://github.com/github/gitignore/blob/main/Android.gitignore',
    seeAlso: ['https://docs.oracle.com/en/java/javase/21/docs/specs/man/keytool.html'],
    mayBeNeeded:
      'a keystore or truststore the application loads at run time (server.ssl.key-store, javax.net.ssl.trustStore) must be in the image; ' +
      'better mount it at run time, or re-include it with a "!path" line after the generated ones',
  },
  {
    id: 'ssh',
    what: 'SSH keys and folders',
    patterns: ['**/id_rsa*', '**/id_dsa*', '**/id_ecdsa*', '**/id_ed25519*', '**/.ssh/'],
    source: 'https://man.openbsd.org/ssh-keygen.1#FILES',
  },
  {
    id: 'git-credentials',
    what: "git's stored credentials",
    patterns: ['**/.git-credentials'],
    source: 'https://git-scm.com/docs/git-credential-store#_storage_format',
  },
  {
    id: 'netrc',
    what: 'netrc and package-index passwords',
    patterns: ['**/.netrc', '**/_netrc', '**/.pypirc', '**/.npmrc.local'],
    source: 'https://everything.curl.dev/usingcurl/netrc.html',
    seeAlso: ['https://packaging.python.org/en/latest/specifications/pypirc/'],
  },
  {
    id: 'cloud-cli',
    what: 'cloud and registry CLI credentials (AWS, Azure, gcloud, Docker, GnuPG)',
    patterns: ['**/.aws/', '**/.azure/', '**/.config/gcloud/', '**/.docker/', '**/.gnupg/'],
    source: 'https://docs.aws.amazon.com/cli/latest/userguide/cli-configure-files.html',
    seeAlso: [
      'https://learn.microsoft.com/en-us/cli/azure/azure-cli-configuration',
      'https://cloud.google.com/docs/authentication/application-default-credentials',
      'https://docs.docker.com/reference/cli/docker/login/',
    ],
  },
  {
    id: 'google-keys',
    what: 'Google service-account keys and OAuth client secrets',
    patterns: ['**/credentials.json', '**/service-account*.json', '**/*-sa-key.json', '**/serviceAccountKey.json', '**/client_secret*.json'],
    source: 'https://cloud.google.com/iam/docs/keys-create-delete',
    seeAlso: [
      'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys',
      'https://developers.google.com/workspace/guides/create-credentials',
      'https://firebase.google.com/docs/admin/setup',
    ],
    mayBeNeeded:
      'an app that reads this file at run time should get it from a mounted secret or workload identity; ' +
      'if it really must ship, re-include it with a "!path" line after the generated ones',
  },
  {
    id: 'kubernetes',
    what: 'kubeconfig files',
    patterns: ['**/.kube/', '**/kubeconfig', '**/*.kubeconfig'],
    source: 'https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/',
  },
  {
    id: 'terraform',
    what: 'Terraform state, variables and CLI credentials',
    patterns: ['**/*.tfstate', '**/*.tfstate.*', '**/*.tfvars', '**/*.tfvars.json', '**/.terraform/', '**/.terraformrc', '**/terraform.rc'],
    source: 'https://github.com/github/gitignore/blob/main/Terraform.gitignore',
    seeAlso: [
      'https://developer.hashicorp.com/terraform/language/manage-sensitive-data',
      'https://developer.hashicorp.com/terraform/cli/config/config-file#credentials',
    ],
  },
  {
    id: 'database-passwords',
    what: 'database password files',
    patterns: ['**/.pgpass', '**/.my.cnf'],
    source: 'https://www.postgresql.org/docs/current/libpq-pgpass.html',
    seeAlso: ['https://dev.mysql.com/doc/refman/8.4/en/option-files.html'],
  },
  {
    id: 'vault',
    what: 'Vault tokens',
    patterns: ['**/.vault-token'],
    source: 'https://developer.hashicorp.com/vault/docs/commands/token-helper',
  },
  {
    id: 'secrets-folder',
    what: 'a secrets/ folder at the root',
    patterns: ['secrets/'],
    source: 'https://docs.docker.com/build/building/secrets/',
  },
];

/** The groups as the .dockerignore partial prints them. */
export function credentialIgnoreView(): Array<{ what: string; patterns: string[] }> {
  return CREDENTIAL_FILES.map((group) => ({ what: group.what, patterns: [...group.patterns] }));
}
