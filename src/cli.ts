// The program: commands registered from light modules (heavy ones load when a command
// runs), the ONE catch, and exit codes. The only file that touches process.exit/argv.
import { CommanderError, type Command } from 'commander';
import { LocalisedCommand } from './ui/command.js';
import { createCtx, finishCtx, type Ctx, type Io } from './context.js';
import { EclubError, ExitCode } from './errors.js';
import { loadMessages, parseLang } from './ui/lang.js';
import { readConfiguredLang } from './store/config-lang.js';
import { readPackageVersion } from './store/package-info.js';
import * as setup from './commands/setup.js';
import * as devices from './commands/devices.js';
import * as diagnose from './commands/diagnose.js';
import * as enroll from './commands/enroll.js';
import * as login from './commands/login.js';
import * as outbox from './commands/outbox.js';
import * as attach from './commands/attach.js';
import * as status from './commands/status.js';
import * as move from './commands/move.js';
import * as withdraw from './commands/withdraw.js';
import * as config from './commands/config.js';
import * as discover from './commands/discover.js';
import * as simulate from './commands/simulate.js';
import * as demo from './commands/demo.js';

const COMMANDS = [setup, devices, diagnose, discover, enroll, login, outbox, attach, status, move, withdraw, config, simulate, demo];

/** `--lang` and `--no-color` are needed before parsing, to write help in the right language. */
function prescan(argv: readonly string[]): { lang: string | undefined; noColor: boolean; json: boolean } {
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') lang = argv[i + 1] ?? '';
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
  }
  const globals = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  return { lang, noColor: globals.includes('--no-color'), json: globals.includes('--json') };
}

function buildProgram(ctx: Ctx): Command {
  const { t, io } = ctx;
  const program = new LocalisedCommand('eclub', t)
    .description(t.appDescription)
    .version(readPackageVersion(), '-V, --version', t.optVersion)
    .helpOption('-h, --help', t.optHelp)
    .helpCommand('help [command]', t.helpCommand)
    .option('--lang <lang>', t.optLang)
    .option('--json', t.optJson)
    .option('--no-color', t.optNoColor)
    .option('--no-input', t.optNoInput)
    .option('--debug', t.optDebug)
    .configureHelp({
      showGlobalOptions: true,
      styleTitle: (title) => t.helpTitles[title] ?? title,
      // Commander appends "(default: …)" in English; say it in the user's language.
      optionDescription: (o) =>
        o.defaultValue === undefined || o.negate || typeof o.defaultValue === 'boolean'
          ? o.description
          : `${o.description} (${t.helpDefault}: ${o.defaultValueDescription ?? (typeof o.defaultValue === 'string' ? o.defaultValue : JSON.stringify(o.defaultValue))})`,
    })
    .exitOverride()
    .configureOutput({
      writeOut: (s) => void io.stdout.write(s),
      writeErr: (s) => void io.stderr.write(s),
      // Commander's own errors are reported by run()'s catch, in the user's language.
      outputError: () => {},
    })
    .addHelpText('after', `\n${t.exitCodesTitle}:\n${t.exitCodes}\n`);
  program.hook('preAction', async (_root, actionCommand) => {
    finishCtx(ctx, actionCommand.optsWithGlobals());
    await ctx.out.loadColors();
  });
  for (const c of COMMANDS) c.register(program, ctx);
  return program;
}

/** Run the CLI with the given arguments (without node and script) and return the exit code. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const pre = prescan(argv);
  // Language: --lang, ECLUB_LANG, then `eclub config set lang`, then the locale.
  const lang = parseLang(pre.lang, { ...io.env, ECLUB_LANG: io.env.ECLUB_LANG ?? readConfiguredLang(io.env) });
  const color = !pre.noColor && !io.env.NO_COLOR && Boolean(io.stdout.isTTY || io.stderr.isTTY);
  const ctx = createCtx(io, lang ?? 'en', color, await loadMessages(lang ?? 'en'));
  // Known before parsing, so a usage error found while parsing is reported as JSON too.
  ctx.json = pre.json;
  try {
    if (!lang) {
      throw new EclubError(ExitCode.USAGE, (t) =>
        t.invalidOption({ option: '--lang', value: pre.lang ?? '', allowed: t.allowedOneOf({ values: 'ko, en' }) }),
      );
    }
    const program = buildProgram(ctx);
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (err) {
    return await report(err, ctx);
  }
}

/** The one catch: typed errors become a message in the user's language and an exit code. */
async function report(err: unknown, ctx: Ctx): Promise<number> {
  const { t, out } = ctx;
  await out.loadColors();
  const c = out.c;
  if (err instanceof CommanderError) {
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return ExitCode.OK;
    // `eclub help <unknown>` prints the help on stderr as guidance: a usage error, not success.
    if (err.code === 'commander.help') return err.exitCode === 0 ? ExitCode.OK : ExitCode.USAGE;
    const message = err.message.replace(/^error:\s*/, '');
    if (ctx.json) out.json({ error: { exitCode: ExitCode.USAGE, type: 'UsageError', message, fix: null } });
    out.info(`${c.red(t.errPrefix + ':')} ${message}`);
    out.info(t.usageHint);
    return ExitCode.USAGE;
  }
  if (err instanceof EclubError) {
    const message = err.render(t);
    const fix = err.fix?.(t);
    if (ctx.json) {
      out.json({ error: { exitCode: err.exitCode, type: err.name, message, fix: fix ?? null } });
    }
    out.info(`${c.red(t.errPrefix + ':')} ${message}`);
    if (fix) out.info(`${c.cyan(t.fixPrefix + ':')} ${fix}`);
    if (ctx.debug && err.stack) out.info(c.gray(err.stack));
    return err.exitCode;
  }
  out.info(`${c.red(t.errPrefix + ':')} ${t.unexpectedError}`);
  if (ctx.debug && err instanceof Error && err.stack) out.info(err.stack);
  else if (ctx.debug) out.info(String(err));
  return 1;
}

/** Entry point for bin/eclub.js. */
export async function main(): Promise<void> {
  const code = await run(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    now: () => new Date(),
  });
  // Let stdout drain into a pipe before leaving; open sockets must not keep us alive.
  process.stdout.write('', () => process.exit(code));
}
