import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createAssetKey, verifyEmbargoedUrl } from './embargo.js';

const key = 'embargo-test-signing-key';
const path = '/images/folio/asset1/0123456789abcdef0123456789abcdef/a.png';
const now = Date.UTC(2026, 0, 1);
const inAnHour = now / 1000 + 3600;
const part = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (claims: object, secret: string, header: object = { alg: 'HS256', typ: 'JWT' }) => {
  const unsigned = `${part(header)}.${part(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
};
const query = (policy: string, token: string) => new URLSearchParams({ policy, token });
const verify = (q: URLSearchParams, at = now, keys = [key], space = 'folio') => verifyEmbargoedUrl(space, path, q, keys, at);

describe('embargoed asset URLs', () => {
  const { policy, secret } = createAssetKey('folio', inAnHour, key);

  it('accept a token for the URL under the key’s secret, until the key expires, under any current signing key', () => {
    expect(verify(query(policy, jwt({ sub: `https://cdn.example${path}` }, secret)))).toBe(true);
    expect(verify(query(policy, jwt({ sub: `//cdn.example${path}` }, secret)), now, ['newer-signing-key-0000', key])).toBe(true);
    expect(verify(query(policy, jwt({ sub: path }, secret)), (inAnHour + 1) * 1000)).toBe(false);
  });

  it('refuse other spaces, other URLs, other secrets, expired tokens, unsigned and forged policies', () => {
    const other = createAssetKey('folio', inAnHour, 'some-other-signing-key');
    const forged = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ exp: inAnHour + 10 ** 6, sub: 'folio', aud: 'adn' })}.${policy.split('.')[2]}`;
    for (const q of [
      query(policy, jwt({ sub: `https://cdn.example${path}x` }, secret)),
      query(policy, jwt({ sub: path }, other.secret)),
      query(other.policy, jwt({ sub: path }, other.secret)),
      query(policy, jwt({ sub: path, exp: now / 1000 - 1 }, secret)),
      query(policy, jwt({ sub: path }, secret, { alg: 'none' })),
      query(forged, jwt({ sub: path }, secret)),
      query(policy, `${part({ alg: 'none' })}.${part({ sub: path })}.`),
      new URLSearchParams({ policy }),
      new URLSearchParams([['policy', policy], ['policy', policy], ['token', jwt({ sub: path }, secret)]]),
    ]) {
      expect(verify(q)).toBe(false);
    }
    expect(verify(query(policy, jwt({ sub: path }, secret)), now, [key], 'another-space')).toBe(false);
  });
});
