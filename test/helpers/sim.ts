// Simulated devices for tests: a built-in profile (or any walk) served over real SNMP on loopback.
import { startAgent, type AgentFaults, type RunningAgent } from '../../src/snmp/agent.js';
import { findProfile, loadProfileWalk } from '../../src/snmp/profiles.js';
import { parseSnmprec, type WalkEntry } from '../../src/snmp/snmprec.js';
import type { SnmpOptions, SnmpV3Options } from '../../src/types.js';

export interface TestDevice extends RunningAgent {
  /** SnmpOptions aimed at this device, short timeouts, overridable. */
  options(overrides?: Partial<SnmpOptions>): SnmpOptions;
}

function wrap(agent: RunningAgent): TestDevice {
  return {
    ...agent,
    options: (overrides = {}) => ({ port: agent.port, community: 'public', version: 'auto', timeoutMs: 200, retries: 0, ...overrides }),
  };
}

/** Start a built-in profile with its own faults plus `faults`. Close it in afterAll/afterEach. */
export async function startProfile(
  name: string,
  faults: AgentFaults = {},
  o: { community?: string; v3Users?: SnmpV3Options[] } = {},
): Promise<TestDevice> {
  const profile = findProfile(name);
  const walk = await loadProfileWalk(profile);
  return wrap(await startAgent({ walk, faults: { ...profile.faults, ...faults }, ...o }));
}

/** Start an agent serving a walk given inline as .snmprec text. */
export async function startWalk(text: string | WalkEntry[], faults: AgentFaults = {}, o: { community?: string } = {}): Promise<TestDevice> {
  const walk = typeof text === 'string' ? parseSnmprec(text) : text;
  return wrap(await startAgent({ walk, faults, ...o }));
}
