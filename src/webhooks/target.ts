/**
 * Where a webhook may call. By default only public unicast addresses: a definition must not turn
 * Folio into a proxy into its own network (loopback, private, link-local, unique-local, CGNAT,
 * reserved ranges, and IPv4 inside IPv6 judged as the IPv4 it carries). The name is resolved at
 * call time, every address it resolves to is checked, and the connection goes to the checked
 * address (see pinnedLookup), so a DNS answer that changes between check and connect (DNS
 * rebinding) gains nothing. Redirects are never followed (attempt.ts), so there is no second hop
 * to check.
 */
import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

export interface TargetPolicy {
  /**
   * FOLIO_WEBHOOK_ALLOW_PRIVATE=1: private networks (loopback, RFC 1918, unique-local, CGNAT)
   * are allowed for receivers inside them. Link-local (where cloud metadata services answer),
   * unspecified, multicast and broadcast addresses stay refused even then.
   */
  allowPrivate: boolean;
}

export const publicTargetsOnly: TargetPolicy = { allowPrivate: false };

const privateRanges = new Set(['loopback', 'private', 'uniqueLocal', 'carrierGradeNat']);

/** Undefined when the address may be called under the policy; else the name of its range. */
export function refusedRange(address: string, policy: TargetPolicy): string | undefined {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address);
  } catch {
    return 'invalid';
  }
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
  const range = ip.range();
  if (range === 'unicast') return undefined;
  return policy.allowPrivate && privateRanges.has(range) ? undefined : range;
}

/** An IP literal in a URL's host (IPv6 without its brackets), or undefined for a name. */
export function literalAddress(hostname: string): string | undefined {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return ipaddr.isValid(bare) ? bare : undefined;
}

export class TargetRefused extends Error {
  constructor(readonly range: string) {
    super(`The webhook's address is in a ${range} range, which Folio does not call`);
    this.name = 'TargetRefused';
  }
}

export interface PinnedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * The address to connect to for `hostname`: every address the name resolves to must be
 * allowed (else TargetRefused); the first is used. Resolution errors pass through (ENOTFOUND…).
 */
export async function resolveTarget(hostname: string, policy: TargetPolicy): Promise<PinnedAddress> {
  const literal = literalAddress(hostname);
  const answers = literal
    ? [{ address: literal, family: ipaddr.parse(literal).kind() === 'ipv6' ? 6 : 4 }]
    : await dns.promises.lookup(hostname, { all: true, verbatim: true });
  if (answers.length === 0) throw Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' });
  for (const a of answers) {
    const range = refusedRange(a.address, policy);
    if (range) throw new TargetRefused(range);
  }
  const first = answers[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

/** A `lookup` for http.request that answers only with the address already checked. */
export function pinnedLookup(pinned: PinnedAddress): LookupFunction {
  return ((_hostname: string, options: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address: pinned.address, family: pinned.family }]);
    else callback(null, pinned.address, pinned.family);
  }) as LookupFunction;
}
