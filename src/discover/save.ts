// `discover --save`: record each device found as setup would, without the engineer's
// answers (no checks, no steps, no DNS/gateway/COM-TEST). setup later fills them in.
import { buildRecordKey, saveDeviceRecord } from '../store/devices.js';
import type { DeviceInfo, DeviceRecord, SnmpVersion } from '../types.js';
import type { DiscoveredDevice } from './probe.js';

/** What discover learned, as DeviceInfo: every value it did not read stays null. */
export function buildDiscoveredInfo(d: DiscoveredDevice, port: number, snmpVersion: SnmpVersion): DeviceInfo {
  return {
    host: d.host,
    port,
    snmpVersion,
    vendor: d.vendor,
    model: d.model,
    family: d.family,
    productName: null,
    serial: d.serial,
    firmware: null,
    mac: d.mac,
    ip: d.host,
    subnet: null,
    gateway: null,
    sysDescr: null,
    sysObjectId: null,
    clock: null,
    uptime: null,
    status: { device: null, printer: null, errors: [] },
    alerts: [],
    counters: [],
    pageCount: null,
    supplies: [],
  };
}

export function buildDiscoveredRecord(device: DeviceInfo, now: Date): DeviceRecord {
  const at = now.toISOString();
  return {
    schema: 1,
    key: buildRecordKey(device),
    device,
    checks: [],
    steps: [],
    answers: { dns: null, gateway: null, comTest: null },
    createdAt: at,
    updatedAt: at,
  };
}

/** Save one record per device; returns the paths written. */
export async function saveDiscoveredDevices(dir: string, devices: readonly DeviceInfo[], now: Date): Promise<string[]> {
  const paths: string[] = [];
  for (const d of devices) paths.push(await saveDeviceRecord(dir, buildDiscoveredRecord(d, now)));
  return paths;
}
