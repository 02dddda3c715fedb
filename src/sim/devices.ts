// Start and stop simulated devices (one SNMP agent each) on loopback.
import { basename, extname } from 'node:path';
import { EclubError, ExitCode } from '../errors.js';
import { startAgent, type AgentFaults, type RunningAgent } from '../snmp/agent.js';
import type { WalkEntry } from '../snmp/snmprec.js';
import type { SnmpV3Options } from '../types.js';

export interface SimDeviceSpec {
  /** A profile name, or the walk file's base name for --walk. */
  profile: string;
  walk: readonly WalkEntry[];
  faults: AgentFaults;
  /** Where the walk came from (a file path), for the listing. */
  source: string;
}

export interface SimDevice {
  profile: string;
  host: string;
  port: number;
  faults: AgentFaults;
  source: string;
}

export interface StartDevicesOptions {
  host?: string;
  /** Device i listens on basePort + i; by default each takes a free high port. */
  basePort?: number;
  community?: string;
  v3Users?: readonly SnmpV3Options[];
}

/** A port asked for with --port is taken. */
export class SimulatePortInUseError extends EclubError {
  constructor(readonly port: number) {
    super(ExitCode.USAGE, (t) => t.simulatePortInUse({ port }), (t) => t.simulatePortInUseFix);
  }
}

export function profileNameOfWalk(path: string): string {
  return basename(path, extname(path));
}

/** Start every device; if one fails, the ones already started are closed. */
export async function startDevices(
  specs: readonly SimDeviceSpec[],
  o: StartDevicesOptions = {},
): Promise<{ devices: SimDevice[]; close(): Promise<void> }> {
  const running: RunningAgent[] = [];
  const devices: SimDevice[] = [];
  const close = async () => {
    await Promise.all(running.splice(0).map((a) => a.close()));
  };
  try {
    for (const [i, spec] of specs.entries()) {
      const port = o.basePort === undefined ? undefined : o.basePort + i;
      let agent: RunningAgent;
      try {
        agent = await startAgent({
          walk: spec.walk,
          host: o.host ?? '127.0.0.1',
          port,
          community: o.community ?? 'public',
          v3Users: o.v3Users ?? [],
          faults: spec.faults,
        });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (port !== undefined && (code === 'EADDRINUSE' || code === 'EACCES')) throw new SimulatePortInUseError(port);
        throw err;
      }
      running.push(agent);
      devices.push({ profile: spec.profile, host: agent.host, port: agent.port, faults: spec.faults, source: spec.source });
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { devices, close };
}
