// Shared option parsing for commands: light (no network, no heavy imports).
import type { Command } from 'commander';
import { readOptionFile, readOptionText } from '../store/option-file.js';

export { readOptionFile };
import type { Ctx } from '../context.js';
import { InvalidOptionError, UsageError } from '../errors.js';
import type { Messages } from '../ui/i18n.js';
import { parseIpv4 } from '../checks/ipv4.js';
import type { SnmpOptions, SnmpV3Options, SnmpVersionOption } from '../types.js';

/** Wrap a command body: its returned number becomes the exit code. */
export function action<A extends unknown[]>(ctx: Ctx, body: (...args: A) => Promise<number | void>) {
  return async (...args: A): Promise<void> => {
    const code = await body(...args);
    if (typeof code === 'number') ctx.exitCode = code;
  };
}

export function parseIpv4Option(option: string, value: string): string {
  const n = parseIpv4(value);
  if (n === null) throw new InvalidOptionError(option, value, (t) => t.allowedIpv4);
  return value.trim();
}

export function parseIpv4ListOption(option: string, value: string): string[] {
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (list.length === 0) throw new InvalidOptionError(option, value, (t) => t.allowedIpv4);
  return list.map((v) => parseIpv4Option(option, v));
}

export function parseIntOption(option: string, value: string, min: number, max: number, allowed: (t: Messages) => string): number {
  if (!/^\d+$/.test(value.trim())) throw new InvalidOptionError(option, value, allowed);
  const n = Number(value);
  if (n < min || n > max) throw new InvalidOptionError(option, value, allowed);
  return n;
}

export const parsePort = (option: string, value: string) => parseIntOption(option, value, 1, 65535, (t) => t.allowedPort);
export const parseTimeoutMs = (option: string, value: string) =>
  parseIntOption(option, value, 1, 600_000, (t) => t.allowedPositiveMs);
export const parseRetries = (option: string, value: string) => parseIntOption(option, value, 0, 10, (t) => t.allowedRetries);

export function parseChoice<T extends string>(option: string, value: string, choices: readonly T[]): T {
  const v = value.trim().toLowerCase();
  const hit = choices.find((c) => c.toLowerCase() === v);
  if (!hit) throw new InvalidOptionError(option, value, (t) => t.allowedOneOf({ values: choices.join(', ') }));
  return hit;
}

const HOSTNAME = /^(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** "10.0.0.5", "10.0.0.5:1161", "printer.local" → host and optional port. */
export function parseHostPort(option: string, value: string): { host: string; port: number | undefined } {
  const m = /^([^:\s]+)(?::(\d+))?$/.exec(value.trim());
  if (!m) throw new InvalidOptionError(option, value, (t) => t.allowedHost);
  const host = m[1]!;
  const looksNumeric = /^[\d.]+$/.test(host);
  if (looksNumeric ? parseIpv4(host) === null : !HOSTNAME.test(host)) {
    throw new InvalidOptionError(option, value, (t) => t.allowedHost);
  }
  return { host, port: m[2] === undefined ? undefined : parsePort(option, m[2]) };
}

/** Read a secret from a file: first line, trimmed. The value is never echoed in errors. */
export async function readSecretFile(option: string, path: string): Promise<string> {
  const text = await readOptionText(option, path);
  const secret = text.split(/\r?\n/)[0]!.trim();
  if (!secret) throw new UsageError((t) => t.fileEmpty({ option, path }));
  return secret;
}

// Defaults live in parseSnmpFlags and in the (translated) descriptions, not in commander,
// whose "(default: …)" suffix would be English in a Korean help.
/** The SNMP options shared by setup, diagnose, discover and move --from. */
export function addSnmpOptions(cmd: Command, t: Messages): Command {
  return cmd
    .option('--port <port>', t.snmpOptPort)
    .option('--community <name>', t.snmpOptCommunity)
    .option('--snmp-version <v>', t.snmpOptVersion)
    .option('--user <name>', t.snmpOptUser)
    .option('--auth-protocol <p>', t.snmpOptAuthProtocol)
    .option('--auth-key-file <path>', t.snmpOptAuthKeyFile)
    .option('--priv-protocol <p>', t.snmpOptPrivProtocol)
    .option('--priv-key-file <path>', t.snmpOptPrivKeyFile)
    .option('--context <name>', t.snmpOptContext)
    .option('--timeout <ms>', t.snmpOptTimeout)
    .option('--retries <n>', t.snmpOptRetries);
}

export interface RawSnmpFlags {
  port?: string;
  community?: string;
  snmpVersion?: string;
  user?: string;
  authProtocol?: string;
  authKeyFile?: string;
  privProtocol?: string;
  privKeyFile?: string;
  context?: string;
  timeout?: string;
  retries?: string;
}

/**
 * Turn the flags into SnmpOptions. v3 keys come from files or a hidden prompt, never
 * argv; the community from --community, then ECLUB_SNMP_COMMUNITY, then "public".
 */
export async function parseSnmpFlags(ctx: Ctx, f: RawSnmpFlags, portFromHost?: number): Promise<SnmpOptions> {
  const version = parseChoice<SnmpVersionOption>('--snmp-version', f.snmpVersion ?? 'auto', ['auto', '1', '2c', '3']);
  const port = f.port !== undefined ? parsePort('--port', f.port) : (portFromHost ?? 161);
  const opts: SnmpOptions = {
    port,
    community: f.community ?? ctx.io.env.ECLUB_SNMP_COMMUNITY ?? 'public',
    version,
    timeoutMs: parseTimeoutMs('--timeout', f.timeout ?? '2000'),
    retries: parseRetries('--retries', f.retries ?? '1'),
  };
  if (version === '3' || f.user !== undefined) {
    if (!f.user) throw new UsageError((t) => t.snmpV3NeedsUser);
    const authProtocol = f.authProtocol
      ? parseChoice('--auth-protocol', f.authProtocol, ['md5', 'sha', 'sha224', 'sha256', 'sha384', 'sha512'] as const)
      : null;
    const privProtocol = f.privProtocol
      ? parseChoice('--priv-protocol', f.privProtocol, ['des', 'aes', 'aes256b', 'aes256r'] as const)
      : null;
    if (privProtocol && !authProtocol) throw new UsageError((t) => t.snmpV3PrivNeedsAuth);
    const askKey = async (flag: string, label: (t: Messages) => string) =>
      ctx.prompt.password({ message: label(ctx.t), flag });
    const authKey = authProtocol
      ? f.authKeyFile
        ? await readSecretFile('--auth-key-file', f.authKeyFile)
        : await askKey('--auth-key-file', (t) => t.snmpAskAuthKey)
      : null;
    const privKey = privProtocol
      ? f.privKeyFile
        ? await readSecretFile('--priv-key-file', f.privKeyFile)
        : await askKey('--priv-key-file', (t) => t.snmpAskPrivKey)
      : null;
    // USM turns a pass phrase into a key and needs at least 8 characters (RFC 3414 §11.2);
    // a shorter one would only ever meet a silent device.
    for (const [flag, key] of [['--auth-key-file', authKey], ['--priv-key-file', privKey]] as const) {
      if (key !== null && key.length < 8) throw new UsageError((t) => t.snmpV3KeyTooShort({ flag }));
    }
    const v3: SnmpV3Options = { user: f.user, authProtocol, authKey, privProtocol, privKey };
    if (f.context) v3.context = f.context;
    opts.v3 = v3;
    opts.version = '3';
  }
  return opts;
}
