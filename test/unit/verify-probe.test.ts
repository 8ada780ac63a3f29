import http from 'node:http';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { freePort, probeOnce, waitForAnswer } from '../../src/verify/probe.js';

const servers: net.Server[] = [];
const sockets = new Set<net.Socket>();
afterEach(async () => {
  for (const socket of sockets) socket.destroy();
  sockets.clear();
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

function listen(server: net.Server): Promise<number> {
  servers.push(server);
  server.on('connection', (socket: net.Socket) => sockets.add(socket));
  return new Promise((resolve) => {
    server.listen({ host: '127.0.0.1', port: 0 }, () => resolve((server.address() as net.AddressInfo).port));
  });
}

function listenOn(server: net.Server, port: number): void {
  servers.push(server);
  server.on('connection', (socket: net.Socket) => sockets.add(socket));
  server.listen({ host: '127.0.0.1', port });
}

describe('probeOnce', () => {
  it('counts any HTTP status as an answer', async () => {
    const port = await listen(http.createServer((_req, res) => res.writeHead(404).end('no')));
    expect(await probeOnce('127.0.0.1', port, 2_000)).toEqual({ answered: true, firstLine: 'HTTP/1.1 404 Not Found' });
  });

  it('counts a non-HTTP greeting as an answer', async () => {
    const port = await listen(net.createServer((socket) => socket.end('+OK ready\r\n')));
    expect((await probeOnce('127.0.0.1', port, 2_000)).firstLine).toBe('+OK ready');
  });

  it('does not count a connection that is accepted and closed (a port forwarder with no app behind)', async () => {
    const port = await listen(net.createServer((socket) => socket.destroy()));
    expect((await probeOnce('127.0.0.1', port, 2_000)).answered).toBe(false);
  });

  it('does not count a refused connection', async () => {
    const port = await freePort();
    expect((await probeOnce('127.0.0.1', port, 2_000)).answered).toBe(false);
  });

  it('gives up on a silent server at the timeout', async () => {
    // The server never answers or closes: only the probe's own timeout can end this.
    const port = await listen(net.createServer(() => {}));
    expect((await probeOnce('127.0.0.1', port, 300)).answered).toBe(false);
  });
});

describe('waitForAnswer', () => {
  it('keeps trying until the app starts listening', async () => {
    const port = await freePort();
    const server = http.createServer((_req, res) => res.end('ok'));
    setTimeout(() => void listenOn(server, port), 700);
    // No deadline in reach (an hour): the answer ends it, however slow the machine.
    const result = await waitForAnswer('127.0.0.1', port, Date.now() + 3_600_000, async () => false);
    expect(result.answered).toBe(true);
  });

  it('stops early when the container is gone', async () => {
    // The deadline is an hour away, far past the test's timeout: only stopping early ends this.
    const port = await freePort();
    let asked = 0;
    const result = await waitForAnswer('127.0.0.1', port, Date.now() + 3_600_000, async () => ++asked > 0);
    expect(result.answered).toBe(false);
    expect(asked).toBe(1);
  });

  it('returns at the deadline', async () => {
    // Nothing listens and the container never goes away: only the deadline can end this.
    const port = await freePort();
    expect((await waitForAnswer('127.0.0.1', port, Date.now() + 1_200, async () => false)).answered).toBe(false);
  });
});
