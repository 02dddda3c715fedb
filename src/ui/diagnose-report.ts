// Text and JSON of a diagnose: the one-line verdict first, then the checks, then the flow.
// --json prints the same objects the text is made from.
import type { ChalkInstance } from 'chalk';
import type { Messages } from './i18n.js';
import { formatChecks } from './output.js';
import { buildNgSteps, type NgFlowState, type NgStep } from '../checks/ngflow.js';
import type { DiagnoseResult } from '../checks/diagnose.js';
import type { Verdict } from '../checks/verdict.js';
import type { CheckResult, DeviceInfo } from '../types.js';

export interface FlowView extends NgFlowState {
  key: string;
  title: string;
  steps: NgStep[];
  /** The command that picks the flow up again; null once done. */
  resume: string | null;
  /** Where the state is saved. */
  file: string | null;
}

export interface DiagnoseReport {
  device: DeviceInfo | null;
  checks: CheckResult[];
  verdict: Verdict;
  flow: FlowView;
}

export function buildFlowView(state: NgFlowState, key: string, file: string | null, t: Messages, causeFix: string | null): FlowView {
  return {
    ...state,
    key,
    title: t.diagnoseStage({ stage: state.stage }),
    steps: buildNgSteps(state, t, causeFix),
    resume: state.stage === 'done' ? null : `eclub diagnose --resume ${key}`,
    file,
  };
}

export function buildDiagnoseReport(result: DiagnoseResult, flow: FlowView): DiagnoseReport {
  return { device: result.device, checks: result.checks, verdict: result.verdict, flow };
}

/** The verdict on one line: the cause and its fix. */
export function formatVerdict(v: Verdict, t: Messages, c: ChalkInstance): string {
  const head = v.cause ? c.red(v.message) : c.green(v.message);
  return v.fix ? `${head} — ${c.cyan(`${t.fixPrefix}:`)} ${v.fix}` : head;
}

export function formatDiagnoseHead(r: Pick<DiagnoseReport, 'device' | 'checks' | 'verdict'>, host: string, t: Messages, c: ChalkInstance): string[] {
  const lines = [formatVerdict(r.verdict, t, c), ''];
  if (r.device) {
    lines.push(t.diagnoseDeviceLine({ host, model: r.device.model ?? r.device.sysDescr ?? t.none, serial: r.device.serial ?? t.none }), '');
  }
  lines.push(c.bold(t.diagnoseChecksTitle), ...formatChecks(r.checks, t, c));
  return lines;
}

export function formatFlowSteps(steps: readonly NgStep[], c: ChalkInstance): string[] {
  return steps.map((s, i) => `  ${i + 1}. ${s.path ? `${c.cyan(s.path)}: ` : ''}${s.text}`);
}

export function formatFlow(flow: FlowView, t: Messages, c: ChalkInstance): string[] {
  const lines = ['', c.bold(`${t.diagnoseFlowTitle}: ${flow.title}`), ...formatFlowSteps(flow.steps, c)];
  if (flow.resume) lines.push('', t.diagnoseResumeHint({ serial: flow.key }));
  return lines;
}
