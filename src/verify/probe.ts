// Does the app answer? A TCP connection to the published port, then an HTTP `GET /`; any bytes
// back count (any HTTP status, or a non-HTTP greeting). Only connecting is not enough: the
// engine's port forwarder accepts connections before the app listens, then closes them.
import net from 'node:net';

export interface ProbeResult {
  answered: boolean;
  /** The first line of the answer, e.g. "HTTP/1.1 200 OK". */
  firstLine: string | null;
}

export function probeOnce(host: string, port: number, timeoutMs: number): Promise<ProbeResult> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    let data = '';
    let settled = false;
    const finish = (answered: boolean) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      const firstLine = answered ? (data.split(/\r?\n/)[0] ?? '').slice(0, 200) : null;
      resolve({ answered, firstLine });
    };
    const timer = setTimeout(() => finish(data.length > 0), timeoutMs);
    socket.setEncoding('latin1');
    socket.on('connect', () => {
      socket.write(`GET / HTTP/1.1\r\nHost: ${host}:${port}\r\nUser-Agent: create-slim-image-verify\r\nConnection: close\r\n\r\n`);
    });
    socket.on('data', (chunk: string) => {
      data += chunk;
      if (data.includes('\n') || data.length > 512) finish(true);
    });
    socket.on('end', () => finish(data.length > 0));
    socket.on('error', () => finish(data.length > 0));
    socket.on('close', () => finish(data.length > 0));
  });
}

/**
 * Probes until the app answers, `shouldStop()` says to give up (the container exited), or the
 * deadline passes.
 */
export async function waitForAnswer(
  host: string,
  port: number,
  deadline: number,
  shouldStop: () => Promise<boolean>,
): Promise<ProbeResult> {
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) return { answered: false, firstLine: null };
    const result = await probeOnce(host, port, Math.min(3_000, left));
    if (result.answered) return result;
    if (await shouldStop()) return { answered: false, firstLine: null };
    await sleep(Math.min(500, Math.max(0, deadline - Date.now())));
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen({ host: '127.0.0.1', port: 0 }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
