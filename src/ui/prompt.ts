import { CancelledError, MissingInputError } from '../errors.js';
import type { Stream } from './output.js';
import type { Messages } from './i18n.js';

/**
 * Every question eclub asks goes through this interface, so a flag, `--yes`, a
 * scripted test or a real terminal can answer it. `flag` names the option that
 * answers the question without a prompt; it is quoted when nobody can be asked.
 */
export interface Prompter {
  confirm(q: { message: string; flag: string; default?: boolean }): Promise<boolean>;
  input(q: {
    message: string;
    flag: string;
    default?: string;
    validate?: (value: string) => string | true;
  }): Promise<string>;
  select<T extends string>(q: {
    message: string;
    flag: string;
    choices: ReadonlyArray<{ value: T; name: string }>;
    default?: T;
  }): Promise<T>;
  checkbox<T extends string>(q: {
    message: string;
    flag: string;
    choices: ReadonlyArray<{ value: T; name: string; checked?: boolean }>;
  }): Promise<T[]>;
  password(q: { message: string; flag: string }): Promise<string>;
}

/** No terminal, or --no-input: every question fails with the flag that answers it. */
export const noInputPrompter: Prompter = {
  confirm: async (q) => fail(q),
  input: async (q) => fail(q),
  select: async (q) => fail(q),
  checkbox: async (q) => fail(q),
  password: async (q) => fail(q),
};

function fail(q: { message: string; flag: string }): never {
  throw new MissingInputError(q.flag, () => q.message.replace(/[?:：]\s*$/, ''));
}

/**
 * The terminal prompter over @inquirer/prompts, loaded only when a question is asked.
 * Prompts draw on stderr so stdout stays data. Ctrl-C becomes a typed cancel (exit 130).
 */
export function terminalPrompter(
  io: { stdin: NodeJS.ReadableStream; stderr: Stream },
  t: Pick<Messages, 'yes' | 'no' | 'promptConfirmError' | 'promptKeys'>,
): Prompter {
  const context = { input: io.stdin, output: io.stderr as NodeJS.WritableStream, clearPromptOnDone: false };
  // The library's own words (the answer shown, key help, a confirm's error) in the user's language.
  const keysHelpTip = (keys: [string, string][]) =>
    keys.map(([key, act]) => `${key} ${t.promptKeys[act] ?? act}`).join(' • ');
  const confirmTheme = { keywords: { error: () => t.promptConfirmError } };
  const guard = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (err) {
      // @inquirer/prompts signals Ctrl-C with an error of this name (its documented API).
      if (err instanceof Error && err.name === 'ExitPromptError') throw new CancelledError();
      throw err;
    }
  };
  const lib = () => import('@inquirer/prompts');
  return {
    confirm: (q) => guard(async () => (await lib()).confirm(
          { message: q.message, default: q.default, transformer: (v) => (v ? t.yes : t.no), theme: confirmTheme },
          context,
        ),),
    input: (q) =>
      guard(async () =>
        (await lib()).input({ message: q.message, default: q.default, validate: q.validate }, context),
      ),
    select: (q) =>
      guard(async () =>
        (await lib()).select(
          { message: q.message, choices: [...q.choices], default: q.default, theme: { style: { keysHelpTip } } },
          context,
        ),
      ),
    checkbox: (q) =>
      guard(async () =>
        (await lib()).checkbox(
          { message: q.message, choices: [...q.choices], theme: { style: { keysHelpTip } } },
          context,
        ),
      ),
    password: (q) => guard(async () => (await lib()).password({ message: q.message, mask: '*', theme: { style: { keysHelpTip } } }, context)),
  };
}

export type ScriptedAnswer =
  | { confirm: boolean }
  | { input: string }
  | { select: string }
  | { checkbox: string[] }
  | { password: string };

/**
 * For tests: answers questions in order and fails loudly on a question it did not
 * expect, so a test notices when the flow asks something new. `asked` records the messages.
 */
export function scriptedPrompter(answers: ScriptedAnswer[]): Prompter & { asked: string[]; remaining(): number } {
  const queue = [...answers];
  const asked: string[] = [];
  const next = <K extends string>(kind: K, message: string): unknown => {
    asked.push(message);
    const a = queue.shift();
    if (!a || !(kind in a)) {
      throw new Error(`scripted prompter: unexpected ${kind} prompt "${message}" (next answer: ${JSON.stringify(a)})`);
    }
    return (a as Record<string, unknown>)[kind];
  };
  return {
    asked,
    remaining: () => queue.length,
    confirm: async (q) => next('confirm', q.message) as boolean,
    input: async (q) => {
      const v = next('input', q.message) as string;
      const ok = q.validate?.(v) ?? true;
      if (ok !== true) throw new Error(`scripted prompter: "${v}" rejected: ${ok}`);
      return v;
    },
    select: async <T extends string>(q: { message: string }) => next('select', q.message) as T,
    checkbox: async <T extends string>(q: { message: string }) => next('checkbox', q.message) as T[],
    password: async (q) => next('password', q.message) as string,
  };
}
