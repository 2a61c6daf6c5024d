/**
 * IP address condition operators ("Condition operators" → IP address condition
 * operators): IpAddress and NotIpAddress compare a key (aws:SourceIp) with IPv4 or IPv6
 * addresses or ranges in CIDR form (`203.0.113.0/24`, `2001:DB8:1234:5678::/64`); "if you
 * specify an IP address without the associated routing prefix, IAM uses the default
 * prefix value of /32" (/128 for IPv6). No policy variables, no wildcards.
 *
 * IPv4 must be dotted-quad decimal (`127.1` or `0x7f.0.0.1` are not addresses here). An
 * IPv4-mapped IPv6 context value (`::ffff:203.0.113.5`) is compared as its IPv4 address.
 * A context value that is not an IP address never matches, for NotIpAddress too.
 */
import ipaddr from 'ipaddr.js';
import { cachedParser, templatesOf, valueSet, type Family, type ValueTest } from './family';

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Parses one address; `undefined` when it is not an IPv4 dotted quad or an IPv6 address. */
export function parseIp(text: string): Address | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (!text.includes(':') || !ipaddr.IPv6.isValid(text)) return undefined;
  const v6 = ipaddr.IPv6.parse(text);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/** Parses `address[/prefix]`; `undefined` when malformed. */
export function parseCidr(text: string): [Address, number] | undefined {
  const slash = text.indexOf('/');
  const address = parseIp(slash < 0 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const max = address.kind() === 'ipv4' ? 32 : 128;
  if (slash < 0) return [address, max];
  const prefixText = text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > max) return undefined;
  return [address, prefix];
}

const parseContextIp = cachedParser(parseIp);

export const ipAddressFamily: Family = {
  name: 'IpAddress',
  variables: false,
  compile(values, version) {
    const templates = templatesOf(values, false, version);
    const tests = values.map((v): ValueTest<Address> => {
      const range = parseCidr(v);
      if (!range) return () => 0;
      const [net, bits] = range;
      return (addr) => (addr.kind() === net.kind() && addr.match(net, bits) ? 1 : 0);
    });
    return valueSet(templates, parseContextIp, tests);
  },
};
