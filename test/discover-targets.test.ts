import { describe, expect, it } from 'vitest';
import { EclubError } from '../src/errors.js';
import { en, ko } from '../src/ui/i18n.js';
import {
  buildBroadcastAddresses,
  buildLocalRanges,
  parseTarget,
  parseTargets,
  TargetSyntaxError,
  TooManyTargetsError,
} from '../src/discover/targets.js';

describe('parseTargets', () => {
  it.each([
    ['127.0.0.0/24', 254, '127.0.0.1', '127.0.0.254'],
    ['10.0.0.0/30', 2, '10.0.0.1', '10.0.0.2'],
    ['10.0.0.0/31', 2, '10.0.0.0', '10.0.0.1'],
    ['10.0.0.9/32', 1, '10.0.0.9', '10.0.0.9'],
    ['10.1.2.77/24', 254, '10.1.2.1', '10.1.2.254'],
    ['192.168.0.10', 1, '192.168.0.10', '192.168.0.10'],
    ['192.168.0.10-20', 11, '192.168.0.10', '192.168.0.20'],
    ['192.168.0.250-192.168.1.5', 12, '192.168.0.250', '192.168.1.5'],
    ['172.16.0.0/16', 65534, '172.16.0.1', '172.16.255.254'],
  ])('%s → %i hosts from %s to %s', (target, count, first, last) => {
    const hosts = parseTargets([target]);
    expect(hosts).toHaveLength(count);
    expect(hosts[0]).toBe(first);
    expect(hosts.at(-1)).toBe(last);
  });

  it('merges overlapping targets without probing an address twice', () => {
    expect(parseTargets(['10.0.0.0/30', '10.0.0.2', '10.0.0.1-3'])).toEqual(['10.0.0.1', '10.0.0.2', '10.0.0.3']);
  });

  it.each(['10.0.0.0/33', '10.0.0/24', '10.0.0.256', 'printer', '10.0.0.20-10', '10.0.0.1-300', '10.0.0.1-', '', '010.0.0.1', '10.0.0.0/24/1'])(
    'refuses %j, naming it and what is allowed (exit 2)',
    (target) => {
      let err: unknown;
      try {
        parseTargets([target]);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TargetSyntaxError);
      expect((err as EclubError).exitCode).toBe(2);
      expect((err as EclubError).render(en)).toContain(`"${target}"`);
      expect((err as EclubError).render(en)).toContain('a.b.c.d/nn');
      expect((err as EclubError).render(ko)).toContain('서브넷');
    },
  );

  it.each([['10.0.0.0/8'], ['10.0.0.0/15'], ['172.16.0.0/16', '172.17.0.1-10']])('refuses %s (more than a /16) without --force', (...targets) => {
    let err: unknown;
    try {
      parseTargets(targets);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TooManyTargetsError);
    expect((err as EclubError).render(en)).toContain(targets[0]);
    expect((err as EclubError).fix?.(en)).toContain('--force');
  });

  it('accepts more than a /16 with --force', () => {
    expect(parseTargets(['10.0.0.0/15'], { force: true })).toHaveLength(131070);
  });
});

describe('buildLocalRanges', () => {
  const ifaces = {
    lo: [{ family: 'IPv4', address: '127.0.0.1', netmask: '255.0.0.0', internal: true }],
    eth0: [
      { family: 'IPv4', address: '192.168.10.23', netmask: '255.255.255.0', internal: false },
      { family: 'IPv6', address: 'fe80::1', netmask: 'ffff:ffff:ffff:ffff::', internal: false },
    ],
    wlan0: [{ family: 4, address: '10.20.30.40', netmask: '255.255.252.0', internal: false }],
    docker0: [{ family: 'IPv4', address: '192.168.10.99', netmask: '255.255.255.0', internal: false }],
  };

  it('lists each IPv4 subnet once, skipping loopback and IPv6', () => {
    expect(buildLocalRanges(ifaces).map((r) => r.label)).toEqual(['192.168.10.0/24', '10.20.28.0/22']);
  });

  it('includes loopback when asked', () => {
    expect(buildLocalRanges(ifaces, { includeLoopback: true }).map((r) => r.label)).toContain('127.0.0.0/8');
  });

  it('gives each subnet its broadcast address; single addresses have none', () => {
    const ranges = [...buildLocalRanges(ifaces), parseTarget('10.0.0.5')];
    expect(buildBroadcastAddresses(ranges)).toEqual(['192.168.10.255', '10.20.31.255']);
  });
});
