// `eclub diagnose` flags → a validated plan: every malformed URL, DNS list, CA file or
// proxy is exit 2 naming the option, before anything touches the network.
import { readOptionText } from '../store/option-file.js';
import { X509Certificate } from 'node:crypto';
import type { Ctx } from '../context.js';
import { RGW_ADR, RGW_PORT, KT_DNS } from '../domain.js';
import { EclubError, ExitCode, MissingInputError, UsageError } from '../errors.js';
import type { DiagnoseInput } from '../checks/diagnose.js';
import { parseDnsServers, parseRgwUrl, pickProxy } from '../checks/reach.js';
import { parseChoice, parseHostPort, parseIpv4Option, parsePort, parseSnmpFlags, type RawSnmpFlags } from '../commands/kit.js';
import { buildRecordKey, loadDeviceRecord } from '../store/devices.js';
import { loadFlowRecord, type FlowRecord } from '../store/flows.js';
import type { ComTestResult, DeviceRecord } from '../types.js';

export interface DiagnoseFlags extends RawSnmpFlags {
  serial?: string;
  resume?: string;
  newFlow?: boolean;
  rgw?: string;
  rgwPort?: string;
  dns?: string;
  fallbackDns?: string;
  caFile?: string;
  proxy?: string;
  comtest?: string;
  yes?: boolean;
  report?: string;
  includePii?: boolean;
  gatewayPing?: string;
}

export interface DiagnosePlan {
  input: DiagnoseInput;
  /** The device record named by --serial/--resume (or found for the host's serial later). */
  record: DeviceRecord | null;
  /** The saved flow being resumed, when --resume. */
  resumed: FlowRecord | null;
  comTest: ComTestResult | null;
  yes: boolean;
  reportFile: string | null;
  includePii: boolean;
  /** Values that must never reach output, logs or bundles (community, v3 keys, proxy password). */
  secrets: string[];
}

/** The PEM certificates in a --ca-file; none, or one that doesn't parse, is exit 2. */
export function parseCaPem(path: string, text: string): string[] {
  const blocks = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const malformed = new UsageError((t) => t.diagnoseCaFileMalformed({ path }));
  if (blocks.length === 0) throw malformed;
  for (const pem of blocks) {
    try {
      new X509Certificate(pem);
    } catch (err) {
      throw new UsageError((t) => t.diagnoseCaFileMalformed({ path }), undefined, { cause: err });
    }
  }
  return blocks;
}

async function readCaFile(path: string): Promise<string[]> {
  return parseCaPem(path, await readOptionText('--ca-file', path));
}

/** Ask for the device's DNS servers (SNMP cannot read them); never without a terminal. */
async function askDns(ctx: Ctx): Promise<string> {
  const { t } = ctx;
  if (ctx.noInput) throw new MissingInputError('--dns', (tt) => tt.diagnoseWhatDns);
  return ctx.prompt.input({
    message: t.diagnoseAskDns,
    flag: '--dns',
    validate: (v) => {
      try {
        parseDnsServers('--dns', v);
        return true;
      } catch (err) {
        if (err instanceof EclubError) return err.render(t);
        throw err;
      }
    },
  });
}

/**
 * The keys a serial as typed may be saved under: as typed (mac-/host- keys keep their
 * case), then upper case — plates and SNMP give DCQ12345, engineers may type dcq12345.
 */
export function buildSerialKeys(serial: string): string[] {
  const typed = buildRecordKey({ serial: serial.trim(), mac: null, host: '' });
  return [...new Set([typed, typed.toUpperCase()])];
}

async function loadFirst<T>(keys: readonly string[], load: (key: string) => Promise<T | null | undefined>): Promise<T | null> {
  for (const key of keys) {
    const found = await load(key);
    if (found) return found;
  }
  return null;
}

async function loadRecordBySerial(ctx: Ctx, serial: string): Promise<DeviceRecord | null> {
  return loadFirst(buildSerialKeys(serial), (key) => loadDeviceRecord(ctx.paths.devices, key));
}

export async function parseDiagnoseFlags(ctx: Ctx, hostArg: string | undefined, f: DiagnoseFlags): Promise<DiagnosePlan> {
  // Flags first: a typo is reported before any file is read or question asked.
  const rgw = parseRgwUrl('--rgw', f.rgw ?? RGW_ADR);
  const rgwPort = f.rgwPort !== undefined ? parsePort('--rgw-port', f.rgwPort) : rgw.port ? Number(rgw.port) : RGW_PORT;
  const dnsFlag = f.dns !== undefined ? parseDnsServers('--dns', f.dns) : null;
  const fallbackDns = f.fallbackDns !== undefined ? parseDnsServers('--fallback-dns', f.fallbackDns) : KT_DNS.map((host) => ({ host, port: 53 }));
  const proxyHref = pickProxy(f.proxy, ctx.io.env, rgw.href);
  const proxy = proxyHref ? new URL(proxyHref) : null;
  const comTest = f.comtest !== undefined ? (parseChoice('--comtest', f.comtest, ['OK', 'NG'] as const) as ComTestResult) : null;
  const pingGateway = f.gatewayPing !== undefined ? parseIpv4Option('--gateway-ping', f.gatewayPing) : null;
  const hostPort = hostArg !== undefined ? parseHostPort('<host>', hostArg) : null;
  const caPem = f.caFile !== undefined ? await readCaFile(f.caFile) : [];

  const serial = f.resume ?? f.serial ?? null;
  const resumed = f.resume !== undefined ? await loadFirst(buildSerialKeys(f.resume), (key) => loadFlowRecord(ctx.paths.flows, key)) : null;
  if (f.resume !== undefined && !resumed) {
    throw new EclubError(ExitCode.USAGE, (tt) => tt.diagnoseNoFlow({ serial: f.resume! }), (tt) => tt.diagnoseNoFlowFix);
  }
  const record = serial !== null ? await loadRecordBySerial(ctx, serial) : null;
  if (f.serial !== undefined && !record) {
    throw new EclubError(ExitCode.USAGE, (tt) => tt.diagnoseNoRecord({ serial: f.serial! }), (tt) => tt.diagnoseNoRecordFix);
  }
  const host = hostPort?.host ?? record?.device.host ?? resumed?.site.host;
  if (!host) throw new UsageError((tt) => tt.diagnoseNeedHost);
  const portFromHost = hostPort?.port ?? (hostPort ? undefined : (record?.device.port ?? resumed?.site.snmpPort));
  const snmp = await parseSnmpFlags(ctx, f, portFromHost);

  // The device's DNS: the flag, then what setup recorded, then the saved flow, then ask.
  const recorded = record?.answers.dns?.length ? record.answers.dns.map((h) => ({ host: h, port: 53 })) : null;
  const dns =
    dnsFlag ??
    recorded ??
    (resumed?.site.dns.length ? resumed.site.dns : null) ??
    parseDnsServers('--dns', await askDns(ctx));

  const secrets = [snmp.community, snmp.v3?.authKey, snmp.v3?.privKey, proxy?.password ? decodeURIComponent(proxy.password) : null]
    .filter((s): s is string => typeof s === 'string' && s.length > 0);
  return {
    input: {
      host,
      snmp,
      targets: { rgwUrl: rgw.href, rgwPort, dns, fallbackDns, caPem, proxy: proxyHref, timeoutMs: snmp.timeoutMs },
      known: {
        device: record?.device ?? null,
        gateway: record?.answers.gateway ?? record?.device.gateway ?? resumed?.site.gateway ?? null,
      },
      pingGateway,
      now: ctx.io.now(),
      lang: ctx.lang,
    },
    record,
    resumed,
    comTest,
    yes: Boolean(f.yes),
    reportFile: f.report ?? null,
    includePii: Boolean(f.includePii),
    secrets,
  };
}
