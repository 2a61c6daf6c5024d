import { describe, expect, it } from 'vitest';
import { contextFrom, type ContextValue } from '../context/types';
import { makeClause } from './clause';
import { compileCondition } from './compile';
import { parseCidr } from './ip';

function decide(op: string, values: string | string[], context: ContextValue | undefined) {
  const c = compileCondition(makeClause(op, 'aws:SourceIp', values), '2012-10-17');
  const ctx = contextFrom(context === undefined ? [] : [['aws:SourceIp', context]]);
  expect(c.explain(ctx).result).toBe(c.test(ctx));
  return c.test(ctx);
}

// "Condition operators" → IP address condition operators.
const cases: [rule: string, op: string, values: string | string[], context: ContextValue | undefined, expected: boolean][] = [
  ['IpAddress: inside 203.0.113.0/24', 'IpAddress', '203.0.113.0/24', '203.0.113.42', true],
  ['IpAddress: outside the range', 'IpAddress', '203.0.113.0/24', '203.0.114.1', false],
  ['IpAddress: an address without a prefix is /32', 'IpAddress', '203.0.113.7', '203.0.113.7', true],
  ['IpAddress: /32 default excludes neighbours', 'IpAddress', '203.0.113.7', '203.0.113.8', false],
  ['IpAddress: IPv6 range (2001:DB8:1234:5678::/64)', 'IpAddress', '2001:DB8:1234:5678::/64', '2001:db8:1234:5678:abcd::1', true],
  ['IpAddress: IPv6 outside the range', 'IpAddress', '2001:DB8:1234:5678::/64', '2001:db8:1234:5679::1', false],
  ['IpAddress: IPv6 address without prefix is /128', 'IpAddress', '2001:db8::1', '2001:DB8:0:0:0:0:0:1', true],
  ['IpAddress: mixing IPv4 and IPv6 ranges', 'IpAddress', ['203.0.113.0/24', '2001:DB8:1234:5678::/64'], '2001:db8:1234:5678::9', true],
  ['IpAddress: an IPv4 address never matches an IPv6 range', 'IpAddress', '::/0', '203.0.113.1', false],
  ['IpAddress: an IPv4-mapped IPv6 address is its IPv4 address', 'IpAddress', '203.0.113.0/24', '::ffff:203.0.113.9', true],
  ['IpAddress: 0.0.0.0/0 is every IPv4 address', 'IpAddress', '0.0.0.0/0', '198.51.100.1', true],
  ['NotIpAddress: all addresses except the range', 'NotIpAddress', '203.0.113.0/24', '198.51.100.1', true],
  ['NotIpAddress: inside the range is false', 'NotIpAddress', ['10.0.0.0/8', '203.0.113.0/24'], '203.0.113.5', false],
  ['a non-IP context value makes IpAddress false', 'IpAddress', '0.0.0.0/0', 'example.com', false],
  ['… and NotIpAddress false too', 'NotIpAddress', '203.0.113.0/24', 'example.com', false],
  ['non-decimal IPv4 forms are not addresses', 'IpAddress', '127.0.0.0/8', '127.1', false],
  ['a malformed policy CIDR never matches', 'IpAddress', '203.0.113.0/33', '203.0.113.1', false],
  ['a missing key (VPC endpoint request) is false', 'IpAddress', '203.0.113.0/24', undefined, false],
  ['a missing key makes NotIpAddress true', 'NotIpAddress', '203.0.113.0/24', undefined, true],
];

describe('IP address condition operators', () => {
  it.each(cases)('%s', (_rule, op, values, context, expected) => {
    expect(decide(op, values, context)).toBe(expected);
  });
  it('parses CIDRs', () => {
    expect(parseCidr('203.0.113.0/24')?.[1]).toBe(24);
    expect(parseCidr('203.0.113.0')?.[1]).toBe(32);
    expect(parseCidr('2001:db8::')?.[1]).toBe(128);
    for (const bad of ['203.0.113.0/', '203.0.113.0/x', '300.0.0.0/8', '2001:db8::/129', '']) expect(parseCidr(bad), bad).toBeUndefined();
  });
});
