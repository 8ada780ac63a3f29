// The backing services `--compose` runs beside the app (src/compose/), and which dependencies
// show that the app needs one. Images are the Docker official images, named in full (docker.io/
// library/...) like the Dockerfile's, with a tag pinned to a release line: the tags listed in
// https://github.com/docker-library/official-images/tree/master/library (read 2026-08). Each
// healthcheck runs a client the image ships, in exec form (no shell needed), and checks over TCP
// where the image's first-start initialisation runs a socket-only server, so the service is
// healthy only once the real server listens. Credentials are for a local stack (`app`/`app`);
// the service ports stay inside the compose network (only the app's port is published).

import type { PackageRegistry } from '../types.js';

export type ServiceId = 'mariadb' | 'mongo' | 'mysql' | 'postgres' | 'rabbitmq' | 'redis';

/** What an app's connection variable gets: the service's URL, one part of it, or a JDBC URL. */
export type ConnectionPart = 'url' | 'jdbc' | 'host' | 'port' | 'user' | 'password' | 'database';

export interface BackingService {
  /** The compose service name, also its host name on the compose network. */
  id: ServiceId;
  /** As people name it in messages. */
  what: string;
  image: string;
  tag: string;
  port: number;
  /** Where the image keeps its data: the named volume `<id>-data` is mounted here. */
  dataPath: string;
  /** The healthcheck command, exec form (compose's `test: ["CMD", ...]`). */
  healthcheck: string[];
  /** How long first start (initialising the data folder) may take before failures count. */
  startPeriod: string;
  /** The image's settings for a local stack. */
  environment: Record<string, string>;
  /** A fixed host name, for services that keep their node name in the data (RabbitMQ). */
  hostname?: string;
  /** What each connection part is, as the app reaches the service on the compose network. */
  connection: Partial<Record<ConnectionPart, string>>;
  /**
   * Variable names apps read for this service, in the order they are preferred, with the part
   * each gets: a name that `.env.example` lists is filled with it. Names shared by several
   * services (DB_HOST) go to the first of them the app needs.
   */
  variables: Array<[string, ConnectionPart]>;
  /** What the app gets when `.env.example` names none of the variables. */
  conventional: string[];
  /** The image's documentation (volume, environment, healthcheck client). */
  source: string;
  seeAlso?: string[];
}

const OFFICIAL = 'https://github.com/docker-library/official-images/blob/master/library';

/** SQL variables many frameworks read (Laravel, Django settings, twelve-factor templates). */
const SQL_VARIABLES: Array<[string, ConnectionPart]> = [
  ['DATABASE_URL', 'url'],
  ['DB_URL', 'url'],
  ['DATABASE_HOST', 'host'],
  ['DB_HOST', 'host'],
  ['DATABASE_PORT', 'port'],
  ['DB_PORT', 'port'],
  ['DATABASE_USER', 'user'],
  ['DATABASE_USERNAME', 'user'],
  ['DB_USER', 'user'],
  ['DB_USERNAME', 'user'],
  ['DATABASE_PASSWORD', 'password'],
  ['DB_PASSWORD', 'password'],
  ['DATABASE_NAME', 'database'],
  ['DB_DATABASE', 'database'],
  ['DB_NAME', 'database'],
  // Spring Boot's relaxed binding of spring.datasource.* (https://docs.spring.io/spring-boot/reference/features/external-config.html#features.external-config.typesafe-configuration-properties.relaxed-binding.environment-variables)
  ['SPRING_DATASOURCE_URL', 'jdbc'],
  ['SPRING_DATASOURCE_USERNAME', 'user'],
  ['SPRING_DATASOURCE_PASSWORD', 'password'],
  ['JDBC_DATABASE_URL', 'jdbc'],
];

/** By id. */
export const BACKING_SERVICES: BackingService[] = [
  {
    id: 'mariadb',
    what: 'MariaDB',
    image: 'docker.io/library/mariadb',
    tag: '12.3',
    port: 3306,
    dataPath: '/var/lib/mysql',
    // healthcheck.sh ships in the image and logs in as its own healthcheck user, created at first start.
    healthcheck: ['healthcheck.sh', '--connect', '--innodb_initialized'],
    startPeriod: '30s',
    environment: { MARIADB_DATABASE: 'app', MARIADB_USER: 'app', MARIADB_PASSWORD: 'app', MARIADB_RANDOM_ROOT_PASSWORD: '1' },
    connection: { url: 'mysql://app:app@mariadb:3306/app', jdbc: 'jdbc:mariadb://mariadb:3306/app', host: 'mariadb', port: '3306', user: 'app', password: 'app', database: 'app' },
    variables: [['MARIADB_URL', 'url'], ['MARIADB_HOST', 'host'], ['MARIADB_PORT', 'port'], ['MARIADB_USER', 'user'], ['MARIADB_PASSWORD', 'password'], ['MARIADB_DATABASE', 'database'], ...SQL_VARIABLES],
    conventional: ['DATABASE_URL'],
    source: 'https://hub.docker.com/_/mariadb',
    seeAlso: [`${OFFICIAL}/mariadb`, 'https://mariadb.com/kb/en/using-healthcheck-sh/'],
  },
  {
    id: 'mongo',
    what: 'MongoDB',
    image: 'docker.io/library/mongo',
    tag: '8.0',
    port: 27017,
    dataPath: '/data/db',
    healthcheck: ['mongosh', '--quiet', '--eval', "db.adminCommand('ping').ok"],
    startPeriod: '30s',
    environment: {},
    connection: { url: 'mongodb://mongo:27017/app', host: 'mongo', port: '27017', database: 'app' },
    variables: [
      ['MONGODB_URI', 'url'],
      ['MONGO_URI', 'url'],
      ['MONGODB_URL', 'url'],
      ['MONGO_URL', 'url'],
      ['SPRING_DATA_MONGODB_URI', 'url'],
      ['MONGODB_HOST', 'host'],
      ['MONGO_HOST', 'host'],
      ['MONGODB_PORT', 'port'],
      ['MONGO_PORT', 'port'],
      ['MONGODB_DATABASE', 'database'],
      ['MONGODB_DB', 'database'],
      ['MONGO_DATABASE', 'database'],
      ['MONGO_DB', 'database'],
    ],
    conventional: ['MONGODB_URI'],
    source: 'https://hub.docker.com/_/mongo',
    seeAlso: [`${OFFICIAL}/mongo`],
  },
  {
    id: 'mysql',
    what: 'MySQL',
    image: 'docker.io/library/mysql',
    tag: '8.4',
    port: 3306,
    dataPath: '/var/lib/mysql',
    // mysqladmin ping exits 0 whenever the server answers (even "access denied"), and over TCP
    // the first-start server (--skip-networking) does not answer.
    healthcheck: ['mysqladmin', 'ping', '--host=127.0.0.1', '--silent'],
    startPeriod: '30s',
    environment: { MYSQL_DATABASE: 'app', MYSQL_USER: 'app', MYSQL_PASSWORD: 'app', MYSQL_RANDOM_ROOT_PASSWORD: 'yes' },
    connection: { url: 'mysql://app:app@mysql:3306/app', jdbc: 'jdbc:mysql://mysql:3306/app', host: 'mysql', port: '3306', user: 'app', password: 'app', database: 'app' },
    variables: [['MYSQL_URL', 'url'], ['MYSQL_HOST', 'host'], ['MYSQL_PORT', 'port'], ['MYSQL_USER', 'user'], ['MYSQL_PASSWORD', 'password'], ['MYSQL_DATABASE', 'database'], ...SQL_VARIABLES],
    conventional: ['DATABASE_URL'],
    source: 'https://hub.docker.com/_/mysql',
    seeAlso: [`${OFFICIAL}/mysql`, 'https://dev.mysql.com/doc/refman/8.4/en/mysqladmin.html'],
  },
  {
    id: 'postgres',
    what: 'PostgreSQL',
    image: 'docker.io/library/postgres',
    tag: '18-alpine',
    port: 5432,
    // From 18 the image's volume is /var/lib/postgresql (PGDATA is /var/lib/postgresql/18/docker);
    // a volume at the old /var/lib/postgresql/data stops it at start.
    dataPath: '/var/lib/postgresql',
    // Over TCP: the first-start server listens on the socket only.
    healthcheck: ['pg_isready', '--host=127.0.0.1', '--username=app', '--dbname=app'],
    startPeriod: '20s',
    environment: { POSTGRES_USER: 'app', POSTGRES_PASSWORD: 'app', POSTGRES_DB: 'app' },
    connection: { url: 'postgresql://app:app@postgres:5432/app', jdbc: 'jdbc:postgresql://postgres:5432/app', host: 'postgres', port: '5432', user: 'app', password: 'app', database: 'app' },
    variables: [
      ['POSTGRES_URL', 'url'],
      ['POSTGRESQL_URL', 'url'],
      ['PG_URL', 'url'],
      // libpq's own variables (https://www.postgresql.org/docs/current/libpq-envars.html)
      ['PGHOST', 'host'],
      ['PGPORT', 'port'],
      ['PGUSER', 'user'],
      ['PGPASSWORD', 'password'],
      ['PGDATABASE', 'database'],
      ['POSTGRES_HOST', 'host'],
      ['POSTGRES_PORT', 'port'],
      ['POSTGRES_USER', 'user'],
      ['POSTGRES_PASSWORD', 'password'],
      ['POSTGRES_DB', 'database'],
      ['POSTGRES_DATABASE', 'database'],
      ...SQL_VARIABLES,
    ],
    conventional: ['DATABASE_URL'],
    source: 'https://hub.docker.com/_/postgres',
    seeAlso: [`${OFFICIAL}/postgres`, 'https://github.com/docker-library/postgres/pull/1259'],
  },
  {
    id: 'rabbitmq',
    what: 'RabbitMQ',
    image: 'docker.io/library/rabbitmq',
    tag: '4-alpine',
    port: 5672,
    dataPath: '/var/lib/rabbitmq',
    healthcheck: ['rabbitmq-diagnostics', '-q', 'ping'],
    startPeriod: '30s',
    // The default guest user may connect only from localhost, so the app gets its own user.
    environment: { RABBITMQ_DEFAULT_USER: 'app', RABBITMQ_DEFAULT_PASS: 'app' },
    // RabbitMQ keeps its data under its node name, rabbit@<hostname>: a fixed one keeps the volume's data.
    hostname: 'rabbitmq',
    connection: { url: 'amqp://app:app@rabbitmq:5672', host: 'rabbitmq', port: '5672', user: 'app', password: 'app' },
    variables: [
      ['AMQP_URL', 'url'],
      ['AMQP_URI', 'url'],
      ['RABBITMQ_URL', 'url'],
      ['RABBITMQ_URI', 'url'],
      ['CLOUDAMQP_URL', 'url'],
      ['BROKER_URL', 'url'],
      ['CELERY_BROKER_URL', 'url'],
      ['RABBITMQ_HOST', 'host'],
      ['AMQP_HOST', 'host'],
      ['SPRING_RABBITMQ_HOST', 'host'],
      ['RABBITMQ_PORT', 'port'],
      ['AMQP_PORT', 'port'],
      ['SPRING_RABBITMQ_PORT', 'port'],
      ['RABBITMQ_USER', 'user'],
      ['RABBITMQ_USERNAME', 'user'],
      ['SPRING_RABBITMQ_USERNAME', 'user'],
      ['RABBITMQ_PASSWORD', 'password'],
      ['SPRING_RABBITMQ_PASSWORD', 'password'],
    ],
    conventional: ['AMQP_URL'],
    source: 'https://hub.docker.com/_/rabbitmq',
    seeAlso: [`${OFFICIAL}/rabbitmq`, 'https://www.rabbitmq.com/docs/monitoring#health-checks'],
  },
  {
    id: 'redis',
    what: 'Redis',
    image: 'docker.io/library/redis',
    tag: '8-alpine',
    port: 6379,
    dataPath: '/data',
    healthcheck: ['redis-cli', 'ping'],
    startPeriod: '10s',
    environment: {},
    connection: { url: 'redis://redis:6379/0', host: 'redis', port: '6379' },
    variables: [
      ['REDIS_URL', 'url'],
      ['REDIS_URI', 'url'],
      ['REDIS_DSN', 'url'],
      ['REDIS_TLS_URL', 'url'],
      ['CACHE_URL', 'url'],
      ['REDIS_HOST', 'host'],
      ['SPRING_DATA_REDIS_HOST', 'host'],
      ['REDIS_PORT', 'port'],
      ['SPRING_DATA_REDIS_PORT', 'port'],
    ],
    conventional: ['REDIS_URL'],
    source: 'https://hub.docker.com/_/redis',
    seeAlso: [`${OFFICIAL}/redis`],
  },
];

export interface ServiceDependency {
  registry: PackageRegistry;
  /**
   * The name as the registry spells it (PyPI names normalized, NuGet compared without case). A
   * Go row also matches the module's major-version paths (`github.com/jackc/pgx` matches
   * `github.com/jackc/pgx/v5`).
   */
  name: string;
  service: ServiceId;
  /** The package's own page. */
  source: string;
}

/** By registry, then name. */
export const SERVICE_DEPENDENCIES: ServiceDependency[] = [
  { registry: 'cargo', name: 'deadpool-redis', service: 'redis', source: 'https://crates.io/crates/deadpool-redis' },
  { registry: 'cargo', name: 'diesel/mysql', service: 'mysql', source: 'https://diesel.rs/guides/getting-started' },
  { registry: 'cargo', name: 'diesel/postgres', service: 'postgres', source: 'https://diesel.rs/guides/getting-started' },
  { registry: 'cargo', name: 'lapin', service: 'rabbitmq', source: 'https://crates.io/crates/lapin' },
  { registry: 'cargo', name: 'mongodb', service: 'mongo', source: 'https://crates.io/crates/mongodb' },
  { registry: 'cargo', name: 'mysql', service: 'mysql', source: 'https://crates.io/crates/mysql' },
  { registry: 'cargo', name: 'mysql_async', service: 'mysql', source: 'https://crates.io/crates/mysql_async' },
  { registry: 'cargo', name: 'postgres', service: 'postgres', source: 'https://crates.io/crates/postgres' },
  { registry: 'cargo', name: 'redis', service: 'redis', source: 'https://crates.io/crates/redis' },
  { registry: 'cargo', name: 'sqlx-mysql', service: 'mysql', source: 'https://crates.io/crates/sqlx-mysql' },
  { registry: 'cargo', name: 'sqlx-postgres', service: 'postgres', source: 'https://crates.io/crates/sqlx-postgres' },
  { registry: 'cargo', name: 'sqlx/mysql', service: 'mysql', source: 'https://docs.rs/sqlx/latest/sqlx/#database-drivers' },
  { registry: 'cargo', name: 'sqlx/postgres', service: 'postgres', source: 'https://docs.rs/sqlx/latest/sqlx/#database-drivers' },
  { registry: 'cargo', name: 'tokio-postgres', service: 'postgres', source: 'https://crates.io/crates/tokio-postgres' },
  { registry: 'composer', name: 'ext-amqp', service: 'rabbitmq', source: 'https://pecl.php.net/package/amqp' },
  { registry: 'composer', name: 'ext-mongodb', service: 'mongo', source: 'https://www.php.net/manual/en/set.mongodb.php' },
  { registry: 'composer', name: 'ext-mysqli', service: 'mysql', source: 'https://www.php.net/manual/en/book.mysqli.php' },
  { registry: 'composer', name: 'ext-pdo_mysql', service: 'mysql', source: 'https://www.php.net/manual/en/ref.pdo-mysql.php' },
  { registry: 'composer', name: 'ext-pdo_pgsql', service: 'postgres', source: 'https://www.php.net/manual/en/ref.pdo-pgsql.php' },
  { registry: 'composer', name: 'ext-pgsql', service: 'postgres', source: 'https://www.php.net/manual/en/book.pgsql.php' },
  { registry: 'composer', name: 'ext-redis', service: 'redis', source: 'https://pecl.php.net/package/redis' },
  { registry: 'composer', name: 'mongodb/mongodb', service: 'mongo', source: 'https://packagist.org/packages/mongodb/mongodb' },
  { registry: 'composer', name: 'php-amqplib/php-amqplib', service: 'rabbitmq', source: 'https://packagist.org/packages/php-amqplib/php-amqplib' },
  { registry: 'composer', name: 'predis/predis', service: 'redis', source: 'https://packagist.org/packages/predis/predis' },
  { registry: 'gem', name: 'bunny', service: 'rabbitmq', source: 'https://rubygems.org/gems/bunny' },
  { registry: 'gem', name: 'mongo', service: 'mongo', source: 'https://rubygems.org/gems/mongo' },
  { registry: 'gem', name: 'mongoid', service: 'mongo', source: 'https://rubygems.org/gems/mongoid' },
  { registry: 'gem', name: 'mysql2', service: 'mysql', source: 'https://rubygems.org/gems/mysql2' },
  { registry: 'gem', name: 'pg', service: 'postgres', source: 'https://rubygems.org/gems/pg' },
  { registry: 'gem', name: 'redis', service: 'redis', source: 'https://rubygems.org/gems/redis' },
  { registry: 'gem', name: 'redis-client', service: 'redis', source: 'https://rubygems.org/gems/redis-client' },
  { registry: 'gem', name: 'trilogy', service: 'mysql', source: 'https://rubygems.org/gems/trilogy' },
  { registry: 'golang', name: 'github.com/go-pg/pg', service: 'postgres', source: 'https://pkg.go.dev/github.com/go-pg/pg/v10' },
  { registry: 'golang', name: 'github.com/go-redis/redis', service: 'redis', source: 'https://pkg.go.dev/github.com/go-redis/redis/v8' },
  { registry: 'golang', name: 'github.com/go-sql-driver/mysql', service: 'mysql', source: 'https://pkg.go.dev/github.com/go-sql-driver/mysql' },
  { registry: 'golang', name: 'github.com/gomodule/redigo', service: 'redis', source: 'https://pkg.go.dev/github.com/gomodule/redigo' },
  { registry: 'golang', name: 'github.com/jackc/pgx', service: 'postgres', source: 'https://pkg.go.dev/github.com/jackc/pgx/v5' },
  { registry: 'golang', name: 'github.com/lib/pq', service: 'postgres', source: 'https://pkg.go.dev/github.com/lib/pq' },
  { registry: 'golang', name: 'github.com/rabbitmq/amqp091-go', service: 'rabbitmq', source: 'https://pkg.go.dev/github.com/rabbitmq/amqp091-go' },
  { registry: 'golang', name: 'github.com/redis/go-redis', service: 'redis', source: 'https://pkg.go.dev/github.com/redis/go-redis/v9' },
  { registry: 'golang', name: 'github.com/streadway/amqp', service: 'rabbitmq', source: 'https://pkg.go.dev/github.com/streadway/amqp' },
  { registry: 'golang', name: 'go.mongodb.org/mongo-driver', service: 'mongo', source: 'https://pkg.go.dev/go.mongodb.org/mongo-driver/v2' },
  { registry: 'maven', name: 'com.mysql:mysql-connector-j', service: 'mysql', source: 'https://central.sonatype.com/artifact/com.mysql/mysql-connector-j' },
  { registry: 'maven', name: 'com.rabbitmq:amqp-client', service: 'rabbitmq', source: 'https://central.sonatype.com/artifact/com.rabbitmq/amqp-client' },
  { registry: 'maven', name: 'io.lettuce:lettuce-core', service: 'redis', source: 'https://central.sonatype.com/artifact/io.lettuce/lettuce-core' },
  { registry: 'maven', name: 'mysql:mysql-connector-java', service: 'mysql', source: 'https://central.sonatype.com/artifact/mysql/mysql-connector-java' },
  { registry: 'maven', name: 'org.mariadb.jdbc:mariadb-java-client', service: 'mariadb', source: 'https://central.sonatype.com/artifact/org.mariadb.jdbc/mariadb-java-client' },
  { registry: 'maven', name: 'org.mongodb:mongodb-driver-reactivestreams', service: 'mongo', source: 'https://central.sonatype.com/artifact/org.mongodb/mongodb-driver-reactivestreams' },
  { registry: 'maven', name: 'org.mongodb:mongodb-driver-sync', service: 'mongo', source: 'https://central.sonatype.com/artifact/org.mongodb/mongodb-driver-sync' },
  { registry: 'maven', name: 'org.postgresql:postgresql', service: 'postgres', source: 'https://central.sonatype.com/artifact/org.postgresql/postgresql' },
  { registry: 'maven', name: 'org.postgresql:r2dbc-postgresql', service: 'postgres', source: 'https://central.sonatype.com/artifact/org.postgresql/r2dbc-postgresql' },
  { registry: 'maven', name: 'org.springframework.amqp:spring-rabbit', service: 'rabbitmq', source: 'https://central.sonatype.com/artifact/org.springframework.amqp/spring-rabbit' },
  { registry: 'maven', name: 'org.springframework.boot:spring-boot-starter-amqp', service: 'rabbitmq', source: 'https://docs.spring.io/spring-boot/reference/messaging/amqp.html' },
  { registry: 'maven', name: 'org.springframework.boot:spring-boot-starter-data-mongodb', service: 'mongo', source: 'https://docs.spring.io/spring-boot/reference/data/nosql.html#data.nosql.mongodb' },
  { registry: 'maven', name: 'org.springframework.boot:spring-boot-starter-data-redis', service: 'redis', source: 'https://docs.spring.io/spring-boot/reference/data/nosql.html#data.nosql.redis' },
  { registry: 'maven', name: 'redis.clients:jedis', service: 'redis', source: 'https://central.sonatype.com/artifact/redis.clients/jedis' },
  { registry: 'npm', name: '@redis/client', service: 'redis', source: 'https://www.npmjs.com/package/@redis/client' },
  { registry: 'npm', name: 'amqp-connection-manager', service: 'rabbitmq', source: 'https://www.npmjs.com/package/amqp-connection-manager' },
  { registry: 'npm', name: 'amqplib', service: 'rabbitmq', source: 'https://www.npmjs.com/package/amqplib' },
  { registry: 'npm', name: 'ioredis', service: 'redis', source: 'https://www.npmjs.com/package/ioredis' },
  { registry: 'npm', name: 'mariadb', service: 'mariadb', source: 'https://www.npmjs.com/package/mariadb' },
  { registry: 'npm', name: 'mongodb', service: 'mongo', source: 'https://www.npmjs.com/package/mongodb' },
  { registry: 'npm', name: 'mongoose', service: 'mongo', source: 'https://www.npmjs.com/package/mongoose' },
  { registry: 'npm', name: 'mysql', service: 'mysql', source: 'https://www.npmjs.com/package/mysql' },
  { registry: 'npm', name: 'mysql2', service: 'mysql', source: 'https://www.npmjs.com/package/mysql2' },
  { registry: 'npm', name: 'pg', service: 'postgres', source: 'https://www.npmjs.com/package/pg' },
  { registry: 'npm', name: 'pg-promise', service: 'postgres', source: 'https://www.npmjs.com/package/pg-promise' },
  { registry: 'npm', name: 'postgres', service: 'postgres', source: 'https://www.npmjs.com/package/postgres' },
  { registry: 'npm', name: 'redis', service: 'redis', source: 'https://www.npmjs.com/package/redis' },
  { registry: 'nuget', name: 'MongoDB.Driver', service: 'mongo', source: 'https://www.nuget.org/packages/MongoDB.Driver' },
  { registry: 'nuget', name: 'MySql.Data', service: 'mysql', source: 'https://www.nuget.org/packages/MySql.Data' },
  { registry: 'nuget', name: 'MySqlConnector', service: 'mysql', source: 'https://www.nuget.org/packages/MySqlConnector' },
  { registry: 'nuget', name: 'Npgsql', service: 'postgres', source: 'https://www.nuget.org/packages/Npgsql' },
  { registry: 'nuget', name: 'Npgsql.EntityFrameworkCore.PostgreSQL', service: 'postgres', source: 'https://www.nuget.org/packages/Npgsql.EntityFrameworkCore.PostgreSQL' },
  { registry: 'nuget', name: 'Pomelo.EntityFrameworkCore.MySql', service: 'mysql', source: 'https://www.nuget.org/packages/Pomelo.EntityFrameworkCore.MySql' },
  { registry: 'nuget', name: 'RabbitMQ.Client', service: 'rabbitmq', source: 'https://www.nuget.org/packages/RabbitMQ.Client' },
  { registry: 'nuget', name: 'StackExchange.Redis', service: 'redis', source: 'https://www.nuget.org/packages/StackExchange.Redis' },
  { registry: 'pypi', name: 'aio-pika', service: 'rabbitmq', source: 'https://pypi.org/project/aio-pika/' },
  { registry: 'pypi', name: 'aiomysql', service: 'mysql', source: 'https://pypi.org/project/aiomysql/' },
  { registry: 'pypi', name: 'asyncpg', service: 'postgres', source: 'https://pypi.org/project/asyncpg/' },
  { registry: 'pypi', name: 'mariadb', service: 'mariadb', source: 'https://pypi.org/project/mariadb/' },
  { registry: 'pypi', name: 'motor', service: 'mongo', source: 'https://pypi.org/project/motor/' },
  { registry: 'pypi', name: 'mysql-connector-python', service: 'mysql', source: 'https://pypi.org/project/mysql-connector-python/' },
  { registry: 'pypi', name: 'mysqlclient', service: 'mysql', source: 'https://pypi.org/project/mysqlclient/' },
  { registry: 'pypi', name: 'pg8000', service: 'postgres', source: 'https://pypi.org/project/pg8000/' },
  { registry: 'pypi', name: 'pika', service: 'rabbitmq', source: 'https://pypi.org/project/pika/' },
  { registry: 'pypi', name: 'psycopg', service: 'postgres', source: 'https://pypi.org/project/psycopg/' },
  { registry: 'pypi', name: 'psycopg-binary', service: 'postgres', source: 'https://pypi.org/project/psycopg-binary/' },
  { registry: 'pypi', name: 'psycopg2', service: 'postgres', source: 'https://pypi.org/project/psycopg2/' },
  { registry: 'pypi', name: 'psycopg2-binary', service: 'postgres', source: 'https://pypi.org/project/psycopg2-binary/' },
  { registry: 'pypi', name: 'pymongo', service: 'mongo', source: 'https://pypi.org/project/pymongo/' },
  { registry: 'pypi', name: 'pymysql', service: 'mysql', source: 'https://pypi.org/project/PyMySQL/' },
  { registry: 'pypi', name: 'redis', service: 'redis', source: 'https://pypi.org/project/redis/' },
];
