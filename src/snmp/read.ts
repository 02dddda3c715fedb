// Placeholder until the SNMP layer lands (branch snmp).
import type { DeviceInfo, SnmpOptions, SnmpVersion } from '../types.js';
export async function readDevice(_host: string, _opts: SnmpOptions): Promise<{ device: DeviceInfo; requests: number; versionsTried: SnmpVersion[] }> {
  throw new Error('readDevice: not yet implemented');
}
