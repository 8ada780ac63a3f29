// Which web server serves the built files, as data: the candidates a static site could run on,
// what each offers against what users expect of a served site (history-API fallback, cache
// headers, compression, MIME types, a health path, non-root on a port above 1024, no shell), and
// why nginx-unprivileged is the one generated. Sizes are the real images' (compressed, amd64, as
// Docker Hub lists them) where the source gives them; the offline stand-ins differ.

export interface StaticServer {
  name: string;
  image: string;
  /** Runs as a non-root user out of the box, on a port above 1024. */
  nonRoot: boolean;
  /** Can answer unknown paths with index.html and a 200 (history-API fallback). */
  spaFallback: boolean;
  /** Can send Cache-Control per path (immutable hashed files, no-cache for HTML). */
  cacheHeaders: boolean;
  /** Compression it offers: on the fly and/or precompressed files. */
  compression: string;
  /** The image has a shell. */
  shell: boolean;
  /** Why it is or is not generated. */
  verdict: string;
  source: string;
}

export const STATIC_SERVERS: readonly StaticServer[] = [
  {
    // The official image has no USER (root) and needs writable /config and /data for a non-root user.
    name: 'Caddy', image: 'docker.io/library/caddy:2-alpine', nonRoot: false, spaFallback: true, cacheHeaders: true,
    compression: 'gzip and zstd on the fly, precompressed br/gzip/zstd', shell: true,
    verdict: 'does everything, but runs as root unless the Dockerfile adds a user and writable /config and /data, and its automatic HTTPS is of no use behind a load balancer; about the same size as nginx on Alpine',
    source: 'https://caddyserver.com/docs/caddyfile/directives/file_server',
  },
  {
    // httpd.c: E404 error pages answer with status 404, no per-path headers; serves file.gz when the client accepts gzip.
    name: 'busybox httpd', image: 'docker.io/library/busybox (static binary on scratch)', nonRoot: false, spaFallback: false,
    cacheHeaders: false, compression: 'precompressed .gz only', shell: true,
    verdict: 'smallest (about 1-2 MB on scratch), but deep links can only get index.html as a 404 error page and no Cache-Control can be set, so it fails two of the expectations',
    source: 'https://git.busybox.net/busybox/tree/networking/httpd.c',
  },
  {
    name: 'distroless', image: 'gcr.io/distroless/*', nonRoot: true, spaFallback: false, cacheHeaders: false, compression: 'none', shell: false,
    verdict: 'distroless publishes no web-server image; copying nginx into distroless/base would need its libraries (PCRE2, zlib, OpenSSL) and modules copied by hand',
    source: 'https://github.com/GoogleContainerTools/distroless/blob/main/README.md',
  },
  {
    // README: listens on 8080, runs as UID 101, pid and temp paths under /tmp (works with a read-only root).
    name: 'nginx-unprivileged', image: 'docker.io/nginxinc/nginx-unprivileged:stable-alpine', nonRoot: true, spaFallback: true, cacheHeaders: true,
    compression: 'gzip on the fly, precompressed .gz (gzip_static); brotli needs a third-party module', shell: true,
    verdict: 'generated: non-root (uid 101) on 8080 out of the box, try_files for the fallback, add_header for caching, gzip and gzip_static, the nginx stable line on Alpine',
    source: 'https://github.com/nginx/docker-nginx-unprivileged/blob/main/README.md',
  },
  {
    // A Rust static binary on scratch with --page-fallback, compression and cache-control headers.
    name: 'static-web-server', image: 'docker.io/joseluisq/static-web-server:2', nonRoot: false, spaFallback: true, cacheHeaders: true,
    compression: 'gzip, brotli, zstd on the fly and precompressed', shell: false,
    verdict: 'the best fit on paper (a few MB, no shell), but a one-maintainer project far less used than nginx, its image runs as root, and it cannot be built or tested here without a registry; a candidate for a later --server choice',
    source: 'https://static-web-server.net/features/docker/',
  },
];

/** The nginx stable branch: the line nginx.org maintains with fixes only (tags `stable`, `stable-alpine`). */
export const NGINX_IMAGES = {
  alpine: 'nginxinc/nginx-unprivileged:stable-alpine',
  slim: 'nginxinc/nginx-unprivileged:stable',
  /** The image's user: `nginx`, uid 101 and gid 101 (Dockerfile-alpine-slim.template `adduser -u 101`). */
  uid: 101,
  port: 8080,
  root: '/usr/share/nginx/html',
  conf: '/etc/nginx/conf.d/default.conf',
  source: 'https://github.com/nginx/docker-nginx-unprivileged/blob/main/stable/alpine-slim/Dockerfile',
};
