import type { ChalkInstance } from 'chalk';
import type { Messages } from './i18n.js';
import type { CheckResult, CheckStatus } from '../types.js';

/** Where a command's text goes: data to stdout, talk (spinners, progress, warnings) to stderr. */
export interface Stream {
  write(chunk: string): unknown;
  isTTY?: boolean;
}

export interface Spinner {
  update(text: string): void;
  succeed(text?: string): void;
  fail(text?: string): void;
  stop(): void;
}

export interface Output {
  /** Colours; plain until `loadColors()` has run (help and usage errors need none). */
  readonly c: ChalkInstance;
  /** Load chalk (kept off the start-up path: `eclub --help` is benchmarked). */
  loadColors(): Promise<void>;
  /** A line of data on stdout. */
  print(text?: string): void;
  /** One JSON value on stdout. */
  json(value: unknown): void;
  /** Talk on stderr. */
  info(text: string): void;
  warn(text: string): void;
  /** A spinner on stderr when it is a terminal and output is not JSON; otherwise silent. */
  spinner(text: string): Promise<Spinner>;
}

/** A chalk stand-in that returns text unchanged, whatever style is chained. */
const plain: ChalkInstance = new Proxy((() => {}) as unknown as ChalkInstance, {
  get: (_target, prop) => (prop === 'level' ? 0 : plain),
  apply: (_target, _this, args: unknown[]) => args.join(' '),
});

const silentSpinner: Spinner = { update() {}, succeed() {}, fail() {}, stop() {} };

export function createOutput(o: {
  stdout: Stream;
  stderr: Stream;
  color: boolean;
  t: Messages;
  quietTalk: () => boolean;
}): Output {
  let c = plain;
  return {
    get c() {
      return c;
    },
    async loadColors() {
      if (!o.color || c !== plain) return;
      const { Chalk } = await import('chalk');
      c = new Chalk({ level: 1 });
    },
    print(text = '') {
      o.stdout.write(text + '\n');
    },
    json(value) {
      o.stdout.write(JSON.stringify(value, null, 2) + '\n');
    },
    info(text) {
      o.stderr.write(text + '\n');
    },
    warn(text) {
      o.stderr.write(c.yellow(`${o.t.warnPrefix}: `) + text + '\n');
    },
    async spinner(text) {
      if (!o.stderr.isTTY || o.quietTalk()) return silentSpinner;
      const { default: ora } = await import('ora');
      const s = ora({ text, stream: o.stderr as NodeJS.WritableStream, color: 'cyan', isEnabled: true }).start();
      return {
        update: (x) => void (s.text = x),
        succeed: (x) => void s.succeed(x),
        fail: (x) => void s.fail(x),
        stop: () => void s.stop(),
      };
    },
  };
}

const statusColor: Record<CheckStatus, keyof ChalkInstance> = {
  pass: 'green',
  warn: 'yellow',
  fail: 'red',
  skip: 'gray',
};

/** Terminal columns: Hangul and other wide characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(ch) ? 2 : 1;
  return w;
}

export function padDisplay(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/** Render check results as aligned text lines, in the reader's language. */
export function formatChecks(checks: readonly CheckResult[], t: Messages, c: ChalkInstance): string[] {
  const lines: string[] = [];
  const idWidth = Math.max(0, ...checks.map((k) => k.id.length));
  const labelWidth = Math.max(...(['pass', 'warn', 'fail', 'skip'] as const).map((status) => displayWidth(t.checkStatus({ status }))));
  const indent = ' '.repeat(2 + labelWidth + 2 + idWidth + 2);
  for (const k of checks) {
    const label = padDisplay(t.checkStatus({ status: k.status }), labelWidth);
    const paint = c[statusColor[k.status]] as (s: string) => string;
    lines.push(`  ${paint(label)}  ${k.id.padEnd(idWidth)}  ${k.evidence}`);
    if (k.fix && (k.status === 'fail' || k.status === 'warn' || k.status === 'skip')) {
      lines.push(`${indent}${c.cyan(`${t.fixPrefix}:`)} ${k.fix}`);
    }
  }
  return lines;
}
