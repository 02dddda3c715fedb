// Options shared by the commands that talk to the e-Club API (login, outbox push,
// attach, status, move, withdraw, enroll): light, no network.
import type { Command } from 'commander';
import type { Ctx } from '../context.js';
import type { ApiOptions } from '../enroll/api.js';
import { parseTimeoutMs } from './kit.js';

export interface ApiFlags {
  endpoint?: string;
  caFile?: string;
  httpTimeout?: string;
  passwordFile?: string;
}

/** --endpoint, --ca-file, --http-timeout: every command that talks to the e-Club API. */
export function addApiOptions(cmd: Command, ctx: Ctx): Command {
  return cmd
    .option('--endpoint <url>', ctx.t.apiOptEndpoint)
    .option('--ca-file <path>', ctx.t.apiOptCaFile)
    .option('--http-timeout <ms>', ctx.t.apiOptTimeout);
}

export function parseApiFlags(f: ApiFlags): ApiOptions {
  return {
    ...(f.endpoint !== undefined ? { endpoint: f.endpoint } : {}),
    ...(f.caFile !== undefined ? { caFile: f.caFile } : {}),
    ...(f.httpTimeout !== undefined ? { timeoutMs: parseTimeoutMs('--http-timeout', f.httpTimeout) } : {}),
    ...(f.passwordFile !== undefined ? { passwordFile: f.passwordFile } : {}),
  };
}

/** --password-file: for the one re-login a 401 allows (ECLUB_PASSWORD_FILE too). */
export function addPasswordFileOption(cmd: Command, ctx: Ctx): Command {
  return cmd.option('--password-file <path>', ctx.t.apiOptPasswordFile);
}
