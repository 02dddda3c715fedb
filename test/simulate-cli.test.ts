// `eclub simulate`: a real child process serving devices, stopped with Ctrl-C (SIGINT).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readDevice } from '../src/snmp/read.js';
import { startSimulation, type Simulation } from '../src/sim/index.js';
import { SimulatePortInUseError } from '../src/sim/devices.js';
import { runCli, tempHome } from './helpers/cli.js';

const BIN = fileURLToPath(new URL('../bin/eclub.js', import.meta.url));

interface Listed {
  devices: Array<{ profile: string; host: string; port: number; faults: string[] }>;
}

/** Start `eclub simulate ...`, wait for its JSON listing, hand it over, then SIGINT and collect the exit. */
function simulateChild(args: string[]) {
  const child = spawn(process.execPath, [BIN, 'simulate', ...args], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ECLUB_LANG: 'en' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  const listed = new Promise<Listed>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      stdout += d;
      // out.json writes one pretty-printed object and a newline: complete when it closes.
      if (stdout.endsWith('\n}\n')) resolve(JSON.parse(stdout) as Listed);
    });
    void exited.then(() => reject(new Error(`simulate exited early: ${stderr}`)));
  });
  return { child, listed, exited, output: () => ({ stdout, stderr }) };
}

let sim: Simulation | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('eclub simulate (child process)', () => {
  it('--json prints every profile with host and port, serves them, and closes cleanly on SIGINT', async () => {
    const run = simulateChild(['--json']);
    try {
      const listed = await run.listed;
      expect(listed.devices.map((d) => d.profile)).toEqual(['ir-adv-c5535i', 'irc2550i', 'ir-v1-noserial', 'gateway-outside', 'non-canon']);
      expect(listed.devices.every((d) => d.host === '127.0.0.1' && d.port > 1024)).toBe(true);
      expect(listed.devices.find((d) => d.profile === 'ir-v1-noserial')!.faults).toEqual(['v1-only']);
      const irc = listed.devices.find((d) => d.profile === 'irc2550i')!;
      const r = await readDevice(irc.host, { port: irc.port, community: 'public', version: 'auto', timeoutMs: 1000, retries: 1 });
      expect(r.device).toMatchObject({ productName: 'IRC2550I', serial: 'DCQ12345', gateway: '101.1.49.55' });
    } finally {
      run.child.kill('SIGINT');
    }
    const { code } = await run.exited;
    expect(code).toBe(0);
    expect(run.output().stderr).toContain('simulated devices stopped');
  });

  it('--walk serves a recorded file, with a fault', async () => {
    const home = tempHome();
    const file = join(home.dir, 'my-copier.snmprec');
    writeFileSync(file, '1.3.6.1.2.1.1.1.0|4|Canon iR-ADV C5535 /P\n1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.1602.4.7\n');
    const run = simulateChild(['--walk', file, '--fault', 'v1-only', '--json']);
    try {
      const listed = await run.listed;
      expect(listed.devices).toEqual([expect.objectContaining({ profile: 'my-copier', faults: ['v1-only'] })]);
      const d = listed.devices[0]!;
      const r = await readDevice(d.host, { port: d.port, community: 'public', version: 'auto', timeoutMs: 300, retries: 0 });
      expect(r.versionsTried).toEqual(['2c', '1']);
      expect(r.device.family).toBe('iR-ADV');
    } finally {
      run.child.kill('SIGINT');
      home.cleanup();
    }
    expect((await run.exited).code).toBe(0);
  });
});

describe('eclub simulate (text, both languages)', () => {
  it.each([
    ['en', 'iR C2550i', 'press Ctrl-C to stop', 'simulated devices stopped'],
    ['ko', '매뉴얼의 iR C2550i', '끝내려면 Ctrl-C', '가상 기기를 멈췄습니다'],
  ])('%s: lists host:port, profile and what it is; stops on SIGINT', async (lang, about, hint, stopped) => {
    const child = spawn(process.execPath, [BIN, 'simulate', '--profile', 'irc2550i', '--lang', lang], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve) =>
      child.stderr.on('data', (d) => {
        stderr += d;
        if (stderr.includes(hint)) resolve();
      }),
    );
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/^127\.0\.0\.1:\d+ {2}irc2550i {2}/);
    expect(stdout).toContain(about);
    expect(stderr).toContain(stopped);
  });
});

describe('eclub simulate: bad input (exit 2, in the user language)', () => {
  it.each([
    [['simulate', '--fault', 'slow'], 'en', 'invalid --fault "slow": expected one of: delay=<ms>, drop, v1-only'],
    [['simulate', '--fault', 'delay=0'], 'en', 'invalid --fault "delay=0"'],
    [['simulate', '--profile', 'ir-9999'], 'en', 'invalid --profile "ir-9999": expected one of: ir-adv-c5535i, irc2550i'],
    [['simulate', '--port', '70000'], 'en', 'invalid --port "70000"'],
    [['simulate', '--walk', '/nonexistent/x.snmprec'], 'en', 'cannot read --walk file /nonexistent/x.snmprec: no such file (ENOENT)'],
    [['simulate', '--fault', 'slow', '--lang', 'ko'], 'ko', '--fault 값 "slow"이(가) 올바르지 않습니다: 다음 중 하나여야 합니다: delay=<ms>, drop, v1-only'],
  ])('%j', async (argv, lang, words) => {
    const r = await runCli(argv, { env: { ECLUB_LANG: lang } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(words);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('an --api-data file that cannot be read, or is not the server state, is exit 2 and left untouched', async () => {
    const unreadable = await runCli(['simulate', '--profile', 'irc2550i', '--api-data', '/dev/null/state.json']);
    expect(unreadable.code).toBe(2);
    expect(unreadable.stderr).toContain('cannot read /dev/null/state.json: a part of the path is not a folder (ENOTDIR)');
    const home = tempHome();
    try {
      const file = join(home.dir, 'notes.json');
      writeFileSync(file, '{"mine": true}\n');
      const other = await runCli(['--lang', 'ko', 'simulate', '--profile', 'irc2550i', '--api-data', file]);
      expect(other.code).toBe(2);
      expect(other.stderr).toContain(`${file}은(는) 올바른 eclub 데이터가 아닙니다`);
      expect(readFileSync(file, 'utf8')).toBe('{"mine": true}\n');
    } finally {
      home.cleanup();
    }
  });

  it('a bad line in a walk file names the file and line', async () => {
    const home = tempHome();
    const file = join(home.dir, 'bad.snmprec');
    writeFileSync(file, '1.3.6.1.2.1.1.1.0|4|ok\n1.3.6.1.2.1.1.2.0|99|x\n');
    try {
      const en = await runCli(['simulate', '--walk', file]);
      expect(en.code).toBe(2);
      expect(en.stderr).toContain(`${file}, line 2: unknown type "99"`);
      const ko = await runCli(['simulate', '--walk', file, '--lang', 'ko']);
      expect(ko.stderr).toContain(`${file}, 2번째 줄: 알 수 없는 타입 "99"`);
    } finally {
      home.cleanup();
    }
  });
});

describe('startSimulation', () => {
  it('puts device i on basePort + i, and a taken port is a clear usage error', async () => {
    sim = await startSimulation({ profiles: ['ir-adv-c5535i'] });
    const taken = sim.devices[0]!.port;
    const err = await startSimulation({ profiles: ['irc2550i'], basePort: taken }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SimulatePortInUseError);
    expect((err as SimulatePortInUseError).exitCode).toBe(2);
  });

  it('starts optional services after the devices and closes them first', async () => {
    const events: string[] = [];
    sim = await startSimulation({
      profiles: ['non-canon'],
      services: [
        async ({ devices }) => {
          events.push(`start with ${devices.length} device(s)`);
          return { name: 'dns', info: { port: 5353 }, close: async () => void events.push('close dns') };
        },
      ],
    });
    expect(sim.services.map((s) => s.name)).toEqual(['dns']);
    await sim.close();
    sim = undefined;
    expect(events).toEqual(['start with 1 device(s)', 'close dns']);
  });
});
