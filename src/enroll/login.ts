// `eclub login` / `eclub logout`: the password comes from a file, a hidden prompt or a
// piped stdin — never argv — and only the token is kept (mode 0600).
import type { Ctx } from '../context.js';
import { InvalidOptionError, MissingInputError, UsageError } from '../errors.js';
import { readSecretFile } from '../commands/kit.js';
import { loadConfig } from '../store/config.js';
import { createApi, type ApiOptions } from './api.js';
import { removeSession } from './session.js';

export interface LoginResult {
  partnerId: string;
  endpoint: string;
  expiresAt: string | null;
  tokenFile: string;
}

async function readStdinLine(stdin: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stdin) {
    text += String(chunk);
    if (text.includes('\n')) break;
  }
  return text.split(/\r?\n/)[0]!.trim();
}

/** File, then a hidden prompt, then a piped stdin; with none of them, name the flag. */
export async function askLoginPassword(ctx: Ctx, partnerId: string, passwordFile: string | undefined): Promise<string> {
  if (passwordFile) return readSecretFile('--password-file', passwordFile);
  if (!ctx.noInput) return ctx.prompt.password({ message: ctx.t.apiAskPassword({ partnerId }), flag: '--password-file' });
  if (!ctx.io.stdin.isTTY) {
    const line = await readStdinLine(ctx.io.stdin);
    if (!line) throw new UsageError((t) => t.apiPasswordStdinEmpty);
    return line;
  }
  throw new MissingInputError('--password-file', (t) => t.apiAskPassword({ partnerId }));
}

export async function loginPartner(
  ctx: Ctx,
  o: ApiOptions & { partnerId?: string | undefined; passwordFile?: string | undefined },
): Promise<LoginResult> {
  const config = await loadConfig(ctx);
  // The endpoint is checked before anything is asked.
  const api = await createApi(ctx, { ...o, config });
  const given =
    o.partnerId ?? config.partner.id ?? (await ctx.prompt.input({ message: ctx.t.apiAskPartnerId, flag: '--partner-id' }));
  // An empty ID is a typing slip, not a wrong password: say so before anything is sent.
  const partnerId = given.trim();
  if (!partnerId) throw new InvalidOptionError('--partner-id', given, (t) => t.apiAllowedPartnerId);
  const password = await askLoginPassword(ctx, partnerId, o.passwordFile);
  const session = await api.login(partnerId, password);
  return { partnerId, endpoint: api.endpoint, expiresAt: session.expiresAt, tokenFile: ctx.paths.tokenFile };
}

export async function logoutPartner(ctx: Ctx): Promise<{ removed: boolean; tokenFile: string }> {
  return { removed: await removeSession(ctx.paths.tokenFile), tokenFile: ctx.paths.tokenFile };
}
