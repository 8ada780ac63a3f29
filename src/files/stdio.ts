// Text to the standard output or error. On Linux and macOS, Node writes to a terminal, a pipe or a
// file synchronously anyway (https://nodejs.org/api/process.html#a-note-on-process-io), so writing
// to the descriptor directly keeps the same order and saves what the first use of process.stdout
// costs: building a stream, with Node's stream modules and, for a pipe or terminal, net and tty,
// in every run, for a few kB written once. On Windows, where terminals and pipes are written
// asynchronously, Node's streams are used as before.
import { fstatSync, statSync, writeSync } from 'node:fs';
import { tty } from '../lazy.js';
import { errorCode } from './access.js';

/**
 * Whether a standard descriptor is a terminal. node:tty answers, but loading it loads net and the
 * stream modules (about 5 ms), so what cannot be a terminal is told apart first: anything that is
 * no character device (a pipe, a file, a socket), and /dev/null, which is how scripts and CI
 * usually start us.
 */
export function isTerminal(fd: 0 | 1 | 2): boolean {
  if (process.platform !== 'win32') {
    try {
      const st = fstatSync(fd);
      if (!st.isCharacterDevice() || st.rdev === statSync('/dev/null').rdev) return false;
    } catch {
      return false;
    }
  }
  return tty().isatty(fd);
}

export function writeStdio(fd: 1 | 2, text: string): void {
  const stream = () => (fd === 1 ? process.stdout : process.stderr);
  if (process.platform === 'win32') {
    stream().write(text);
    return;
  }
  let rest = Buffer.from(text, 'utf8');
  while (rest.length > 0) {
    try {
      rest = rest.subarray(writeSync(fd, rest));
    } catch (error) {
      const code = errorCode(error);
      // A full pipe someone made non-blocking: the stream waits for it.
      if (code === 'EAGAIN') {
        stream().write(rest);
        return;
      }
      // The reader has gone (`| head`): nothing more can be said.
      if (code === 'EPIPE') return;
      throw error;
    }
  }
}
