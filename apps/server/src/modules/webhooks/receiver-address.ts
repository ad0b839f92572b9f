import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Which addresses a webhook may be posted to. A partner chooses the URL, so
 * without this check the server could be made to post into its own machine or
 * network (SSRF), and the delivery log would report which ports answer.
 *
 * Two lists, never mixed: Node's BlockList matches an IPv6 rule such as
 * `::ffff:0:0/96` against every IPv4 address it checks, which refused every
 * public IPv4 receiver. An IPv6 address that carries an IPv4 address (mapped
 * `::ffff:a.b.c.d`) is turned into that IPv4 address first and judged by the IPv4 list.
 */
const blockedV4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"; 0.0.0.0 reaches the local machine
  ['10.0.0.0', 8], // RFC 1918
  ['100.64.0.0', 10], // shared address space (CGNAT), RFC 6598
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata services
  ['172.16.0.0', 12], // RFC 1918
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16], // RFC 1918
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and 255.255.255.255 broadcast
] as const)
  blockedV4.addSubnet(net, prefix, 'ipv4');

/** Only global unicast (2000::/3) can be public; inside it, these are not. */
const globalUnicastV6 = new BlockList();
globalUnicastV6.addSubnet('2000::', 3, 'ipv6');
const blockedV6 = new BlockList();
for (const [net, prefix] of [
  ['::', 96], // unspecified, loopback and IPv4-compatible (::127.0.0.1)
  ['::ffff:0:0:0', 96], // IPv4-translated (RFC 2765)
  ['64:ff9b::', 96], // NAT64: reaches any IPv4 address through a translator
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments, Teredo (2001::/32)
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: reaches any IPv4 address through a relay
  ['3fff::', 20], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed by some stacks)
  ['ff00::', 8], // multicast
] as const)
  blockedV6.addSubnet(net, prefix, 'ipv6');

/**
 * The address in the WHATWG URL parser's canonical form: IPv4 in any notation
 * (127.1, 0x7f.0.0.1, 2130706433) becomes dotted decimal, IPv6 becomes its
 * compressed lower-case form with any dotted tail in hex (::ffff:7f00:1).
 */
function canonical(address: string): { address: string; family: 4 | 6 } | null {
  const bare = address.replace(/^\[|\]$/g, '');
  const literal = isIP(bare) === 6 || bare.includes(':') ? `[${bare}]` : bare;
  let host: string;
  try {
    host = new URL(`http://${literal}/`).hostname;
  } catch {
    return null;
  }
  const unbracketed = host.replace(/^\[|\]$/g, '');
  const family = isIP(unbracketed);
  if (family === 4 || family === 6) return { address: unbracketed, family };
  return null;
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (::ffff:7f00:1 is 127.0.0.1), or null. */
function mappedIPv4(v6: string): string | null {
  const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(v6);
  if (!match) return null;
  const high = parseInt(match[1] ?? '0', 16);
  const low = parseInt(match[2] ?? '0', 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * Whether an IP address (any literal form) may receive webhooks: a public
 * unicast address. Anything that is not an IP address is not public.
 */
export function isPublicAddress(address: string): boolean {
  const ip = canonical(address);
  if (!ip) return false;
  if (ip.family === 4) return !blockedV4.check(ip.address, 'ipv4');
  const v4 = mappedIPv4(ip.address);
  if (v4) return !blockedV4.check(v4, 'ipv4');
  return globalUnicastV6.check(ip.address, 'ipv6') && !blockedV6.check(ip.address, 'ipv6');
}

export class PrivateReceiverError extends Error {
  readonly code = 'EPRIVATERECEIVER';
  constructor(readonly address: string) {
    super(`The receiver's address ${address} is on a private network`);
  }
}

type Resolve = (
  hostname: string,
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

const systemResolve: Resolve = (hostname, callback) => dnsLookup(hostname, { all: true }, callback);

/**
 * A `lookup` for the HTTP agent that resolves the name once, refuses it when
 * any of its addresses is private, and hands the connection exactly the
 * addresses it checked: a name re-pointed to 127.0.0.1 after a check (DNS
 * rebinding) cannot slip through, since there is no second resolution.
 * `resolve` is the system resolver; tests pass their own answers.
 */
export function publicOnlyLookup(resolve: Resolve = systemResolve): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const wanted = options.family === 4 || options.family === 6 ? options.family : 0;
      const usable = addresses.filter((a) => wanted === 0 || a.family === wanted);
      const blocked = usable.find((a) => !isPublicAddress(a.address));
      if (blocked) return callback(new PrivateReceiverError(blocked.address), '', 0);
      const first = usable[0];
      if (!first) {
        const notFound: NodeJS.ErrnoException = new Error(`No address found for ${hostname}`);
        notFound.code = 'ENOTFOUND';
        return callback(notFound, '', 0);
      }
      // net.connect asks for every address when it tries IPv6 and IPv4 in turn (autoSelectFamily).
      if (options.all) return callback(null, usable);
      callback(null, first.address, first.family);
    });
  };
}
