import { describe, expect, it } from 'vitest';
import { isRootUser, parseInspect } from '../../src/verify/image.js';

describe('parseInspect', () => {
  it('reads size, layer count and user from podman/docker image inspect', () => {
    const json = JSON.stringify([
      { Id: 'abc', Size: 74_123_456, RootFS: { Type: 'layers', Layers: ['sha256:1', 'sha256:2', 'sha256:3'] }, Config: { User: '65532' } },
    ]);
    expect(parseInspect(json)).toEqual({ sizeBytes: 74_123_456, layers: 3, user: '65532' });
  });
  it('says root when the image sets no user', () => {
    expect(parseInspect(JSON.stringify([{ Size: 1, RootFS: { Layers: [] }, Config: {} }])).user).toBe('root');
  });
  it('fails loudly on output without a size', () => {
    expect(() => parseInspect('[]')).toThrow(/no Size/);
  });
});

describe('isRootUser', () => {
  it.each(['root', '0', '0:0', 'root:root', ''])('%j is root', (user) => expect(isRootUser(user)).toBe(true));
  it.each(['65532', 'nonroot', 'node', '1000:1000', '10001:0'])('%j is not root', (user) => expect(isRootUser(user)).toBe(false));
});
