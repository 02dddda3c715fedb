import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { runCli, tempHome } from './helpers/cli.js';
import { saveDeviceRecord } from '../src/store/devices.js';
import type { DeviceRecord } from '../src/types.js';

const homes: Array<() => void> = [];
afterEach(() => homes.splice(0).forEach((f) => f()));

function record(serial: string, status: string | null): DeviceRecord {
  const at = '2026-12-04T10:00:00.000Z';
  return {
    schema: 1, key: serial,
    device: { serial, model: 'iR C2550i', productName: 'IRC2550I', ip: '101.1.49.233', gateway: '101.1.49.55', mac: '000085BA57A6', host: '127.0.0.1' },
    checks: [], steps: [], answers: { dns: null, gateway: null, comTest: 'OK' },
    enrollment: status ? { id: 'E-2026-000001', status, updatedAt: at } : null,
    createdAt: at, updatedAt: at,
  } as unknown as DeviceRecord;
}

// The enrollment column said e-Club's raw status ("pending") inside Korean output.
describe('eclub devices: the enrollment status in the user language', () => {
  it.each([
    ['en', 'pending', 'E-2026-000001 pending (waiting for headquarters)'],
    ['ko', 'pending', 'E-2026-000001 대기 (본사 승인 전)'],
    ['ko', 'active', 'E-2026-000001 사용 중'],
    ['ko', 'something-new', 'E-2026-000001 something-new'],
  ])('%s, %s', async (lang, status, cell) => {
    const h = tempHome();
    homes.push(h.cleanup);
    await saveDeviceRecord(join(h.dir, 'devices'), record('DCQ12345', status));
    await saveDeviceRecord(join(h.dir, 'devices'), record('DCQ12346', null));
    const r = await runCli(['--lang', lang, 'devices'], { env: { ECLUB_HOME: h.dir } });
    expect(r.code).toBe(0);
    const [header, first, second] = r.stdout.trimEnd().split('\n');
    expect(first).toContain(cell);
    // The next column starts at the same terminal column in every row (Hangul is two wide).
    const col = (line: string) => [...line.slice(0, line.indexOf('2026-12-04 '))].reduce((w, ch) => w + (/[가-힣]/.test(ch) ? 2 : 1), 0);
    expect(col(first!)).toBe(col(second!));
    expect(header).toBeDefined();
  });
});
