// eclub's settings: a flat JSON file of "key": value at paths.configFile, each key
// checked with zod, ECLUB_* environment variables on top. Problems are collected and
// reported together; keys eclub does not know are warned about and left alone.
import { z } from 'zod';
import type { Ctx } from '../context.js';
import { EclubError, ExitCode, UsageError } from '../errors.js';
import { checkEndpoint } from '../enroll/endpoint.js';
import { readJsonFile, writeFileAtomic } from './atomic.js';
import { buildStoreReadError } from './records.js';

const text = z.string().trim().min(1).max(200);
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Every key: its check and the environment variable that overrides it. */
export const CONFIG_KEYS = {
  endpoint: { env: 'ECLUB_ENDPOINT', schema: z.string().trim().refine((v) => checkEndpoint(v) === 'ok') },
  caFile: { env: 'ECLUB_CA_FILE', schema: text },
  lang: { env: 'ECLUB_LANG', schema: z.enum(['ko', 'en']) },
  'partner.id': { env: 'ECLUB_PARTNER_ID', schema: text },
  'partner.name': { env: 'ECLUB_PARTNER_NAME', schema: text },
  'partner.engineer': { env: 'ECLUB_PARTNER_ENGINEER', schema: text },
  'partner.phone': { env: 'ECLUB_PARTNER_PHONE', schema: text },
  'http.timeoutMs': { env: 'ECLUB_HTTP_TIMEOUT_MS', schema: int(1, 600_000) },
  'retry.max': { env: 'ECLUB_RETRY_MAX', schema: int(1, 20) },
  'retry.baseMs': { env: 'ECLUB_RETRY_BASE_MS', schema: int(0, 60_000) },
  'retry.maxWaitMs': { env: 'ECLUB_RETRY_MAX_WAIT_MS', schema: int(0, 3_600_000) },
} as const;

export type ConfigKey = keyof typeof CONFIG_KEYS;
export const CONFIG_KEY_NAMES = Object.keys(CONFIG_KEYS) as ConfigKey[];

export interface Config {
  endpoint?: string;
  caFile?: string;
  lang?: 'ko' | 'en';
  partner: { id?: string; name?: string; engineer?: string; phone?: string };
  http: { timeoutMs?: number };
  retry: { max?: number; baseMs?: number; maxWaitMs?: number };
}

export interface ConfigEntry {
  key: ConfigKey;
  value: string | number;
  source: 'file' | 'env';
}

export interface LoadedConfig {
  config: Config;
  entries: ConfigEntry[];
  unknownKeys: string[];
}

export function isConfigKey(key: string): key is ConfigKey {
  return Object.hasOwn(CONFIG_KEYS, key);
}

/** One key's value checked: the clean value, or null when it breaks the key's rule. */
export function parseConfigValue(key: ConfigKey, raw: unknown): string | number | null {
  const r = CONFIG_KEYS[key].schema.safeParse(raw);
  return r.success ? (r.data as string | number) : null;
}

export function buildConfig(entries: readonly ConfigEntry[]): Config {
  const values = new Map<ConfigKey, string | number>(entries.map((e) => [e.key, e.value]));
  const str = (k: ConfigKey) => values.get(k) as string | undefined;
  const num = (k: ConfigKey) => values.get(k) as number | undefined;
  const defined = <T extends object>(o: T): T =>
    Object.fromEntries(Object.entries(o).filter(([, x]) => x !== undefined)) as T;
  return defined({
    endpoint: str('endpoint'),
    caFile: str('caFile'),
    lang: str('lang') as Config['lang'],
    partner: defined({ id: str('partner.id'), name: str('partner.name'), engineer: str('partner.engineer'), phone: str('partner.phone') }),
    http: defined({ timeoutMs: num('http.timeoutMs') }),
    retry: defined({ max: num('retry.max'), baseMs: num('retry.baseMs'), maxWaitMs: num('retry.maxWaitMs') }),
  });
}

/** The settings file and the environment, checked; every bad value at once (exit 2). */
export function parseConfigSources(
  file: Record<string, unknown>,
  env: Record<string, string | undefined>,
  configFile: string,
): LoadedConfig {
  const entries: ConfigEntry[] = [];
  const problems: { where: string; key: string; value: string }[] = [];
  const unknownKeys = Object.keys(file).filter((k) => !isConfigKey(k));
  for (const key of CONFIG_KEY_NAMES) {
    const fromEnv = env[CONFIG_KEYS[key].env];
    const [raw, source, where] =
      fromEnv !== undefined && fromEnv !== '' ? [fromEnv, 'env' as const, CONFIG_KEYS[key].env] : [file[key], 'file' as const, configFile];
    if (raw === undefined) continue;
    const value = parseConfigValue(key, raw);
    if (value === null) problems.push({ where, key, value: String(raw) });
    else entries.push({ key, value, source });
  }
  if (problems.length > 0) throw new ConfigInvalidError(problems);
  return { config: buildConfig(entries), entries, unknownKeys };
}

export class ConfigInvalidError extends UsageError {
  constructor(problems: { where: string; key: string; value: string }[]) {
    super(
      (t) => [t.apiConfigInvalid, ...problems.map((p) => `  ${t.apiConfigProblem(p)}`)].join('\n'),
      (t) => t.apiConfigInvalidFix,
    );
  }
}

async function loadConfigFile(configFile: string): Promise<Record<string, unknown>> {
  let v: unknown;
  try {
    v = await readJsonFile(configFile);
  } catch (err) {
    if (!(err instanceof SyntaxError)) throw buildStoreReadError(configFile, err);
    throw new EclubError(ExitCode.USAGE, (t) => t.storeCorrupt({ path: configFile }), (t) => t.storeCorruptConfigFix({ path: configFile }), { cause: err });
  }
  if (v === undefined) return {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new EclubError(ExitCode.USAGE, (t) => t.storeCorrupt({ path: configFile }), (t) => t.storeCorruptConfigFix({ path: configFile }));
  }
  return v as Record<string, unknown>;
}

/** The effective settings for a command (file, then ECLUB_* on top); warns on unknown keys. */
export async function loadConfig(ctx: Ctx): Promise<Config> {
  const loaded = await loadConfigWithSources(ctx);
  return loaded.config;
}

export async function loadConfigWithSources(ctx: Ctx): Promise<LoadedConfig> {
  const file = await loadConfigFile(ctx.paths.configFile);
  const loaded = parseConfigSources(file, ctx.io.env, ctx.paths.configFile);
  for (const key of loaded.unknownKeys) ctx.out.warn(ctx.t.apiConfigUnknownKey({ key, path: ctx.paths.configFile }));
  return loaded;
}

/** Set or (value undefined) remove one key in the file; other keys, known or not, are kept. */
export async function saveConfigValue(configFile: string, key: ConfigKey, value: string | number | undefined): Promise<void> {
  const file = await loadConfigFile(configFile);
  if (value === undefined) delete file[key];
  else file[key] = value;
  await writeFileAtomic(configFile, JSON.stringify(file, null, 2) + '\n', 0o600);
}
