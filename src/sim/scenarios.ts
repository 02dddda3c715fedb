// The simulated network's scenarios, light to import (commands parse --scenario with it);
// src/sim/network.ts starts them.
import { RGW_ADR } from '../domain.js';
import type { Messages } from '../ui/i18n.js';

/** One per documented cause of COM-TEST NG (DOMAIN.md §2.5), plus a healthy site. */
export const SCENARIOS = [
  'healthy',
  'dns-down',
  'nxdomain',
  'port-closed',
  'port-filtered',
  'wrong-ca',
  'expired-cert',
  'proxy-407',
  'clock-off',
] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

/** The check each scenario should make fail (null: everything passes). */
export const SCENARIO_FAILS: Readonly<Record<ScenarioName, string | null>> = {
  healthy: null,
  'dns-down': 'dns',
  nxdomain: 'dns',
  'port-closed': 'ugw-tcp',
  'port-filtered': 'ugw-tcp',
  'wrong-ca': 'ugw-tls',
  'expired-cert': 'ugw-tls',
  'proxy-407': 'ugw-http',
  'clock-off': 'device-clock',
};

/** The UGW host name the device resolves (from the manual's RGW-ADR). */
export const UGW_HOST = new URL(RGW_ADR).hostname;
export const UGW_PATH = new URL(RGW_ADR).pathname;
export const YEAR = 365.25 * 86_400_000;
/** clock-off: a device whose clock was reset, five years behind. */
export const CLOCK_OFF_MS = -5 * YEAR;

/** How far the simulated devices' clocks are off in a scenario. */
export function scenarioClockOffsetMs(scenario: ScenarioName): number {
  return scenario === 'clock-off' ? CLOCK_OFF_MS : 0;
}

/** What `eclub simulate` says about the network: where to point `eclub diagnose`. */
export type SimNetworkInfo = {
  scenario: ScenarioName;
  /** host:port of the DNS responder. */
  dns: string;
  rgwUrl: string;
  rgwPort: number;
  proxy: string | null;
  deviceClockOffsetMs: number;
  /** The check the scenario makes fail. */
  fails: string | null;
  /** Where the test CA was written, when it was. */
  caFile?: string;
};

/** The listing lines for the network, in the user's language (pure). */
export function formatNetworkInfo(info: SimNetworkInfo, t: Messages): string[] {
  const lines = [t.reachSimScenario({ scenario: info.scenario }), t.reachSimDns({ dns: info.dns })];
  lines.push(t.reachSimRgw({ url: info.rgwUrl, port: info.rgwPort }));
  if (info.caFile) lines.push(t.reachSimCa({ path: info.caFile }));
  if (info.proxy) lines.push(t.reachSimProxy({ proxy: info.proxy }));
  if (info.deviceClockOffsetMs !== 0) lines.push(t.reachSimClock({ days: Math.round(info.deviceClockOffsetMs / 86_400_000) }));
  lines.push(t.reachSimExpect({ check: info.fails ?? '-' }));
  return lines;
}

/**
 * The `eclub diagnose` flags that point at this network (the fallback DNS too: nothing
 * leaves loopback). The gateway ping goes to loopback as well: the profiles' gateways are
 * real-looking addresses (irc2550i: 101.1.49.55) that must not be pinged.
 */
export function buildDiagnoseArgs(info: SimNetworkInfo): string[] {
  const args = ['--dns', info.dns, '--fallback-dns', info.dns, '--rgw', info.rgwUrl, '--rgw-port', String(info.rgwPort), '--gateway-ping', '127.0.0.1'];
  if (info.caFile) args.push('--ca-file', info.caFile);
  if (info.proxy) args.push('--proxy', info.proxy);
  return args;
}
