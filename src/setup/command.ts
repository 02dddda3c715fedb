// Glue between the CLI context and runSetup: real SNMP, the device store, the terminal.
import type { Ctx } from '../context.js';
import { readDevice } from '../snmp/read.js';
import { saveDeviceRecord } from '../store/devices.js';
import { formatSetupResult, formatStepPlan } from '../ui/setup-report.js';
import { formatChecks, type Spinner } from '../ui/output.js';
import { formatDevice } from '../ui/setup-report.js';
import { runSetup, setupExitCode, type SetupInput } from './run.js';

export async function setupCommand(ctx: Ctx, input: SetupInput): Promise<number> {
  const { t, out } = ctx;
  const c = out.c;
  let spinner: Spinner | undefined;
  const talk = !ctx.json;
  const result = await runSetup(input, {
    t,
    lang: ctx.lang,
    prompt: ctx.prompt,
    now: ctx.io.now,
    readDevice: async (host, opts) => {
      spinner = await out.spinner(t.setupReading({ host }));
      try {
        return await readDevice(host, opts);
      } catch (err) {
        spinner.fail(t.setupReadFailed);
        throw err;
      }
    },
    saveRecord: (r) => saveDeviceRecord(ctx.paths.devices, r),
    events: {
      read: (r) => spinner?.succeed(t.setupRead({ model: r.device.model ?? r.device.host, requests: r.requests, version: r.device.snmpVersion })),
      warn: (text) => out.warn(text),
      // When someone is at the terminal, show what was read before asking them to act on it.
      checked: (device, checks, dns) => {
        if (!talk || input.noInput) return;
        for (const line of [...formatDevice(device, dns, t, c), '', c.bold(t.setupTitleChecks), ...formatChecks(checks, t, c), '']) out.info(line);
      },
      step: (plan, i, n) => {
        if (!talk || input.noInput) return;
        for (const line of formatStepPlan(plan, i, n, c)) out.info(line);
      },
    },
  });
  if (ctx.json) out.json({ device: result.device, checks: result.checks, steps: result.steps, dns: result.dns, comTest: result.comTest, record: result.record, snmp: result.snmp });
  else for (const line of formatSetupResult(result, t, c)) out.print(line);
  return setupExitCode(result);
}
