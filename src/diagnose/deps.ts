// The real outside world of a diagnose: the SNMP reader, the reachability probes and the
// network-settings rules, loaded only when `eclub diagnose` runs.
import type { DiagnoseDeps } from '../checks/diagnose.js';

export async function loadDiagnoseDeps(): Promise<DiagnoseDeps> {
  const [read, network, reach] = await Promise.all([
    import('../snmp/read.js'),
    import('../checks/network.js'),
    import('../checks/reach.js'),
  ]);
  return {
    readDevice: read.readDevice,
    checkNetworkSettings: network.checkNetworkSettings,
    probeUgw: reach.probeUgw,
    probeIcmp: reach.probeIcmp,
    checkDeviceClock: reach.checkDeviceClock,
  };
}
