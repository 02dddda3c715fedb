// The simulation: devices over real SNMP on loopback, plus optional services that other
// parts of eclub add (a DNS responder and UGW stand-in, an e-Club API server...).
import { findProfile, loadProfileWalk, loadWalkFile, PROFILES, profilePath } from '../snmp/profiles.js';
import type { AgentFaults } from '../snmp/agent.js';
import type { SnmpV3Options } from '../types.js';
import type { Messages } from '../ui/i18n.js';
import { withLiveClock } from './clock.js';
import { profileNameOfWalk, startDevices, type SimDevice, type SimDeviceSpec } from './devices.js';
import type { SimNetwork } from './network.js';
import { scenarioClockOffsetMs, type ScenarioName } from './scenarios.js';
import { FLEET_DEFAULT_PORT, startFleet } from './fleet.js';

/** Another simulated service, started after the devices and closed before them. */
export interface SimService {
  name: string;
  /** What to print about it (host, port, URLs...), also in --json. */
  info: Record<string, unknown>;
  /** The listing lines in the user's language; without it the listing shows `info`. */
  lines?(t: Messages): string[];
  close(): Promise<void>;
}

export type SimServiceStarter = (ctx: { devices: readonly SimDevice[] }) => Promise<SimService>;

export interface SimulationOptions {
  /** Built-in profile names; default: all of them (unless walks are given). */
  profiles?: readonly string[];
  /** Recorded .snmprec files, one device each. */
  walks?: readonly string[];
  /** Faults added to every device (on top of the profile's own, e.g. v1-only). */
  faults?: AgentFaults;
  host?: string;
  basePort?: number;
  community?: string;
  v3Users?: readonly SnmpV3Options[];
  services?: readonly SimServiceStarter[];
  /** The simulated network around the devices (DNS, UGW stand-in, proxy) in this scenario. */
  scenario?: ScenarioName;
  /** Serve hrSystemDate live as now + this offset (default: the scenario's, else 0). */
  clockOffsetMs?: number;
  /** N devices on 127.0.0.2 … 127.0.0.(N+1), one port (basePort, else 16100) — instead of the profiles. */
  fleet?: number;
}

export interface Simulation {
  devices: SimDevice[];
  services: SimService[];
  /** With `scenario`: where the network is (DNS, RGW URL, test CA, proxy). */
  network: SimNetwork | null;
  close(): Promise<void>;
}

export async function startSimulation(o: SimulationOptions = {}): Promise<Simulation> {
  const names = o.profiles && o.profiles.length > 0 ? o.profiles : o.walks && o.walks.length > 0 ? [] : PROFILES.map((p) => p.name);
  const specs: SimDeviceSpec[] = [];
  // Live by default: the fixtures' recorded clocks would drift into clock warnings on later days.
  const clockOffsetMs = o.clockOffsetMs ?? (o.scenario ? scenarioClockOffsetMs(o.scenario) : 0);
  const clock = (walk: Awaited<ReturnType<typeof loadWalkFile>>) => withLiveClock(walk, clockOffsetMs);
  for (const name of names) {
    const profile = findProfile(name);
    specs.push({ profile: name, walk: clock(await loadProfileWalk(profile)), faults: { ...profile.faults, ...o.faults }, source: profilePath(profile) });
  }
  for (const path of o.walks ?? []) {
    specs.push({ profile: profileNameOfWalk(path), walk: clock(await loadWalkFile(path)), faults: { ...o.faults }, source: path });
  }
  const started = o.fleet
    ? await startFleet({ count: o.fleet, port: o.basePort ?? FLEET_DEFAULT_PORT, community: o.community, faults: o.faults, v3Users: o.v3Users, clockOffsetMs })
    : await startDevices(specs, { host: o.host, basePort: o.basePort, community: o.community, v3Users: o.v3Users });
  const services: SimService[] = [];
  const close = async () => {
    for (const s of services.splice(0).reverse()) await s.close();
    await started.close();
  };
  let network: SimNetwork | null = null;
  try {
    if (o.scenario) {
      const { startNetworkService } = await import('./network.js');
      const service = await startNetworkService(o.scenario, o.host);
      services.push(service);
      network = service.network;
    }
    for (const start of o.services ?? []) services.push(await start({ devices: started.devices }));
  } catch (err) {
    await close();
    throw err;
  }
  return { devices: started.devices, services, network, close };
}

/** Resolve on the first SIGINT or SIGTERM (or when `signal` aborts); the listeners are removed. */
export function waitForStop(signal?: AbortSignal): Promise<'SIGINT' | 'SIGTERM' | 'abort'> {
  return new Promise((resolve) => {
    const done = (why: 'SIGINT' | 'SIGTERM' | 'abort') => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      signal?.removeEventListener('abort', onAbort);
      resolve(why);
    };
    const onInt = () => done('SIGINT');
    const onTerm = () => done('SIGTERM');
    const onAbort = () => done('abort');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
    if (signal?.aborted) return done('abort');
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export type { SimDevice } from './devices.js';
