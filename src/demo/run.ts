// `eclub demo`: the main job, end to end, against the built-in simulator — the real
// commands, run as an engineer would type them, in a throwaway ECLUB_HOME so the
// user's own records are never touched.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ctx } from '../context.js';
import { startSimulation, type Simulation } from '../sim/index.js';
import { apiSimService } from '../sim/api-service.js';
import { DEMO_PARTNER } from '../sim/api-server.js';
import { buildDiagnoseArgs, type SimNetworkInfo } from '../sim/scenarios.js';

export interface DemoStep {
  /** The command line, without "eclub". */
  argv: string[];
  /** Exit codes that show the step behaved (a failing check is part of the show). */
  expect: number[];
}

/** What the demo runs, given the simulated site and its throwaway home. Pure. */
export function buildDemoSteps(sim: Pick<Simulation, 'devices' | 'services'>, lang: string, home: string): DemoStep[] {
  const at = (profile: string) => {
    const d = sim.devices.find((x) => x.profile === profile);
    if (!d) throw new Error(`demo: profile ${profile} did not start`);
    return `${d.host}:${d.port}`;
  };
  const dns = '168.126.63.1,168.126.63.2';
  const network = sim.services.find((s) => s.name === 'network')?.info as SimNetworkInfo | undefined;
  if (!network) throw new Error('demo: the simulated network did not start');
  const net = [...buildDiagnoseArgs(network), '--timeout', '1500'];
  const common = ['--lang', lang, '--no-input'];
  return [
    { argv: [...common, 'setup', at('ir-adv-c5535i'), '--yes', '--comtest', 'ok', '--dns', dns], expect: [0] },
    { argv: [...common, 'setup', at('irc2550i'), '--yes', '--comtest', 'ok', '--dns', dns], expect: [0] },
    { argv: [...common, 'setup', at('gateway-outside'), '--dns', dns], expect: [1] },
    { argv: [...common, 'devices'], expect: [0] },
    // Every diagnose target points at the simulated network on loopback, KT's DNS too.
    { argv: [...common, 'diagnose', at('gateway-outside'), ...net], expect: [1] },
    { argv: [...common, 'diagnose', at('ir-adv-c5535i'), ...net], expect: [0] },
    { argv: [...common, 'login', '--partner-id', DEMO_PARTNER.id, '--password-file', join(home, 'password')], expect: [0] },
    {
      argv: [
        ...common, 'enroll', '--device', '2GH10339', '--device', 'DCQ12345',
        '--company', '가나다무역 (주)', '--department', '총무부', '--email', 'abcde@hanmail.net',
        '--phone', '(02) 712-1234', '--signatory', '홍길동',
        '--partner', '민국종합사무기', '--engineer', '이순신', '--partner-phone', '(02) 3450-0700',
        '--consent', '--print', join(home, 'form.html'), '--yes',
      ],
      expect: [0],
    },
    { argv: [...common, 'status', 'DCQ12345'], expect: [0] },
  ];
}

/** One step as run, for --json: the command line, its exit code and its own JSON output. */
export interface DemoStepResult {
  command: string;
  exitCode: number;
  expected: number[];
  output: unknown;
}

function quoteArg(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `"${a.replace(/"/g, '\\"')}"`;
}

export async function runDemo(ctx: Ctx, o: { keep: boolean }): Promise<number> {
  const { out, t } = ctx;
  const home = await mkdtemp(join(tmpdir(), 'eclub-demo-'));
  const sim = await startSimulation({
    profiles: ['ir-adv-c5535i', 'irc2550i', 'gateway-outside'],
    scenario: 'healthy',
    // Approve at once, so `status` shows the whole path from form to active device.
    services: [apiSimService({ approveAfterSec: 0 })],
  });
  let code = 0;
  try {
    const endpoint = String(sim.services.find((s) => s.name === 'e-club-api')?.info.url);
    await writeFile(join(home, 'password'), DEMO_PARTNER.password + '\n', { mode: 0o600 });
    out.info(t.demoIntro({ home, count: sim.devices.length }));
    out.info(`ECLUB_HOME=${home} ECLUB_ENDPOINT=${endpoint}`);
    const { run } = await import('../cli.js');
    const env = { ...ctx.io.env, ECLUB_HOME: home, ECLUB_ENDPOINT: endpoint };
    // With --json every step runs with --json too, and the demo prints one object of them all.
    const steps: DemoStepResult[] = [];
    for (const step of buildDemoSteps(sim, ctx.lang, home)) {
      const command = `eclub ${step.argv.map(quoteArg).join(' ')}`;
      if (!ctx.json) {
        out.print('');
        out.print(out.c.bold(`$ ${command}`));
      }
      let captured = '';
      const stdout = ctx.json ? { write: (s: string) => (captured += s) } : ctx.io.stdout;
      const argv = ctx.json ? ['--json', ...step.argv] : step.argv;
      const got = await run(argv, { ...ctx.io, stdout, env, prompter: undefined });
      steps.push({ command, exitCode: got, expected: step.expect, output: ctx.json ? (JSON.parse(captured) as unknown) : null });
      if (!step.expect.includes(got)) {
        out.warn(t.demoUnexpectedExit({ code: got, expected: step.expect.join(' or ') }));
        code = 1;
      }
    }
    if (ctx.json) out.json({ ok: code === 0, steps });
    else out.print('');
    out.info(code === 0 ? t.demoDone : t.demoFailed);
  } finally {
    await sim.close();
    if (o.keep) out.info(t.demoKept({ home }));
    else await rm(home, { recursive: true, force: true });
  }
  return code;
}
