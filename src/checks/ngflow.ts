// The COM-TEST NG recovery flow (manual §5 "e-RDS 설정 수순", §6 "NG 처리 수순") as a pure
// state machine: the engineer's answers in, the next state out. Prompts and files live
// in src/diagnose/walk.ts and src/store/flows.ts; this file only decides.
import { CONTACTS } from '../domain.js';
import { servicePath } from './panel.js';
import type { Messages } from '../ui/i18n.js';

/**
 * - `fix-outside`: a check found a cause outside the device (DNS, gateway, firewall,
 *   proxy, TLS on the path, the clock): CA-KEY and firmware won't help, fix that first.
 * - `level1`: service mode level 1: ERDS-DAT clear, E-RDS 0 → 1, COM-TEST.
 * - `ca-key`: service mode level 2: CLEAR > CA-KEY, then level 1 again.
 * - `firmware`: install the latest firmware, then level 1 again.
 * - `escalate`: call the call centre / CS with the support bundle.
 * - `done`: COM-TEST said OK.
 */
export type NgStage = 'fix-outside' | 'level1' | 'ca-key' | 'firmware' | 'escalate' | 'done';
/** The stages that are steps on the device itself, in the manual's order. */
export type DeviceStage = 'level1' | 'ca-key' | 'firmware';
/** A COM-TEST result, or "the outside cause is fixed". */
export type NgAnswer = 'OK' | 'NG' | 'fixed';

export interface NgFlowState {
  stage: NgStage;
  /** The check id of the outside cause while `stage` is `fix-outside`, else null. */
  blockedBy: string | null;
  /** The furthest device stage already walked, so a fixed outside cause doesn't restart the manual. */
  furthest: DeviceStage;
  /** Every answer given, oldest first (kept for the support bundle). */
  history: Array<{ stage: NgStage; answer: NgAnswer }>;
}

const DEVICE_ORDER: readonly DeviceStage[] = ['level1', 'ca-key', 'firmware'];

/**
 * Failing checks whose cause is outside the device's e-RDS: the manual's NG steps
 * (CA-KEY, firmware) cannot fix them. The clock and the IPv4/DNS settings are set on the
 * device's panel, but are not part of the NG procedure either.
 */
export const OUTSIDE_CAUSES: ReadonlySet<string> = new Set([
  'dns',
  'dns-valid',
  'ip-valid',
  'mask-contiguous',
  'ip-not-network-or-broadcast',
  'gateway-in-subnet',
  'gateway-icmp',
  'ugw-tcp',
  'ugw-tls',
  'ugw-http',
  'device-clock',
]);

export function isOutsideCause(checkId: string | null): checkId is string {
  return checkId !== null && OUTSIDE_CAUSES.has(checkId);
}

/** A new flow: blocked on the outside cause when there is one, else the level 1 redo. */
export function startNgFlow(outsideCause: string | null): NgFlowState {
  const blocked = isOutsideCause(outsideCause);
  return { stage: blocked ? 'fix-outside' : 'level1', blockedBy: blocked ? outsideCause : null, furthest: 'level1', history: [] };
}

function after(stage: DeviceStage): NgStage {
  const i = DEVICE_ORDER.indexOf(stage);
  return DEVICE_ORDER[i + 1] ?? 'escalate';
}

function later(a: DeviceStage, b: DeviceStage): DeviceStage {
  return DEVICE_ORDER.indexOf(a) >= DEVICE_ORDER.indexOf(b) ? a : b;
}

/** One answer moves the flow on. OK at any point is done; `done` stays done. */
export function nextNgStep(state: NgFlowState, answer: NgAnswer): NgFlowState {
  if (state.stage === 'done') return state;
  const history = [...state.history, { stage: state.stage, answer }];
  if (answer === 'OK') return { ...state, stage: 'done', blockedBy: null, history };
  switch (state.stage) {
    case 'fix-outside':
      // Still NG with the cause unfixed: the device steps won't help, stay here.
      if (answer === 'NG') return { ...state, history };
      return { ...state, stage: 'level1', blockedBy: null, history };
    case 'escalate':
      return { ...state, history };
    case 'level1':
    case 'ca-key':
    case 'firmware': {
      if (answer === 'fixed') return state;
      // After an outside fix the engineer redoes level 1; if still NG, continue past
      // the furthest device stage already tried rather than repeating CA-KEY.
      const furthest = later(state.furthest, state.stage);
      return { ...state, stage: after(furthest), furthest, history };
    }
  }
}

/**
 * A fresh diagnose ran (e.g. on --resume): block on a newly found outside cause, or
 * release the block when the checks no longer find it.
 */
export function reconcileNgFlow(state: NgFlowState, outsideCause: string | null): NgFlowState {
  if (state.stage === 'done') return state;
  if (isOutsideCause(outsideCause)) {
    const furthest = state.stage === 'level1' || state.stage === 'ca-key' || state.stage === 'firmware'
      ? later(state.furthest, state.stage)
      : state.furthest;
    return { ...state, stage: 'fix-outside', blockedBy: outsideCause, furthest };
  }
  if (state.stage === 'fix-outside') return { ...state, stage: 'level1', blockedBy: null };
  return state;
}

export type NgStepId =
  | 'fix-cause'
  | 'service-mode-2'
  | 'ca-key'
  | 'firmware'
  | 'erds-clear'
  | 'erds-enable'
  | 'comtest'
  | 'call-centre'
  | 'cs-approval'
  | 'bundle';

export interface NgStep {
  id: NgStepId;
  /** The service-mode path in the manual's words, when the step is on the device. */
  path: string | null;
  text: string;
}

function level1Steps(t: Messages): NgStep[] {
  return [
    { id: 'erds-clear', path: servicePath('erdsClear'), text: t.diagnoseStepErdsClear },
    { id: 'erds-enable', path: servicePath('erdsEnable'), text: t.diagnoseStepErdsEnable },
    { id: 'comtest', path: servicePath('comTest'), text: t.diagnoseStepComTest },
  ];
}

/** What the engineer does in this stage, in order, in the reader's language. */
export function buildNgSteps(state: NgFlowState, t: Messages, causeFix: string | null): NgStep[] {
  switch (state.stage) {
    case 'fix-outside':
      return [
        { id: 'fix-cause', path: null, text: t.diagnoseStepFixCause({ cause: t.diagnoseCauseArea({ id: state.blockedBy ?? '' }), fix: causeFix ?? t.none }) },
        { id: 'comtest', path: servicePath('comTest'), text: t.diagnoseStepComTest },
      ];
    case 'level1':
      return level1Steps(t);
    case 'ca-key':
      return [
        { id: 'service-mode-2', path: null, text: t.diagnoseStepServiceMode2 },
        { id: 'ca-key', path: servicePath('caKey'), text: t.diagnoseStepCaKey },
        ...level1Steps(t),
      ];
    case 'firmware':
      return [{ id: 'firmware', path: null, text: t.diagnoseStepFirmware }, ...level1Steps(t)];
    case 'escalate':
      return [
        { id: 'call-centre', path: null, text: t.diagnoseStepCallCentre({ phone: CONTACTS.callCentre }) },
        { id: 'cs-approval', path: null, text: t.diagnoseStepCs({ phones: CONTACTS.csApproval.join(' / ') }) },
        { id: 'bundle', path: null, text: t.diagnoseStepBundle },
      ];
    case 'done':
      return [];
  }
}

/** The question that ends a stage: which answers it takes. */
export function buildNgChoices(state: NgFlowState): NgAnswer[] {
  if (state.stage === 'done' || state.stage === 'escalate') return [];
  return state.stage === 'fix-outside' ? ['fixed', 'OK', 'NG'] : ['OK', 'NG'];
}
