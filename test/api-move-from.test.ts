// `eclub move --from <host>`: the new addresses read from a simulated device over SNMP.
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { enrollmentBody, startFixture, testCtx, type ApiFixture } from './helpers/api.js';
import { createApi } from '../src/enroll/api.js';
import { sendViaOutbox } from '../src/enroll/outbox.js';
import { startSimulation, type Simulation } from '../src/sim/index.js';

let fx: ApiFixture | undefined;
let sim: Simulation | undefined;
afterEach(async () => {
  await sim?.close();
  await fx?.cleanup();
  sim = undefined;
  fx = undefined;
});

describe('eclub move --from', () => {
  it('reads IP, subnet, gateway and MAC from the device and registers the move', async () => {
    fx = await startFixture();
    const ctx = testCtx(fx.env);
    await sendViaOutbox(await createApi(ctx, {}), ctx.paths, { kind: 'enrollment', path: '/v1/enrollments', body: enrollmentBody(), serials: ['DCQ12345'] });
    await fx.server.approveAll();
    sim = await startSimulation({ profiles: ['irc2550i', 'gateway-outside'] });
    const [irc, outside] = sim.devices;
    const r = await runCli(['move', 'DCQ12345', '--from', `${irc!.host}:${irc!.port}`, '--reason', 'moved'], { env: fx.env });
    expect(r.code).toBe(0);
    expect(Object.values(fx.server.state().requests)).toMatchObject([
      { kind: 'relocation', serial: 'DCQ12345', body: { ip: '101.1.49.233', subnet: '255.255.255.0', gateway: '101.1.49.55', mac: expect.stringMatching(/^[0-9A-F]{12}$/) } },
    ]);

    const wrong = await runCli(['move', 'DCQ12345', '--from', `${outside!.host}:${outside!.port}`], { env: fx.env });
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('reports serial XTK01222, not DCQ12345');
    expect(Object.keys(fx.server.state().requests)).toHaveLength(1);
  });
});
