// The built-in simulated devices: a walk in fixtures/devices and the faults the real model has.
import { readOptionText } from '../store/option-file.js';
import { fileURLToPath } from 'node:url';
import { InvalidOptionError } from '../errors.js';
import type { Render } from '../ui/i18n.js';
import type { AgentFaults } from './agent.js';
import { parseSnmprec, type WalkEntry } from './snmprec.js';

export interface DeviceProfile {
  name: string;
  /** File name under fixtures/devices/. */
  file: string;
  description: Render;
  faults: AgentFaults;
}

export const PROFILES: readonly DeviceProfile[] = [
  { name: 'ir-adv-c5535i', file: 'ir-adv-c5535i.snmprec', description: (t) => t.simulateProfileIrAdv, faults: {} },
  { name: 'irc2550i', file: 'irc2550i.snmprec', description: (t) => t.simulateProfileIrc2550i, faults: {} },
  // Some Canon models answer only v1 and drop v2c silently (DOMAIN.md §3).
  { name: 'ir-v1-noserial', file: 'ir-v1-noserial.snmprec', description: (t) => t.simulateProfileV1, faults: { v1Only: true } },
  { name: 'gateway-outside', file: 'gateway-outside.snmprec', description: (t) => t.simulateProfileGatewayOutside, faults: {} },
  { name: 'non-canon', file: 'non-canon.snmprec', description: (t) => t.simulateProfileNonCanon, faults: {} },
];

/** Works from src/ (tsx, vitest) and dist/ alike: both sit two levels under the package root. */
export function profilePath(profile: DeviceProfile): string {
  return fileURLToPath(new URL(`../../fixtures/devices/${profile.file}`, import.meta.url));
}

export function findProfile(name: string): DeviceProfile {
  const hit = PROFILES.find((p) => p.name === name);
  if (!hit) {
    const values = PROFILES.map((p) => p.name).join(', ');
    throw new InvalidOptionError('--profile', name, (t) => t.allowedOneOf({ values }));
  }
  return hit;
}

/** Read and parse a walk file; an unreadable file is a usage error naming the option. */
export async function loadWalkFile(path: string, option = '--walk'): Promise<WalkEntry[]> {
  return parseSnmprec(await readOptionText(option, path), path);
}

export function loadProfileWalk(profile: DeviceProfile): Promise<WalkEntry[]> {
  return loadWalkFile(profilePath(profile), '--profile');
}
