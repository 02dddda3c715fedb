// `eclub diagnose`, the core: run every check in dependency order, independent parts in
// parallel, so the whole run takes the longest chain of timeouts, not their sum:
//
//   device-snmp ──┬─ network settings (pure)
//                 ├─ gateway-icmp (unless the record already named the gateway)
//                 └─────────────────────────────┐
//   device-icmp                                 ├─ device-clock (needs the UGW certificate)
//   probeUgw: dns → ugw-tcp → ugw-tls → ugw-http┘
//
// The probes, the SNMP reader and the network rules come in through `deps`.
import { EclubError, ExitCode, type ExitCodeValue } from '../errors.js';
import type { Lang, Messages } from '../ui/i18n.js';
import type { CheckResult, DeviceInfo, Family, SnmpOptions } from '../types.js';
import type { NetworkInput } from './network.js';
import type { CertInfo, HostPort, ReachTargets, UgwProbe } from './reach.js';
import { buildDiagnoseExitCode, buildVerdict, type Verdict } from './verdict.js';

/** The outside world of a diagnose: the real modules (src/diagnose/deps.ts) or fakes in tests. */
export interface DiagnoseDeps {
  readDevice(host: string, opts: SnmpOptions): Promise<{ device: DeviceInfo }>;
  probeUgw(targets: ReachTargets, t: Messages): Promise<UgwProbe>;
  probeIcmp(id: 'device-icmp' | 'gateway-icmp', host: string, timeoutMs: number, t: Messages): Promise<CheckResult>;
  checkDeviceClock(clock: string | null, now: Date, cert: CertInfo | null, t: Messages): CheckResult;
  checkNetworkSettings(input: NetworkInput, family: Family, t: Messages, lang: Lang): CheckResult[];
}

export interface DiagnoseInput {
  host: string;
  snmp: SnmpOptions;
  targets: ReachTargets;
  /** What the device record knows: used when SNMP is silent, and for the gateway when SNMP can't read it. */
  known: { device: DeviceInfo | null; gateway: string | null };
  /** Ping this address as the gateway instead of the device's (--gateway-ping; tests keep it on loopback). */
  pingGateway: string | null;
  now: Date;
  lang: Lang;
}

export interface DiagnoseResult {
  /** The device as read now, else as recorded, else null. */
  device: DeviceInfo | null;
  /** True when `device` was read just now over SNMP. */
  fresh: boolean;
  checks: CheckResult[];
  verdict: Verdict;
  exitCode: ExitCodeValue;
  /** The UGW address the device's DNS gave, for the report. */
  ugwAddress: string | null;
}

function describeDevice(d: DeviceInfo, t: Messages): string {
  return t.diagnoseSnmpPass({
    version: d.snmpVersion,
    model: d.model ?? d.sysDescr ?? t.none,
    serial: d.serial ?? t.none,
    firmware: d.firmware ?? t.none,
  });
}

/** device-snmp: a silent device is a failed check (exit 3 later), not an abort. */
async function readDeviceCheck(
  input: DiagnoseInput,
  deps: DiagnoseDeps,
  t: Messages,
): Promise<{ check: CheckResult; device: DeviceInfo | null }> {
  try {
    const { device } = await deps.readDevice(input.host, input.snmp);
    return { check: { id: 'device-snmp', status: 'pass', evidence: describeDevice(device, t), fix: null }, device };
  } catch (err) {
    // Every way the SNMP layer fails to read a device (SnmpTimeoutError, SnmpAuthError,
    // SnmpResponseError… in src/snmp/errors.ts) carries exit 3; anything else (a bad
    // option, DES unavailable, a bug) is not a diagnosis and goes to the one catch.
    if (!(err instanceof EclubError) || err.exitCode !== ExitCode.UNREACHABLE) throw err;
    return {
      check: { id: 'device-snmp', status: 'fail', evidence: err.render(t), fix: err.fix?.(t) ?? t.diagnoseSnmpFix },
      device: null,
    };
  }
}

/**
 * The DNS servers as the panel holds them. A panel takes addresses only, always port 53;
 * a server on another port is a stand-in (eclub simulate, tests) the panel rules skip.
 */
function panelDns(dns: readonly HostPort[]): string[] | null {
  const onPanel = dns.filter((d) => d.port === 53).map((d) => d.host);
  return onPanel.length ? onPanel : null;
}

function skip(id: string, evidence: string): CheckResult {
  return { id, status: 'skip', evidence, fix: null };
}

export async function runDiagnose(input: DiagnoseInput, deps: DiagnoseDeps, t: Messages): Promise<DiagnoseResult> {
  const { timeoutMs } = input.targets;
  const snmp = readDeviceCheck(input, deps, t);
  const deviceIcmp = deps.probeIcmp('device-icmp', input.host, timeoutMs, t);
  const ugw = deps.probeUgw(input.targets, t);
  // A known gateway lets the gateway ping start at once; else it waits for SNMP.
  const early = input.pingGateway ?? input.known.gateway;
  const gatewayEarly = early ? deps.probeIcmp('gateway-icmp', early, timeoutMs, t) : null;

  const read = await snmp;
  const device = read.device ?? input.known.device;
  const gateway = read.device?.gateway ?? input.known.gateway ?? input.known.device?.gateway ?? null;
  const gatewayIcmp =
    gatewayEarly ??
    (gateway ? deps.probeIcmp('gateway-icmp', gateway, timeoutMs, t) : Promise.resolve(skip('gateway-icmp', t.diagnoseNeedGateway)));

  const standIns = input.targets.dns.length > 0 && panelDns(input.targets.dns) === null;
  const settings = device
    ? deps.checkNetworkSettings(
        {
          ip: device.ip,
          subnet: device.subnet,
          gateway,
          mac: device.mac,
          serial: device.serial,
          dns: panelDns(input.targets.dns),
        },
        device.family,
        t,
        input.lang,
      ).map((c) =>
        // Servers given on another port than 53 are stand-ins, not panel values: say so.
        c.id === 'dns-valid' && standIns
          ? skip('dns-valid', t.diagnoseDnsStandIn({ dns: input.targets.dns.map((d) => `${d.host}:${d.port}`).join(', ') }))
          : c,
      )
    : [skip('network-settings', t.diagnoseNeedDevice)];

  const [icmp, gw, reach] = await Promise.all([deviceIcmp, gatewayIcmp, ugw]);
  // Only a clock read just now means anything; a recorded one is stale.
  const clock = deps.checkDeviceClock(read.device?.clock ?? null, input.now, reach.cert, t);
  const checks = [read.check, icmp, ...settings, gw, ...reach.checks, clock];
  return {
    device,
    fresh: read.device !== null,
    checks,
    verdict: buildVerdict(checks, t),
    exitCode: buildDiagnoseExitCode(checks),
    ugwAddress: reach.address,
  };
}
