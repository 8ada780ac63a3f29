import { describe, expect, it } from 'vitest';
import { parseCommand, tokenize } from '../../src/detect/command.js';

describe('parseCommand', () => {
  it('turns plain words into exec form', () => {
    expect(parseCommand('node server.js --port 3000')).toEqual({ kind: 'exec', argv: ['node', 'server.js', '--port', '3000'] });
  });

  it('removes quotes like a POSIX shell would', () => {
    expect(parseCommand(`node "my server.js" 'a b' c\\ d "say \\"hi\\""`)).toEqual({
      kind: 'exec',
      argv: ['node', 'my server.js', 'a b', 'c d', 'say "hi"'],
    });
  });

  it.each([
    ['node a.js && echo started', 'background'],
    ['node a.js | pino-pretty', 'pipe'],
    ['node a.js; node b.js', 'several commands'],
    ['node a.js > out.log', 'redirection'],
    ['node $ENTRY', 'variable'],
    ['node "${ENTRY}"', 'variable'],
    ['node `which app`', 'command substitution'],
    ['node dist/*.js', 'glob'],
    ['node ~/app.js', 'home-folder'],
    ['node a.js &', 'background'],
    ['node "unterminated', 'unterminated'],
  ])('keeps %s as shell form', (text, reason) => {
    expect(parseCommand(text)).toEqual({ kind: 'shell', command: text });
    const tokens = tokenize(text);
    expect(tokens.kind).toBe('shell');
    if (tokens.kind === 'shell') expect(tokens.reason).toContain(reason);
  });

  it('treats leading assignments as shell syntax for exec purposes, but tokenize reports them', () => {
    expect(parseCommand('NODE_ENV=production node x.js')).toEqual({ kind: 'shell', command: 'NODE_ENV=production node x.js' });
    expect(tokenize('NODE_ENV=production PORT=80 node x.js')).toEqual({
      kind: 'words',
      env: [['NODE_ENV', 'production'], ['PORT', '80']],
      argv: ['node', 'x.js'],
    });
  });

  it('only counts unquoted NAME= at the start as an assignment', () => {
    expect(tokenize('"A=b" node')).toEqual({ kind: 'words', env: [], argv: ['A=b', 'node'] });
    expect(tokenize('node --title=x')).toEqual({ kind: 'words', env: [], argv: ['node', '--title=x'] });
  });

  it('keeps metacharacters inside single quotes literal', () => {
    expect(parseCommand("node -e 'a && b | c $HOME'")).toEqual({ kind: 'exec', argv: ['node', '-e', 'a && b | c $HOME'] });
  });

  it('treats an empty command as shell form, never as an empty exec', () => {
    expect(parseCommand('   ')).toEqual({ kind: 'shell', command: '' });
  });
});
