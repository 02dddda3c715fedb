import type { Render } from './ui/lang.js';
import type { Messages } from './ui/i18n.js';

/**
 * Error.message is English (logs, tests) wherever the English table is loaded: it
 * registers itself here when it loads, so a Korean start never loads it just for this.
 * The user always reads the error through cli.ts, rendered in their own language.
 */
let english: Messages | null = null;
export function registerEnglishMessages(t: Messages): void {
  english = t;
}

/** Documented exit codes (README "Exit codes", `eclub --help`). */
export const ExitCode = {
  OK: 0,
  CHECK_FAILED: 1,
  USAGE: 2,
  UNREACHABLE: 3,
  QUEUED: 4,
  REJECTED: 5,
  UGW_UNREACHABLE: 6,
  LOGIN_FAILED: 7,
  CANCELLED: 130,
} as const;
export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];

/**
 * The one error type the CLI reports as a user-facing message. It carries its text
 * unrendered (`render`), so `src/cli.ts` prints it in the user's language, plus an
 * optional fix and an exit code. Only `src/cli.ts` catches these.
 */
export class EclubError extends Error {
  constructor(
    readonly exitCode: ExitCodeValue,
    readonly render: Render,
    readonly fix?: Render,
    options?: { cause?: unknown },
  ) {
    // No message argument: `message` is the prototype's getter below, rendered when read.
    super(undefined, options);
    this.name = new.target.name;
  }
}

Object.defineProperty(EclubError.prototype, 'message', {
  configurable: true,
  get(this: EclubError): string {
    return english ? this.render(english) : `${this.name} (exit ${this.exitCode})`;
  },
});

export class UsageError extends EclubError {
  constructor(render: Render, fix?: Render, options?: { cause?: unknown }) {
    super(ExitCode.USAGE, render, fix, options);
  }
}

/** A flag or field with a value outside what is allowed; names both. */
export class InvalidOptionError extends UsageError {
  constructor(
    readonly option: string,
    readonly value: string,
    allowed: Render,
  ) {
    super((t) => t.invalidOption({ option, value, allowed: allowed(t) }));
  }
}

/** A value that must come from the engineer, with no way to ask: names the flag. */
export class MissingInputError extends UsageError {
  constructor(
    readonly flag: string,
    what: Render,
  ) {
    super((t) => t.missingInput({ what: what(t), flag }));
  }
}

/** Ctrl-C or Escape at a prompt. */
export class CancelledError extends EclubError {
  constructor(render: Render = (t) => t.cancelled) {
    super(ExitCode.CANCELLED, render);
  }
}
