// Commander's own usage errors (missing argument, unknown option or command, too many
// arguments), said in the user's language. Commander builds these messages in English
// inside a few methods; a Command subclass rebuilds them from the same data, and
// every subcommand is created as one (createCommand).
import { Command, type Option } from 'commander';
import type { Messages } from './i18n.js';

// The message-making methods commander calls; not in its typings.
declare module 'commander' {
  interface Command {
    missingArgument(name: string): void;
    optionMissingArgument(option: Option): void;
    missingMandatoryOptionValue(option: Option): void;
    unknownOption(flag: string): void;
    unknownCommand(): void;
    _excessArguments(receivedArgs: string[]): void;
  }
}

const MAX_DISTANCE = 3;

/** Optimal-string-alignment edit distance (commander's own measure for suggestions). */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > MAX_DISTANCE) return Math.max(a.length, b.length);
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d[i] = [i];
  for (let j = 0; j <= b.length; j++) d[0]![j] = j;
  for (let j = 1; j <= b.length; j++) {
    for (let i = 1; i <= a.length; i++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest candidates to a mistyped word (options compared without their `--`), as commander picks them. */
export function buildSuggestions(word: string, candidates: readonly string[]): string[] {
  const isOption = word.startsWith('--');
  const strip = (s: string) => (isOption ? s.replace(/^--/, '') : s);
  const w = strip(word);
  let best = MAX_DISTANCE;
  let similar: string[] = [];
  for (const candidate of new Set(candidates)) {
    const c = strip(candidate);
    if (c.length <= 1) continue;
    const distance = editDistance(w, c);
    const length = Math.max(w.length, c.length);
    if ((length - distance) / length <= 0.4) continue;
    if (distance < best) {
      best = distance;
      similar = [candidate];
    } else if (distance === best) similar.push(candidate);
  }
  return similar.sort((a, b) => a.localeCompare(b));
}

export class LocalisedCommand extends Command {
  /** The message to use for the next error(), built by one of the overrides below. */
  private pending: string | undefined;

  constructor(
    name: string | undefined,
    private readonly t: Messages,
  ) {
    super(name);
  }

  override createCommand(name?: string): Command {
    return new LocalisedCommand(name, this.t);
  }

  override error(message: string, errorOptions?: { code?: string; exitCode?: number }): never {
    const text = this.pending ?? message;
    this.pending = undefined;
    return super.error(text, errorOptions);
  }

  /** Runs commander's own method (which decides whether it is an error at all) with our message ready. */
  private withMessage(message: string, run: () => void): void {
    this.pending = message;
    try {
      run();
    } finally {
      this.pending = undefined;
    }
  }

  private didYouMean(word: string, candidates: string[]): string {
    const similar = buildSuggestions(word, candidates);
    return similar.length ? `\n${this.t.cliDidYouMean({ candidates: similar.join(', ') })}` : '';
  }

  override missingArgument(name: string): void {
    this.withMessage(this.t.cliMissingArgument({ name }), () => super.missingArgument(name));
  }

  override optionMissingArgument(option: Option): void {
    this.withMessage(this.t.cliOptionMissingArgument({ flags: option.flags }), () => super.optionMissingArgument(option));
  }

  override missingMandatoryOptionValue(option: Option): void {
    this.withMessage(this.t.cliMissingMandatoryOption({ flags: option.flags }), () =>
      super.missingMandatoryOptionValue(option),
    );
  }

  override unknownOption(flag: string): void {
    const longs: string[] = [];
    for (let c: Command | null = this; c; c = c.parent) {
      for (const o of c.options) if (o.long && !o.hidden) longs.push(o.long);
    }
    const suggestion = flag.startsWith('--') ? this.didYouMean(flag, longs) : '';
    this.withMessage(this.t.cliUnknownOption({ flag }) + suggestion, () => super.unknownOption(flag));
  }

  override unknownCommand(): void {
    const name = this.args[0] ?? '';
    const names = this.commands.flatMap((c) => [c.name(), ...c.aliases()]);
    this.withMessage(this.t.cliUnknownCommand({ name }) + this.didYouMean(name, [...names, 'help']), () =>
      super.unknownCommand(),
    );
  }

  override _excessArguments(receivedArgs: string[]): void {
    const message = this.t.cliExcessArguments({
      command: this.name(),
      expected: this.registeredArguments.length,
      received: receivedArgs.length,
    });
    this.withMessage(message, () => super._excessArguments(receivedArgs));
  }
}
