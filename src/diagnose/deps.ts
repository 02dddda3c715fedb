// The real outside world of a diagnose: the SNMP reader, the reachability probes and the
// network-settings rules, loaded only when `eclub diagnose` runs.
import type { DiagnoseDeps } from '../checks/diagnose.js';

// branch `probes` (src/checks/reach.ts) is not on main yet: load it by a computed name so
// this file compiles without it. Replace with a static import once it lands.
const REACH = '../checks/reach.js';

export async function loadDiagnoseDeps(): Promise<DiagnoseDeps> {
  const [read, network, reach] = await Promise.all([
    import('../snmp/read.js'),
    import('../checks/network.js'),
    import(REACH) as Promise<Pick<DiagnoseDeps, 'probeUgw' | 'probeIcmp' | 'checkDeviceClock'>>,
  ]);
  return {
    readDevice: read.readDevice,
    checkNetworkSettings: network.checkNetworkSettings,
    probeUgw: reach.probeUgw,
    probeIcmp: reach.probeIcmp,
    checkDeviceClock: reach.checkDeviceClock,
  };
}
