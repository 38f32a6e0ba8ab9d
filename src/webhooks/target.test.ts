import { describe, expect, it } from 'vitest';
import { pinnedLookup, publicTargetsOnly, refusedRange, resolveTarget, TargetRefused } from './target.js';

const allowPrivate = { allowPrivate: true };

describe('refusedRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.2.3.4', 'private'],
    ['172.16.0.1', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['::', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['192.0.2.1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['64:ff9b::a00:1', 'rfc6052'],
    ['2002:7f00:1::', '6to4'],
  ])('refuses %s (%s) by default', (address, range) => {
    expect(refusedRange(address, publicTargetsOnly)).toBe(range);
  });

  it('calls public unicast addresses', () => {
    for (const a of ['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:8.8.8.8']) expect(refusedRange(a, publicTargetsOnly)).toBeUndefined();
  });

  it('with private networks allowed, still refuses link-local, unspecified and multicast', () => {
    for (const a of ['127.0.0.1', '::1', '10.0.0.1', '192.168.0.1', 'fd00::1', '100.64.0.1']) expect(refusedRange(a, allowPrivate)).toBeUndefined();
    for (const a of ['169.254.169.254', 'fe80::1', '0.0.0.0', '224.0.0.1']) expect(refusedRange(a, allowPrivate)).toBeDefined();
  });
});

describe('resolveTarget and pinnedLookup', () => {
  it('resolves a name, checks every address, and refuses it when one is internal', async () => {
    await expect(resolveTarget('localhost', publicTargetsOnly)).rejects.toBeInstanceOf(TargetRefused);
    expect((await resolveTarget('localhost', allowPrivate)).address).toMatch(/^(127\.0\.0\.1|::1)$/);
    expect(await resolveTarget('[::1]', allowPrivate)).toEqual({ address: '::1', family: 6 });
  });

  it('answers every lookup with the checked address, whatever the name', () => {
    const lookup = pinnedLookup({ address: '93.184.216.34', family: 4 });
    const answers: unknown[] = [];
    lookup('rebinding.example', { all: true }, (...args: unknown[]) => answers.push(args));
    lookup('rebinding.example', {}, (...args: unknown[]) => answers.push(args));
    expect(answers).toEqual([[null, [{ address: '93.184.216.34', family: 4 }]], [null, '93.184.216.34', 4]]);
  });
});
