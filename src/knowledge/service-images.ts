// Images a compose file runs beside the app and that are never the app itself: databases, caches,
// queues and proxies, by their Docker Hub repository names (https://hub.docker.com/search?badges=official
// for the official ones; the others are each project's own published image). A compose file whose
// only service runs one of these (a `db` service for local development) says nothing about the
// app's port; one that runs some other image (`image: owner/app`) is taken as the app.

export interface ServiceImage {
  /** Repository name without registry, namespace or tag ("postgres" matches "docker.io/library/postgres:16"). */
  name: string;
  what: string;
  source: string;
}

const OFFICIAL = (name: string): string => `https://hub.docker.com/_/${name}`;

export const SERVICE_IMAGES: readonly ServiceImage[] = [
  { name: 'adminer', what: 'Adminer (a database UI)', source: OFFICIAL('adminer') },
  { name: 'caddy', what: 'Caddy (a proxy in front of the app)', source: OFFICIAL('caddy') },
  { name: 'elasticsearch', what: 'Elasticsearch', source: OFFICIAL('elasticsearch') },
  { name: 'mailhog', what: 'MailHog (a development mail catcher)', source: 'https://hub.docker.com/r/mailhog/mailhog' },
  { name: 'mariadb', what: 'MariaDB', source: OFFICIAL('mariadb') },
  { name: 'memcached', what: 'memcached', source: OFFICIAL('memcached') },
  { name: 'minio', what: 'MinIO (S3 storage)', source: 'https://hub.docker.com/r/minio/minio' },
  { name: 'mongo', what: 'MongoDB', source: OFFICIAL('mongo') },
  { name: 'mysql', what: 'MySQL', source: OFFICIAL('mysql') },
  { name: 'nginx', what: 'nginx (a proxy in front of the app)', source: OFFICIAL('nginx') },
  { name: 'postgis', what: 'PostgreSQL with PostGIS', source: 'https://hub.docker.com/r/postgis/postgis' },
  { name: 'postgres', what: 'PostgreSQL', source: OFFICIAL('postgres') },
  { name: 'rabbitmq', what: 'RabbitMQ', source: OFFICIAL('rabbitmq') },
  { name: 'redis', what: 'Redis', source: OFFICIAL('redis') },
  { name: 'traefik', what: 'Traefik (a proxy in front of the app)', source: OFFICIAL('traefik') },
  { name: 'valkey', what: 'Valkey', source: 'https://hub.docker.com/r/valkey/valkey' },
];

/** The table row for a compose `image:` value, or null when the image may be the app's own. */
export function serviceImage(image: string): ServiceImage | null {
  const withoutDigest = image.split('@')[0]!;
  const lastPart = withoutDigest.split('/').at(-1)!;
  const name = lastPart.split(':')[0]!.toLowerCase();
  return SERVICE_IMAGES.find((row) => row.name === name) ?? null;
}
