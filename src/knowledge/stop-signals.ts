// Whether a program stops promptly on `docker stop` when it runs as PID 1, and the tiny init that
// makes it so when it does not.
//
// The kernel delivers a signal to a namespace's PID 1 only when PID 1 installed a handler for it:
// the default action (terminate) does not apply to init (https://man7.org/linux/man-pages/man7/pid_namespaces.7.html,
// "the only signals that can be sent to the namespace init process are those for which the init has
// established a signal handler"). `docker stop` sends SIGTERM, waits 10 s, then sends SIGKILL
// (https://docs.docker.com/reference/cli/docker/container/stop/), so a runtime that installs no
// SIGTERM handler costs every deploy 10 s and drops requests in flight. tini as PID 1 forwards the
// signal to the app, which then is not PID 1 and gets the default action, or runs its own handler
// (https://github.com/krallin/tini#why-tini). It is harmless for an app that handles the signal,
// so it is added whenever the runtime's own behaviour is not known to be right.

export interface SignalRow {
  /** A language id, or a Python server program's name. */
  id: string;
  handlesSigterm: boolean;
  why: string;
  source: string;
}

export const STOP_SIGNALS: readonly SignalRow[] = [
  { id: 'bun', handlesSigterm: false, why: 'bun installs no SIGTERM handler unless the app does', source: 'https://bun.com/docs/guides/process/os-signals' },
  { id: 'deno', handlesSigterm: true, why: "denoland/deno's images already run deno under tini", source: 'https://github.com/denoland/deno_docker#using-tini' },
  { id: 'dotnet', handlesSigterm: true, why: "the .NET host stops the app on SIGTERM (its console lifetime handles it)", source: 'https://learn.microsoft.com/en-us/dotnet/core/extensions/generic-host#ihostapplicationlifetime' },
  { id: 'go', handlesSigterm: true, why: "the Go runtime handles SIGTERM and exits the program", source: 'https://pkg.go.dev/os/signal#hdr-Default_behavior_of_signals_in_Go_programs' },
  { id: 'gunicorn', handlesSigterm: true, why: 'gunicorn stops gracefully on SIGTERM', source: 'https://docs.gunicorn.org/en/stable/signals.html' },
  { id: 'java', handlesSigterm: true, why: 'the JVM handles SIGTERM by running its shutdown hooks and exiting', source: 'https://docs.oracle.com/en/java/javase/21/docs/api/java.base/java/lang/Runtime.html#addShutdownHook(java.lang.Thread)' },
  { id: 'node', handlesSigterm: false, why: 'Node.js as PID 1 does not respond to SIGTERM unless the app installs a handler', source: 'https://github.com/nodejs/docker-node/blob/main/docs/BestPractices.md#handling-kernel-signals' },
  { id: 'python', handlesSigterm: false, why: 'Python installs handlers for SIGINT and SIGPIPE only, not SIGTERM', source: 'https://docs.python.org/3/library/signal.html#general-rules' },
  { id: 'rust', handlesSigterm: false, why: 'a Rust program has no SIGTERM handler unless it installs one (tokio::signal, signal-hook)', source: 'https://rust-cli.github.io/book/in-depth/signals.html' },
  { id: 'static', handlesSigterm: true, why: 'nginx handles SIGTERM (fast shutdown)', source: 'https://nginx.org/en/docs/control.html' },
  { id: 'uvicorn', handlesSigterm: true, why: 'uvicorn shuts down gracefully on SIGTERM', source: 'https://www.uvicorn.org/deployment/' },
];

/**
 * tini from Debian's package, whose tini-static runs on any final image (scratch, distroless,
 * alpine, slim) because it links nothing (https://packages.debian.org/bookworm/tini).
 */
export const TINI = {
  image: 'docker.io/library/debian:bookworm-slim',
  package: 'tini',
  binary: '/usr/bin/tini-static',
  target: '/tini',
  source: 'https://github.com/krallin/tini#using-tini',
} as const;
