import { isIP } from 'node:net';

/**
 * Which IP addresses a fetch may connect to. Checked on the address actually dialled (after DNS),
 * never on the URL text, so a hostname that resolves to 10.0.0.1 is refused like the literal.
 * Returns the reason an address is refused, or null when it is a public unicast address.
 */
export function addressGuard(ip: string): string | null {
  const family = isIP(ip);
  if (family === 4) return v4Reason(v4ToInt(ip));
  if (family === 6) return v6Reason(ip);
  return 'not an IP address';
}

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

// [network, prefix length, reason] — IANA special-purpose registry, the ones a fetcher must avoid.
const V4_BLOCKS: Array<[string, number, string]> = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'carrier-grade NAT'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local (cloud metadata)'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'IETF protocol assignments'],
  ['192.0.2.0', 24, 'documentation'],
  ['192.88.99.0', 24, '6to4 relay'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'benchmarking'],
  ['198.51.100.0', 24, 'documentation'],
  ['203.0.113.0', 24, 'documentation'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];
const V4_TABLE = V4_BLOCKS.map(([net, bits, reason]) => ({
  net: v4ToInt(net),
  size: 2 ** (32 - bits),
  reason,
}));

function v4Reason(n: number): string | null {
  for (const b of V4_TABLE) if (n >= b.net && n < b.net + b.size) return b.reason;
  return null;
}

/** Expands an IPv6 address (with an optional dotted IPv4 tail) into its 8 16-bit groups. */
export function v6Groups(ip: string): number[] {
  let text = ip.toLowerCase().split('%')[0]!;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const n = v4ToInt(dotted[1]!);
    text = text.slice(0, dotted.index) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array<string>(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16));
}

function v6Reason(ip: string): string | null {
  const g = v6Groups(ip);
  const embeddedV4 = ((g[6]! << 16) >>> 0) + g[7]!;
  const zeroPrefix = (n: number): boolean => g.slice(0, n).every((x) => x === 0);
  if (zeroPrefix(8)) return 'unspecified';
  if (zeroPrefix(7) && g[7] === 1) return 'loopback';
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (compatible) reach the IPv4 address: judge that.
  if (zeroPrefix(5) && g[5] === 0xffff) return prefixed('IPv4-mapped', v4Reason(embeddedV4));
  if (zeroPrefix(6)) return prefixed('IPv4-compatible', v4Reason(embeddedV4) ?? 'deprecated');
  if (zeroPrefix(4) && g[4] === 0xffff && g[5] === 0) return prefixed('IPv4-translated', v4Reason(embeddedV4));
  // NAT64 well-known prefix 64:ff9b::/96 also embeds an IPv4 address.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) {
    return prefixed('NAT64', v4Reason(embeddedV4));
  }
  if ((g[0]! & 0xfe00) === 0xfc00) return 'unique local (private)';
  if ((g[0]! & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0]! & 0xffc0) === 0xfec0) return 'site-local';
  if ((g[0]! & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'documentation';
  if (g[0] === 0x2002) return '6to4';
  if (g[0] === 0x2001 && g[1] === 0) return 'Teredo';
  if (g[0] === 0x100 && g.slice(1, 4).every((x) => x === 0)) return 'discard-only';
  return null;
}

function prefixed(kind: string, reason: string | null): string | null {
  return reason === null ? null : `${kind} ${reason}`;
}
