// Glue between the CLI context and the diagnose core: real probes, the flow store, the
// terminal. Checks → verdict → (text: print) → NG flow (prompts) → report / bundle.
import { resolve } from 'node:path';
import type { Ctx } from '../context.js';
import { runDiagnose, type DiagnoseDeps } from '../checks/diagnose.js';
import { isOutsideCause, reconcileNgFlow, startNgFlow, type NgFlowState } from '../checks/ngflow.js';
import { buildRecordKey } from '../store/devices.js';
import { loadFlowRecord, saveFlowRecord } from '../store/flows.js';
import { writeFileAtomic } from '../store/atomic.js';
import { EclubError, ExitCode } from '../errors.js';
import { Chalk } from 'chalk';
import {
  buildDiagnoseReport,
  type DiagnoseReport,
  buildFlowView,
  formatDiagnoseHead,
  formatFlow,
  formatFlowSteps,
} from '../ui/diagnose-report.js';
import { buildSupportBundle } from './bundle.js';
import { parseDiagnoseFlags, type DiagnoseFlags, type DiagnosePlan } from './options.js';
import { redactUrl } from '../checks/reach.js';
import { walkNgFlow } from './walk.js';
import { readPackageVersion } from '../store/package-info.js';
import { loadDiagnoseDeps } from './deps.js';

export async function diagnoseCommand(
  ctx: Ctx,
  hostArg: string | undefined,
  flags: DiagnoseFlags,
  deps?: DiagnoseDeps,
): Promise<number> {
  const { t, out } = ctx;
  const c = out.c;
  const plan = await parseDiagnoseFlags(ctx, hostArg, flags);
  const { input } = plan;

  const spinner = await out.spinner(t.diagnoseRunning);
  let result;
  try {
    result = await runDiagnose(input, deps ?? (await loadDiagnoseDeps()), t);
  } finally {
    spinner.stop();
  }

  const device = result.device;
  const key = plan.resumed?.key ?? buildRecordKey(device ?? { serial: null, mac: null, host: input.host });
  const outside = isOutsideCause(result.verdict.cause) ? result.verdict.cause : null;
  const causeFix = outside ? result.verdict.fix : null;
  let file: string | null = null;
  const save = async (state: NgFlowState) => {
    file = await saveFlowRecord(ctx.paths.flows, {
      schema: 1,
      key,
      serial: device?.serial ?? plan.resumed?.serial ?? null,
      model: device?.model ?? plan.resumed?.model ?? null,
      site: {
        host: input.host,
        snmpPort: input.snmp.port,
        dns: input.targets.dns,
        gateway: device?.gateway ?? input.known.gateway,
      },
      state,
      updatedAt: ctx.io.now().toISOString(),
    });
  };

  // A flow saved for this device earlier (say, before a firmware update) goes on where it
  // stopped, even when the engineer typed the host rather than --resume: its history tells
  // which NG steps were already tried. --new-flow starts over.
  const earlier = plan.resumed ?? (flags.newFlow ? undefined : await loadFlowRecord(ctx.paths.flows, key));
  const continuing = earlier && earlier.state.stage !== 'done' ? earlier : undefined;
  if (continuing && !plan.resumed) {
    out.info(t.diagnoseFlowContinued({ stage: t.diagnoseStage({ stage: continuing.state.stage }), answers: continuing.state.history.length, at: continuing.updatedAt }));
  }
  const start = continuing ? reconcileNgFlow(continuing.state, outside) : startNgFlow(outside);
  await save(start);
  const head = { device, checks: result.checks, verdict: result.verdict };
  if (!ctx.json) for (const line of formatDiagnoseHead(head, input.host, t, c)) out.print(line);

  const state = await walkNgFlow(start, {
    t,
    prompt: ctx.prompt,
    canAsk: !ctx.noInput,
    yes: plan.yes,
    comTest: plan.comTest,
    causeFix,
    save,
    tell: (s, steps) => {
      out.info('');
      out.info(c.bold(`${t.diagnoseFlowTitle}: ${t.diagnoseStage({ stage: s.stage })}`));
      for (const line of formatFlowSteps(steps, c)) out.info(line);
    },
  });

  const flow = buildFlowView(state, key, file, t, causeFix);
  const report = buildDiagnoseReport(result, flow);
  if (ctx.json) out.json(report);
  else for (const line of formatFlow(flow, t, c)) out.print(line);

  if (plan.reportFile) {
    const path = resolve(ctx.io.cwd, plan.reportFile);
    const plain = new Chalk({ level: 0 });
    await saveSupportBundle(ctx, plan, report, [...formatDiagnoseHead(head, input.host, t, plain), ...formatFlow(flow, t, plain)], path);
    out.info(t.diagnoseReportWritten({ path, redacted: !plan.includePii }));
  }
  return result.exitCode;
}

/** The support bundle of one diagnose (--report, and each device of --report-dir): redacted, mode 0600. */
export async function saveSupportBundle(ctx: Ctx, plan: DiagnosePlan, report: DiagnoseReport, text: string[], path: string): Promise<void> {
  const { input } = plan;
  const bundle = buildSupportBundle(
    {
      report,
      text,
      targets: {
        rgwUrl: input.targets.rgwUrl,
        rgwPort: input.targets.rgwPort,
        dns: input.targets.dns.map((d) => `${d.host}:${d.port}`),
        fallbackDns: input.targets.fallbackDns.map((d) => `${d.host}:${d.port}`),
        proxy: input.targets.proxy ? redactUrl(input.targets.proxy) : null,
        snmpVersion: input.snmp.version,
        snmpPort: input.snmp.port,
      },
      host: input.host,
      eclubVersion: readPackageVersion(),
      generatedAt: ctx.io.now().toISOString(),
      lang: ctx.lang,
    },
    { includePii: plan.includePii, secrets: plan.secrets },
  );
  try {
    await writeFileAtomic(path, JSON.stringify(bundle, null, 2) + '\n', 0o600);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new EclubError(ExitCode.USAGE, (tt) => tt.storeWriteFailed({ path, reason }), undefined, { cause: err });
  }
}
