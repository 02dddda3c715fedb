import { describe, expect, it } from 'vitest';
import { isPickedByDefault } from '../src/enroll/input.js';
import type { DeviceRecord } from '../src/types.js';

const base = {
  schema: 1, key: 'DCQ12345', checks: [], steps: [], createdAt: '', updatedAt: '',
  device: { serial: 'DCQ12345', family: 'iRC' }, answers: { dns: null, gateway: null, comTest: 'OK' },
} as unknown as DeviceRecord;
const edit = (f: (r: DeviceRecord) => void): DeviceRecord => {
  const r = structuredClone(base);
  f(r);
  return r;
};

describe('which recorded devices the enroll picker ticks at first', () => {
  it.each<[string, DeviceRecord, boolean]>([
    ['an iRC with a serial and COM-TEST OK', base, true],
    ['COM-TEST not recorded', edit((r) => (r.answers.comTest = null)), true],
    ['already enrolled', edit((r) => (r.enrollment = { id: 'E-1', status: 'pending', updatedAt: '' })), false],
    ['no serial (keyed by MAC)', edit((r) => (r.device.serial = null)), false],
    ['not an e-Club family (an HP)', edit((r) => (r.device.family = 'other')), false],
    ['COM-TEST NG', edit((r) => (r.answers.comTest = 'NG')), false],
  ])('%s → %s', (_name, record, want) => {
    expect(isPickedByDefault(record)).toBe(want);
  });
});
