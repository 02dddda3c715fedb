// Every scenario of the simulated network makes the expected check fail, and only that one
// (the checks after it are skipped or pass): the training ground and the probes agree.
import { describe, expect, it } from 'vitest';
import { checkDeviceClock, probeUgw } from '../src/checks/reach.js';
import { SCENARIOS, SCENARIO_FAILS, startNetwork, type ScenarioName } from '../src/sim/network.js';
import { en } from '../src/ui/i18n.js';

const EXPECTED: Record<ScenarioName, string> = {
  healthy: 'dns:pass ugw-tcp:pass ugw-tls:pass ugw-http:pass device-clock:pass',
  'dns-down': 'dns:fail ugw-tcp:skip ugw-tls:skip ugw-http:skip device-clock:pass',
  nxdomain: 'dns:fail ugw-tcp:skip ugw-tls:skip ugw-http:skip device-clock:pass',
  'port-closed': 'dns:pass ugw-tcp:fail ugw-tls:skip ugw-http:skip device-clock:pass',
  'port-filtered': 'dns:pass ugw-tcp:fail ugw-tls:skip ugw-http:skip device-clock:pass',
  'wrong-ca': 'dns:pass ugw-tcp:pass ugw-tls:fail ugw-http:skip device-clock:pass',
  'expired-cert': 'dns:pass ugw-tcp:pass ugw-tls:fail ugw-http:skip device-clock:pass',
  'proxy-407': 'dns:pass ugw-tcp:pass ugw-tls:pass ugw-http:fail device-clock:pass',
  'clock-off': 'dns:pass ugw-tcp:pass ugw-tls:pass ugw-http:pass device-clock:fail',
};

describe('startNetwork scenarios', () => {
  it.each(SCENARIOS)('%s', async (scenario) => {
    const net = await startNetwork({ scenario });
    try {
      expect(net.dns.host).toBe('127.0.0.1');
      expect(net.rgwUrl).toBe(`https://a01.ugwdevice.net:${net.rgwPort}/ugw/agentif010`);
      const r = await probeUgw(
        {
          rgwUrl: net.rgwUrl,
          rgwPort: net.rgwPort,
          dns: [net.dns],
          fallbackDns: [],
          caPem: [net.caPem],
          proxy: net.proxy,
          // Only the scenarios that time out on purpose get a short timeout: the machine may be busy.
          timeoutMs: scenario === 'dns-down' || scenario === 'port-filtered' ? 400 : 3000,
        },
        en,
      );
      const now = new Date();
      const deviceClock = new Date(now.getTime() + net.deviceClockOffsetMs).toISOString();
      const checks = [...r.checks, checkDeviceClock(deviceClock, now, r.cert, en)];
      expect(checks.map((c) => `${c.id}:${c.status}`).join(' ')).toBe(EXPECTED[scenario]);
      expect(checks.find((c) => c.status === 'fail')?.id ?? null).toBe(SCENARIO_FAILS[scenario]);
      expect(net.describe()).toEqual({
        scenario,
        dns: `127.0.0.1:${net.dns.port}`,
        rgwUrl: net.rgwUrl,
        rgwPort: net.rgwPort,
        proxy: net.proxy,
        deviceClockOffsetMs: net.deviceClockOffsetMs,
        fails: SCENARIO_FAILS[scenario],
      });
      expect(net.caPem).toMatch(/^-----BEGIN CERTIFICATE-----/);
    } finally {
      await net.close();
    }
  });

  it('the proxy-407 proxy offers only NTLM and Negotiate', async () => {
    const net = await startNetwork({ scenario: 'proxy-407' });
    try {
      expect(net.proxy).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const r = await probeUgw(
        { rgwUrl: net.rgwUrl, rgwPort: net.rgwPort, dns: [net.dns], fallbackDns: [], caPem: [net.caPem], proxy: net.proxy, timeoutMs: 3000 },
        en,
      );
      expect(r.checks[3]!.evidence).toContain('offers: NTLM, Negotiate');
      expect(r.checks[3]!.fix).toMatch(/only speaks Basic/);
    } finally {
      await net.close();
    }
  });
});
