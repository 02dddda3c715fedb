import type { Lang, Messages } from './ui/i18n.js';
import { createOutput, type Output, type Stream } from './ui/output.js';
import { noInputPrompter, terminalPrompter, type Prompter } from './ui/prompt.js';
import { resolvePaths, type Paths } from './store/paths.js';

/** The outside world as the CLI sees it; tests pass their own. */
export interface Io {
  stdout: Stream;
  stderr: Stream;
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  cwd: string;
  now: () => Date;
  /** Overrides the prompter (tests script answers with `scriptedPrompter`). */
  prompter?: Prompter;
}

/** One typed context flows through every command. */
export interface Ctx {
  io: Io;
  lang: Lang;
  t: Messages;
  out: Output;
  paths: Paths;
  json: boolean;
  debug: boolean;
  /** True when nobody can be asked: --no-input, or stdin/stderr is not a terminal. */
  noInput: boolean;
  prompt: Prompter;
  /** The exit code the command chose; cli.ts exits with it. */
  exitCode: number;
}

/** `t` is `lang`'s table: cli.ts loads only that one (`loadMessages`), tests take `messagesFor`. */
export function createCtx(io: Io, lang: Lang, color: boolean, t: Messages): Ctx {
  const ctx: Ctx = {
    io,
    lang,
    t,
    out: undefined as unknown as Output,
    paths: resolvePaths(io.env),
    json: false,
    debug: false,
    noInput: true,
    prompt: noInputPrompter,
    exitCode: 0,
  };
  ctx.out = createOutput({ stdout: io.stdout, stderr: io.stderr, color, t, quietTalk: () => ctx.json });
  return ctx;
}

/** Called once options are parsed: decides whether prompts are possible. */
export function finishCtx(ctx: Ctx, g: { json?: boolean; debug?: boolean; input?: boolean }): void {
  ctx.json = Boolean(g.json);
  ctx.debug = Boolean(g.debug);
  const interactive = Boolean(ctx.io.stdin.isTTY) && Boolean(ctx.io.stderr.isTTY);
  ctx.noInput = g.input === false || (!interactive && !ctx.io.prompter);
  ctx.prompt = ctx.noInput
    ? noInputPrompter
    : (ctx.io.prompter ?? terminalPrompter({ stdin: ctx.io.stdin, stderr: ctx.io.stderr }, ctx.t));
}
