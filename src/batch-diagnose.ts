// `eclub diagnose --from <list>` / `--all`: the diagnose checks on many devices at once,
// without prompts or the NG walk (each device's verdict says what to do; run
// `eclub diagnose <host>` for the guided flow). One summary; with --report-dir a
// support bundle per device, redacted as `diagnose --report` is.
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import type { Ctx } from './context.js';
import { loadBatchTargets, parseBatchConcurrency, runBatch, type BatchItemResult, type BatchTarget } from './batch.js';
import { runDiagnose, type DiagnoseDeps } from './checks/diagnose.js';
import { isOutsideCause, startNgFlow } from './checks/ngflow.js';
import { saveSupportBundle } from './diagnose/command.js';
import { loadDiagnoseDeps } from './diagnose/deps.js';
import { parseDiagnoseFlags, type DiagnoseFlags } from './diagnose/options.js';
import { buildRecordKey } from './store/devices.js';
import { UsageError } from './errors.js';
import { noInputPrompter } from './ui/prompt.js';
import { printBatchSummary } from './ui/batch.js';
import { buildDiagnoseReport, buildFlowView, formatDiagnoseHead } from './ui/diagnose-report.js';
import { createProgress } from './ui/progress.js';

export interface DiagnoseBatchFlags extends DiagnoseFlags {
  from?: string;
  all?: boolean;
  reportDir?: string;
  concurrency: string;
}

export async function diagnoseBatchCommand(
  ctx: Ctx,
  host: string | undefined,
  flags: DiagnoseBatchFlags,
  deps?: DiagnoseDeps,
): Promise<number> {
  const { t, out } = ctx;
  const concurrency = parseBatchConcurrency(flags.concurrency);
  if (flags.serial !== undefined || flags.resume !== undefined || flags.report !== undefined) {
    throw new UsageError((t) => t.discoverBatchDiagnoseOneDevice);
  }
  const targets = await loadBatchTargets(ctx, { command: 'diagnose', host, from: flags.from, all: Boolean(flags.all) });
  const reportDir = flags.reportDir ?? null;
  const real = buildSiteDeps(deps ?? (await loadDiagnoseDeps()));
  // Nobody answers questions for fifty devices at once: every device is diagnosed with no prompts.
  const quiet: Ctx = { ...ctx, noInput: true, prompt: noInputPrompter };
  const progress = createProgress(ctx.io.stderr, { enabled: !ctx.json });
  const { items, exitCode } = await runBatch(
    targets,
    { concurrency, render: (r) => r(t) },
    (target) => diagnoseOne(quiet, target, flags, real, reportDir),
    (_r, done) => progress.update(done, targets.length, t.discoverBatchProgress({ done, total: targets.length })),
  );
  progress.done();
  printBatchSummary(out, t, items, exitCode, ctx.json);
  return exitCode;
}

/**
 * One site, one path out: the UGW probe (DNS, TCP, TLS, HTTP from this laptop) and the
 * gateway ping give the same answer for every device with the same targets, so a batch
 * asks once per distinct target and shares the answer (in flight too). Device pings and
 * SNMP reads stay per device.
 */
export function buildSiteDeps(deps: DiagnoseDeps): DiagnoseDeps {
  const ugw = new Map<string, ReturnType<DiagnoseDeps['probeUgw']>>();
  const gateways = new Map<string, ReturnType<DiagnoseDeps['probeIcmp']>>();
  return {
    ...deps,
    probeUgw(targets, t) {
      const key = JSON.stringify(targets);
      if (!ugw.has(key)) ugw.set(key, deps.probeUgw(targets, t));
      return ugw.get(key)!;
    },
    probeIcmp(id, host, timeoutMs, t) {
      if (id !== 'gateway-icmp') return deps.probeIcmp(id, host, timeoutMs, t);
      if (!gateways.has(host)) gateways.set(host, deps.probeIcmp(id, host, timeoutMs, t));
      return gateways.get(host)!;
    },
  };
}

async function diagnoseOne(ctx: Ctx, target: BatchTarget, flags: DiagnoseFlags, deps: DiagnoseDeps, reportDir: string | null): Promise<BatchItemResult> {
  const { t } = ctx;
  const hostArg = target.port ? `${target.host}:${target.port}` : target.host;
  // --all: the record (by its key) gives the device's DNS and gateway, as `diagnose --serial` does.
  const plan = await parseDiagnoseFlags(ctx, hostArg, {
    ...flags,
    ...(target.recordKey ? { serial: target.recordKey } : {}),
    ...(target.snmpVersion ? { snmpVersion: target.snmpVersion } : {}),
  });
  const result = await runDiagnose(plan.input, deps, t);
  const device = result.device;
  let report: string | null = null;
  if (reportDir) {
    const key = buildRecordKey(device ?? { serial: null, mac: null, host: target.host });
    const outside = isOutsideCause(result.verdict.cause) ? result.verdict.cause : null;
    const flow = buildFlowView(startNgFlow(outside), key, null, t, outside ? result.verdict.fix : null);
    const text = formatDiagnoseHead({ device, checks: result.checks, verdict: result.verdict }, plan.input.host, t, new Chalk({ level: 0 }));
    report = resolve(ctx.io.cwd, reportDir, `${key}.json`);
    await saveSupportBundle(ctx, plan, buildDiagnoseReport(result, flow), text, report);
  }
  return {
    host: target.host,
    port: plan.input.snmp.port,
    source: target.source,
    serial: device?.serial ?? null,
    exitCode: result.exitCode,
    cause: result.verdict.cause,
    message: result.verdict.cause ? result.verdict.message : null,
    fix: result.verdict.fix,
    report,
  };
}
