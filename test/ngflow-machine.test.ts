import { describe, expect, it } from 'vitest';
import {
  buildNgChoices,
  buildNgSteps,
  nextNgStep,
  reconcileNgFlow,
  startNgFlow,
  type NgAnswer,
  type NgFlowState,
  type NgStage,
  type DeviceStage,
} from '../src/checks/ngflow.js';
import { en, ko } from '../src/ui/i18n.js';

const at = (stage: NgStage, furthest: DeviceStage = 'level1', blockedBy: string | null = null): NgFlowState => ({
  stage,
  blockedBy,
  furthest,
  history: [],
});

describe('nextNgStep: states × answers', () => {
  const cases: Array<[string, NgFlowState, NgAnswer, NgStage, string | null]> = [
    // [name, from, answer, to stage, to blockedBy]
    ['level1 OK is done', at('level1'), 'OK', 'done', null],
    ['level1 NG goes to CA-KEY', at('level1'), 'NG', 'ca-key', null],
    ['CA-KEY OK is done', at('ca-key'), 'OK', 'done', null],
    ['CA-KEY NG goes to firmware', at('ca-key'), 'NG', 'firmware', null],
    ['firmware OK is done', at('firmware', 'ca-key'), 'OK', 'done', null],
    ['firmware NG escalates', at('firmware', 'ca-key'), 'NG', 'escalate', null],
    ['escalate OK is done', at('escalate', 'firmware'), 'OK', 'done', null],
    ['escalate NG stays escalated', at('escalate', 'firmware'), 'NG', 'escalate', null],
    ['outside cause: NG stays blocked', at('fix-outside', 'level1', 'dns'), 'NG', 'fix-outside', 'dns'],
    ['outside cause: fixed goes to level 1', at('fix-outside', 'level1', 'dns'), 'fixed', 'level1', null],
    ['outside cause: COM-TEST OK is done', at('fix-outside', 'level1', 'ugw-http'), 'OK', 'done', null],
    ['after an outside fix, level 1 NG skips the CA-KEY already done', at('level1', 'ca-key'), 'NG', 'firmware', null],
    ['after an outside fix, level 1 NG past firmware escalates', at('level1', 'firmware'), 'NG', 'escalate', null],
    ['done stays done on NG', at('done'), 'NG', 'done', null],
    ['done stays done on OK', at('done'), 'OK', 'done', null],
    ['"fixed" on a device stage changes nothing', at('ca-key'), 'fixed', 'ca-key', null],
  ];
  it.each(cases)('%s', (_name, from, answer, stage, blockedBy) => {
    const next = nextNgStep(from, answer);
    expect(next.stage).toBe(stage);
    expect(next.blockedBy).toBe(blockedBy);
  });

  it('records every answer that moved or held the flow', () => {
    let s = startNgFlow(null);
    for (const a of ['NG', 'NG', 'OK'] as const) s = nextNgStep(s, a);
    expect(s.history).toEqual([
      { stage: 'level1', answer: 'NG' },
      { stage: 'ca-key', answer: 'NG' },
      { stage: 'firmware', answer: 'OK' },
    ]);
  });

  it('walks the manual end to end: level 1 → CA-KEY → firmware → escalate', () => {
    const stages: NgStage[] = [];
    let s = startNgFlow(null);
    for (let i = 0; i < 4; i++) {
      stages.push(s.stage);
      s = nextNgStep(s, 'NG');
    }
    expect([...stages, s.stage]).toEqual(['level1', 'ca-key', 'firmware', 'escalate', 'escalate']);
  });
});

describe('startNgFlow and reconcileNgFlow', () => {
  const starts: Array<[string | null, NgStage]> = [
    [null, 'level1'],
    ['dns', 'fix-outside'],
    ['gateway-in-subnet', 'fix-outside'],
    ['ugw-tcp', 'fix-outside'],
    ['ugw-tls', 'fix-outside'],
    ['ugw-http', 'fix-outside'],
    ['device-clock', 'fix-outside'],
    // The device not answering the laptop says nothing about its e-RDS: walk the steps.
    ['device-snmp', 'level1'],
    ['mac-valid', 'level1'],
  ];
  it.each(starts)('cause %s starts at %s', (cause, stage) => {
    expect(startNgFlow(cause).stage).toBe(stage);
  });

  const reconciles: Array<[string, NgFlowState, string | null, NgStage, DeviceStage]> = [
    ['a new outside cause blocks the firmware step, keeping progress', at('firmware', 'ca-key'), 'dns', 'fix-outside', 'firmware'],
    ['a cause gone releases the block', at('fix-outside', 'ca-key', 'dns'), null, 'level1', 'ca-key'],
    ['no cause keeps the device stage', at('firmware', 'ca-key'), null, 'firmware', 'ca-key'],
    ['done stays done', at('done'), 'dns', 'done', 'level1'],
    ['a device-side failure does not block', at('ca-key'), 'device-snmp', 'ca-key', 'level1'],
  ];
  it.each(reconciles)('%s', (_name, from, cause, stage, furthest) => {
    const next = reconcileNgFlow(from, cause);
    expect(next.stage).toBe(stage);
    expect(next.furthest).toBe(furthest);
  });
});

describe('buildNgSteps: the manual\'s paths per stage', () => {
  const cases: Array<[NgStage, string[], Array<string | null>]> = [
    ['level1', ['erds-clear', 'erds-enable', 'comtest'], [
      'COPIER > FUNCTION > CLEAR > ERDS-DAT',
      'COPIER > FUNCTION > INSTALL > E-RDS',
      'COPIER > FUNCTION > INSTALL > COM-TEST',
    ]],
    ['ca-key', ['service-mode-2', 'ca-key', 'erds-clear', 'erds-enable', 'comtest'], [
      null,
      'COPIER > FUNCTION > CLEAR > CA-KEY',
      'COPIER > FUNCTION > CLEAR > ERDS-DAT',
      'COPIER > FUNCTION > INSTALL > E-RDS',
      'COPIER > FUNCTION > INSTALL > COM-TEST',
    ]],
    ['firmware', ['firmware', 'erds-clear', 'erds-enable', 'comtest'], [null,
      'COPIER > FUNCTION > CLEAR > ERDS-DAT',
      'COPIER > FUNCTION > INSTALL > E-RDS',
      'COPIER > FUNCTION > INSTALL > COM-TEST']],
    ['fix-outside', ['fix-cause', 'comtest'], [null, 'COPIER > FUNCTION > INSTALL > COM-TEST']],
    ['escalate', ['call-centre', 'cs-approval', 'bundle'], [null, null, null]],
    ['done', [], []],
  ];
  it.each(cases)('%s', (stage, ids, paths) => {
    const steps = buildNgSteps(at(stage, 'level1', stage === 'fix-outside' ? 'dns' : null), en, 'set DNS');
    expect(steps.map((s) => s.id)).toEqual(ids);
    expect(steps.map((s) => s.path)).toEqual(paths);
  });

  it('escalation names the manual\'s contacts in both languages', () => {
    for (const t of [en, ko]) {
      const text = buildNgSteps(at('escalate'), t, null).map((s) => s.text).join('\n');
      expect(text).toContain('1577-3037');
      expect(text).toContain('02-2106-3144 / 02-2106-3105');
    }
  });

  it('the outside-cause step carries the check\'s fix, in Korean too', () => {
    const [first] = buildNgSteps(at('fix-outside', 'level1', 'dns'), ko, 'DNS를 168.126.63.1로 설정');
    expect(first!.text).toContain('DNS을(를) 먼저 해결');
    expect(first!.text).toContain('DNS를 168.126.63.1로 설정');
    expect(first!.text).toContain('먼저');
  });

  const choices: Array<[NgStage, NgAnswer[]]> = [
    ['fix-outside', ['fixed', 'OK', 'NG']],
    ['level1', ['OK', 'NG']],
    ['escalate', []],
    ['done', []],
  ];
  it.each(choices)('%s asks %j', (stage, expected) => {
    expect(buildNgChoices(at(stage))).toEqual(expected);
  });
});
