// The prompts over the NG state machine: confirm each step, ask COM-TEST's answer, save
// after every answer. `--comtest` answers the next COM-TEST without a prompt; with no
// terminal (or --no-input) nothing is asked and the flow stays where it is.
import { buildNgChoices, buildNgSteps, nextNgStep, type NgAnswer, type NgFlowState, type NgStep } from '../checks/ngflow.js';
import type { Messages } from '../ui/i18n.js';
import type { Prompter } from '../ui/prompt.js';
import type { ComTestResult } from '../types.js';

export interface WalkOptions {
  t: Messages;
  prompt: Prompter;
  canAsk: boolean;
  /** --yes: the steps count as done without asking; COM-TEST's result is still asked. */
  yes: boolean;
  comTest: ComTestResult | null;
  /** The fix of the outside cause, shown in the `fix-outside` stage. */
  causeFix: string | null;
  save(state: NgFlowState): Promise<void>;
  /** Talk (stderr): the stage about to be walked. */
  tell(stage: NgFlowState, steps: NgStep[]): void;
}

export function formatStep(step: NgStep): string {
  return step.path ? `${step.path}: ${step.text}` : step.text;
}

export async function walkNgFlow(start: NgFlowState, o: WalkOptions): Promise<NgFlowState> {
  const { t } = o;
  let state = start;
  if (o.comTest) {
    state = nextNgStep(state, o.comTest);
    await o.save(state);
  }
  if (!o.canAsk) return state;
  for (;;) {
    const choices = buildNgChoices(state);
    if (choices.length === 0) return state;
    const steps = buildNgSteps(state, t, o.causeFix);
    o.tell(state, steps);
    for (const step of steps) {
      if (step.id === 'comtest' || o.yes) continue; // COM-TEST is answered by the question below
      const done = await o.prompt.confirm({ message: t.diagnoseAskStepDone({ step: formatStep(step) }), flag: '--yes', default: true });
      if (!done) return state; // e.g. the firmware is not installed yet: resume later
    }
    const name: Record<NgAnswer, string> = { OK: t.diagnoseChoiceOk, NG: t.diagnoseChoiceNg, fixed: t.diagnoseChoiceFixed };
    const answer = await o.prompt.select<NgAnswer | 'later'>({
      message: t.diagnoseAskComTest,
      flag: '--comtest',
      choices: [...choices.map((value) => ({ value, name: name[value] })), { value: 'later', name: t.diagnoseChoiceLater }],
    });
    if (answer === 'later') return state;
    state = nextNgStep(state, answer);
    await o.save(state);
  }
}
