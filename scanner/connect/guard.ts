/**
 * Private-network guard: without `allowPrivate`, no request goes to a host that
 * is, or resolves to, a loopback, private, link-local, unique-local, unspecified,
 * multicast or otherwise non-public address, however it is spelled.
 */
import { BlockList, isIP } from 'node:net';
import { lookup as dnsLookup } from 'node:dns/promises';
import { ScanError } from './errors.ts';

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(net, bits, 'ipv4');
}
for (const [net, bits] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b:1::', 48],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['fec0::', 10],
  ['ff00::', 8],
] as const) {
  blocked.addSubnet(net, bits, 'ipv6');
}

/** The IPv4 address embedded in an IPv4-mapped, -compatible, NAT64 or 6to4 IPv6 address. */
function embeddedV4(addr: string): string | undefined {
  const lower = addr.toLowerCase();
  const dotted = /^(?:::ffff:|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (dotted) return dotted[1];
  const hex = /^(?:::ffff:|::|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(lower);
  if (hex) {
    const hi = parseInt(hex[1], 16);
    const lo = parseInt(hex[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  const sixToFour = /^2002:([0-9a-f]{1,4}):([0-9a-f]{1,4}):/.exec(lower);
  if (sixToFour) {
    const hi = parseInt(sixToFour[1], 16);
    const lo = parseInt(sixToFour[2], 16);
    return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  }
  return undefined;
}

/** True when `addr` (an IP literal) is not a public unicast address. */
export function isPrivateAddress(addr: string): boolean {
  const bare = addr.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return blocked.check(bare, 'ipv4');
  if (family === 6) {
    const v4 = embeddedV4(bare);
    if (v4) return blocked.check(v4, 'ipv4');
    return blocked.check(bare, 'ipv6');
  }
  return true; // not an address at all: refuse rather than guess
}

/** Resolves a host name to all its addresses. Replaceable in tests. */
export type Lookup = (host: string) => Promise<string[]>;

const systemLookup: Lookup = async (host) => (await dnsLookup(host, { all: true, verbatim: true })).map((a) => a.address);

/**
 * Checks `url` before any request: refuses non-http(s) URLs, and unless
 * `allowPrivate`, any host that is or resolves to a non-public address.
 * Throws `ScanError('blocked' | 'unreachable')`.
 */
export async function checkUrl(url: URL, opts: { allowPrivate: boolean; lookup?: Lookup }): Promise<void> {
  if (checkLiteral(url, opts)) return;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addrs: string[];
  try {
    addrs = await (opts.lookup ?? systemLookup)(host);
  } catch (err) {
    throw new ScanError('unreachable', `cannot resolve ${host}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const bad = addrs.find(isPrivateAddress);
  if (bad) throw new ScanError('blocked', `${host} resolves to ${bad}, which is not a public address (use --allow-private to scan it)`);
}

/**
 * The checks of `checkUrl` that need no DNS: the scheme, IP-literal hosts and
 * loopback names. Returns true when nothing is left to check (a literal, or
 * private addresses are allowed); false when the host name must still be
 * resolved and checked (the guarded agents do that as they connect).
 */
export function checkLiteral(url: URL, opts: { allowPrivate: boolean }): boolean {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ScanError('blocked', `refusing ${url.protocol} URL: only http and https are scanned`);
  }
  if (opts.allowPrivate) return true;
  // WHATWG URL parsing has already normalised 127.1, 2130706433 and 0x7f.0.0.1 to 127.0.0.1.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) {
    if (isPrivateAddress(host)) throw new ScanError('blocked', `${host} is not a public address (use --allow-private to scan it)`);
    return true;
  }
  if (/(^|\.)localhost\.?$/i.test(host)) {
    throw new ScanError('blocked', `${host} is a loopback name (use --allow-private to scan it)`);
  }
  return false;
}
