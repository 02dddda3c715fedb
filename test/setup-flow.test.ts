// The setup flow over its seams: a scripted prompter and a real device store in a temp
// ECLUB_HOME. The SNMP reader is swapped for a fixed result here; the same flow runs
// against the real simulator in setup-e2e.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { runSetup, setupExitCode, type SetupDeps, type SetupInput } from '../src/setup/run.js';
import { saveDeviceRecord, listDeviceRecords } from '../src/store/devices.js';
import { scriptedPrompter, noInputPrompter } from '../src/ui/prompt.js';
import { en, ko } from '../src/ui/i18n.js';
import { formatSetupResult } from '../src/ui/setup-report.js';
import { CancelledError, MissingInputError } from '../src/errors.js';
import type { DeviceInfo } from '../src/types.js';
import { tempHome } from './helpers/cli.js';
import { join } from 'node:path';

const device: DeviceInfo = {
  host: '127.0.0.1', port: 16161, snmpVersion: '1', vendor: 'Canon', model: 'iR C2550i', family: 'iRC',
  productName: 'IRC2550I', serial: 'DCQ12345', firmware: '01.21', mac: '000085BA57A6', ip: '101.1.49.233',
  subnet: '255.255.255.0', gateway: null, sysDescr: 'Canon iR C2550i', sysObjectId: '1.3.6.1.4.1.1602.4.7',
  clock: '2026-12-04T10:00:00+09:00', uptime: 3600, status: { device: 'running', printer: 'idle', errors: [] },
  alerts: [], counters: [{ id: 101, name: 'Total 1', value: 1234 }], pageCount: 1234, supplies: [],
};

const homes: Array<() => void> = [];
afterEach(() => homes.splice(0).forEach((f) => f()));

function setup(over: Partial<SetupInput>, prompt = noInputPrompter, t = en, lang: 'en' | 'ko' = 'en') {
  const home = tempHome();
  homes.push(home.cleanup);
  const dir = join(home.dir, 'devices');
  const input: SetupInput = {
    host: '127.0.0.1', snmp: { port: 16161, community: 'public', version: 'auto', timeoutMs: 200, retries: 0 },
    dns: null, gateway: null, comTest: null, yes: false, noInput: true, ...over,
  };
  const deps: SetupDeps = {
    t, lang, prompt, now: () => new Date('2026-12-04T01:00:00Z'),
    readDevice: async () => ({ device: { ...device }, requests: 2, versionsTried: ['2c', '1'] }),
    saveRecord: (r) => saveDeviceRecord(dir, r),
  };
  return { run: () => runSetup(input, deps), dir };
}

describe('setup flow', () => {
  it('with --no-input records the device, steps not confirmed, gateway and DNS from flags', async () => {
    const s = setup({ gateway: '101.1.49.55', dns: ['168.126.63.1'] });
    const r = await s.run();
    expect(r.device.gateway).toBe('101.1.49.55');
    expect(r.steps.map((x) => [x.id, x.confirmed])).toEqual([
      ['dns', null], ['ipv4', null], ['erds-clear', null], ['erds-enable', null], ['comtest', null],
    ]);
    expect(r.comTest).toBeNull();
    expect(setupExitCode(r)).toBe(0);
    const saved = JSON.parse(await readFile(r.record, 'utf8'));
    expect(saved).toMatchObject({ key: 'DCQ12345', answers: { dns: ['168.126.63.1'], gateway: '101.1.49.55', comTest: null } });
  });

  it('with --no-input and no gateway anywhere keeps it null and says which flag gives it', async () => {
    const r = await setup({}).run();
    expect(r.device.gateway).toBeNull();
    const gw = r.checks.find((c) => c.id === 'gateway-in-subnet')!;
    expect(gw.status).toBe('skip');
    expect(gw.fix).toContain('--gateway');
  });

  it('with --yes --comtest ng confirms every step, exits 1 and points to diagnose', async () => {
    const r = await setup({ gateway: '101.1.49.55', yes: true, comTest: 'NG' }).run();
    expect(r.steps.every((x) => x.confirmed === true)).toBe(true);
    expect(setupExitCode(r)).toBe(1);
    const text = formatSetupResult(r, en, (await import('chalk')).default).join('\n');
    expect(text).toContain('eclub diagnose 127.0.0.1 --port 16161');
  });

  it('asks, in order, the gateway, the DNS servers, each step and the COM-TEST result', async () => {
    const prompt = scriptedPrompter([
      { input: '101.1.49.55' },
      { input: '10.0.0.53, 10.0.0.54' },
      { confirm: true }, { confirm: true }, { confirm: false }, { confirm: true }, { confirm: true },
      { select: 'OK' },
    ]);
    const r = await setup({ noInput: false }, prompt).run();
    expect(prompt.remaining()).toBe(0);
    expect(prompt.asked[0]).toContain('TCP/IP Settings > IPv4 Settings');
    expect(r.dns).toEqual(['10.0.0.53', '10.0.0.54']);
    expect(r.steps.map((s) => s.confirmed)).toEqual([true, true, false, true, true]);
    expect(r.comTest).toBe('OK');
    expect(r.checks.find((c) => c.id === 'gateway-in-subnet')!.status).toBe('pass');
  });

  it('Ctrl-C at a step keeps the steps confirmed so far and says where (exit 130)', async () => {
    const answers = [true, false];
    const prompt = {
      ...scriptedPrompter([]),
      // Two steps answered, then Ctrl-C at the third, as the terminal prompter reports it.
      confirm: async () => {
        const a = answers.shift();
        if (a === undefined) throw new CancelledError();
        return a;
      },
    };
    const s = setup({ noInput: false, gateway: '101.1.49.55', dns: ['168.126.63.1'] }, prompt);
    const err = await s.run().then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(CancelledError);
    const path = join(s.dir, 'DCQ12345.json');
    expect((err as CancelledError).exitCode).toBe(130);
    expect((err as CancelledError).render(en)).toBe(`cancelled — what was entered so far is kept in ${path}`);
    const saved = JSON.parse(await readFile(path, 'utf8'));
    expect(saved.steps.map((x: { id: string; confirmed: boolean }) => [x.id, x.confirmed])).toEqual([['dns', true], ['ipv4', false]]);
    expect(saved.answers).toMatchObject({ dns: ['168.126.63.1'], gateway: '101.1.49.55' });
  });

  it('keeps the record when the engineer cannot be asked mid-way', async () => {
    const s = setup({ noInput: false, gateway: '101.1.49.55', dns: ['168.126.63.1'] }, noInputPrompter);
    await expect(s.run()).rejects.toBeInstanceOf(MissingInputError);
    const { records } = await listDeviceRecords(s.dir);
    expect(records.map((r) => r.key)).toEqual(['DCQ12345']);
  });

  it('flags the manual 기재 예 gateway in Korean with the iR/iRC menu path', async () => {
    const s = setup({ gateway: '11.22.22.55' }, noInputPrompter, ko, 'ko');
    const r = await s.run();
    // The device said nothing about its gateway, so the flag's value is the one checked.
    const gw = r.checks.find((c) => c.id === 'gateway-in-subnet')!;
    expect(gw.status).toBe('fail');
    expect(gw.fix).toContain('시스템관리설정 > 네트워크 > TCP/IP설정 > IPV4 설정');
    expect(setupExitCode(r)).toBe(1);
    const text = formatSetupResult(r, ko, (await import('chalk')).default).join('\n');
    expect(text).toContain('기번');
    expect(text).toContain('실패한 점검 항목을 패널에서 고친 뒤');
  });
});
