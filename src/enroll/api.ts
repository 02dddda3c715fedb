// Builds the e-Club client for a command from its flags, ECLUB_* variables, the config
// file and the saved token. Commands load this module lazily (it brings axios and zod).
import { readOptionText } from '../store/option-file.js';
import type { Ctx } from '../context.js';
import { readSecretFile } from '../commands/kit.js';
import { loadConfig, type Config } from '../store/config.js';
import { createClient, type Api } from './client.js';
import { checkEndpoint } from './endpoint.js';
import { EndpointMissingError, InsecureEndpointError } from './errors.js';
import { createAxiosTransport, type Transport } from './http.js';
import { DEFAULT_RETRY, type RetryPolicy } from './retry.js';
import { loadSession, saveSession } from './session.js';
import { InvalidOptionError } from '../errors.js';

export type { Api } from './client.js';

export interface ApiOptions {
  endpoint?: string;
  caFile?: string;
  timeoutMs?: number;
  /** For a re-login on 401 without a prompt (also ECLUB_PASSWORD_FILE). */
  passwordFile?: string;
  /** Settings already loaded by the caller (so unknown keys are warned about once). */
  config?: Config;
  /** Tests only: another transport. */
  transport?: Transport;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

/** The endpoint to use: flag, then ECLUB_ENDPOINT/config; refused before any socket when unsafe. */
export function resolveEndpoint(flag: string | undefined, config: Config): string {
  const endpoint = (flag ?? config.endpoint)?.trim();
  if (!endpoint) throw new EndpointMissingError();
  const check = checkEndpoint(endpoint);
  if (check === 'insecure') throw new InsecureEndpointError(endpoint);
  if (check === 'malformed') throw new InvalidOptionError('--endpoint', endpoint, (t) => t.apiAllowedEndpoint);
  return endpoint.replace(/\/+$/, '');
}

export function resolveRetryPolicy(config: Config): RetryPolicy {
  return {
    maxAttempts: config.retry.max ?? DEFAULT_RETRY.maxAttempts,
    baseMs: config.retry.baseMs ?? DEFAULT_RETRY.baseMs,
    maxWaitMs: config.retry.maxWaitMs ?? DEFAULT_RETRY.maxWaitMs,
  };
}

async function readCaFile(path: string): Promise<string> {
  const pem = await readOptionText('--ca-file', path);
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new InvalidOptionError('--ca-file', path, (t) => t.apiAllowedCaFile);
  }
  return pem;
}

export async function createApi(ctx: Ctx, o: ApiOptions): Promise<Api> {
  const config = o.config ?? (await loadConfig(ctx));
  const endpoint = resolveEndpoint(o.endpoint, config);
  const caFile = o.caFile ?? config.caFile;
  const ca = caFile ? await readCaFile(caFile) : undefined;
  const transport =
    o.transport ??
    (await createAxiosTransport({ endpoint, ca, timeoutMs: o.timeoutMs ?? config.http.timeoutMs ?? DEFAULT_TIMEOUT_MS }));
  const passwordFile = o.passwordFile ?? ctx.io.env.ECLUB_PASSWORD_FILE;
  return createClient({
    endpoint,
    transport,
    policy: resolveRetryPolicy(config),
    now: ctx.io.now,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    loadSession: () => loadSession(ctx.paths.tokenFile),
    saveSession: (s) => saveSession(ctx.paths.tokenFile, s),
    partnerId: config.partner.id ?? null,
    getPassword: async (partnerId) => {
      if (passwordFile) return readSecretFile('--password-file', passwordFile);
      if (ctx.noInput) return null;
      return ctx.prompt.password({ message: ctx.t.apiAskPassword({ partnerId }), flag: '--password-file' });
    },
    log: (line) => {
      if (ctx.debug) ctx.out.info(ctx.out.c.gray(line));
    },
  });
}
