// `eclub demo`: the main job, end to end, against the built-in simulator — the real
// commands, run as an engineer would type them, in a throwaway ECLUB_HOME so the
// user's own records are never touched.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ctx } from '../context.js';
import { startSimulation, type Simulation } from '../sim/index.js';

export interface DemoStep {
  /** The command line, without "eclub". */
  argv: string[];
  /** Exit codes that show the step behaved (a failing check is part of the show). */
  expect: number[];
}

/** What the demo runs, given the simulated site. Pure. */
export function buildDemoSteps(sim: Pick<Simulation, 'devices'>, lang: string): DemoStep[] {
  const at = (profile: string) => {
    const d = sim.devices.find((x) => x.profile === profile);
    if (!d) throw new Error(`demo: profile ${profile} did not start`);
    return `${d.host}:${d.port}`;
  };
  const dns = '168.126.63.1,168.126.63.2';
  const common = ['--lang', lang, '--no-input'];
  return [
    { argv: [...common, 'setup', at('ir-adv-c5535i'), '--yes', '--comtest', 'ok', '--dns', dns], expect: [0] },
    { argv: [...common, 'setup', at('irc2550i'), '--yes', '--comtest', 'ok', '--dns', dns], expect: [0] },
    { argv: [...common, 'setup', at('gateway-outside'), '--dns', dns], expect: [1] },
    { argv: [...common, 'devices'], expect: [0] },
  ];
}

export async function runDemo(ctx: Ctx, o: { keep: boolean }): Promise<number> {
  const { out, t } = ctx;
  const home = await mkdtemp(join(tmpdir(), 'eclub-demo-'));
  const sim = await startSimulation({ profiles: ['ir-adv-c5535i', 'irc2550i', 'gateway-outside'] });
  let code = 0;
  try {
    out.info(t.demoIntro({ home, count: sim.devices.length }));
    const { run } = await import('../cli.js');
    for (const step of buildDemoSteps(sim, ctx.lang)) {
      out.print('');
      out.print(out.c.bold(`$ eclub ${step.argv.join(' ')}`));
      const got = await run(step.argv, { ...ctx.io, env: { ...ctx.io.env, ECLUB_HOME: home }, prompter: undefined });
      if (!step.expect.includes(got)) {
        out.warn(t.demoUnexpectedExit({ code: got, expected: step.expect.join(' or ') }));
        code = 1;
      }
    }
    out.print('');
    out.info(code === 0 ? t.demoDone : t.demoFailed);
  } finally {
    await sim.close();
    if (o.keep) out.info(t.demoKept({ home }));
    else await rm(home, { recursive: true, force: true });
  }
  return code;
}
