// `eclub config get|set|unset|list` over src/store/config.ts.
import type { Ctx } from '../context.js';
import { InvalidOptionError } from '../errors.js';
import {
  CONFIG_KEY_NAMES,
  CONFIG_KEYS,
  isConfigKey,
  loadConfigWithSources,
  parseConfigValue,
  saveConfigValue,
  type ConfigKey,
} from '../store/config.js';

function parseKey(key: string): ConfigKey {
  if (!isConfigKey(key)) throw new InvalidOptionError('<key>', key, (t) => t.allowedOneOf({ values: CONFIG_KEY_NAMES.join(', ') }));
  return key;
}

export async function printConfigList(ctx: Ctx): Promise<void> {
  const { entries } = await loadConfigWithSources(ctx);
  if (ctx.json) {
    ctx.out.json({ file: ctx.paths.configFile, settings: Object.fromEntries(entries.map((e) => [e.key, { value: e.value, source: e.source }])) });
    return;
  }
  if (entries.length === 0) ctx.out.print(ctx.t.apiConfigEmpty);
  for (const e of entries) {
    const where = e.source === 'env' ? CONFIG_KEYS[e.key].env : ctx.t.apiConfigSource({ source: e.source });
    ctx.out.print(`${e.key} = ${e.value}  ${ctx.out.c.gray(`(${where})`)}`);
  }
}

/** The value in effect (environment first); unset prints nothing on stdout, a note on stderr. */
export async function printConfigValue(ctx: Ctx, keyArg: string): Promise<void> {
  const key = parseKey(keyArg);
  const { entries } = await loadConfigWithSources(ctx);
  const entry = entries.find((e) => e.key === key);
  if (ctx.json) ctx.out.json({ key, value: entry?.value ?? null, source: entry?.source ?? null });
  else if (entry) ctx.out.print(String(entry.value));
  else ctx.out.info(ctx.t.apiConfigNotSet({ key }));
}

export async function setConfigValue(ctx: Ctx, keyArg: string, raw: string | undefined): Promise<void> {
  const key = parseKey(keyArg);
  let value: string | number | undefined;
  if (raw !== undefined) {
    const parsed = parseConfigValue(key, raw);
    if (parsed === null) throw new InvalidOptionError(key, raw, (t) => t.apiConfigAllowed({ key }));
    value = parsed;
  }
  await saveConfigValue(ctx.paths.configFile, key, value);
  const env = CONFIG_KEYS[key].env;
  if (ctx.json) ctx.out.json({ key, value: value ?? null, file: ctx.paths.configFile });
  else ctx.out.print(value === undefined ? ctx.t.apiConfigRemoved({ key, path: ctx.paths.configFile }) : ctx.t.apiConfigSaved({ key, path: ctx.paths.configFile }));
  if (ctx.io.env[env]) ctx.out.warn(ctx.t.apiConfigEnvWins({ key, env }));
}
