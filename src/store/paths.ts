import envPaths from 'env-paths';
import { join } from 'node:path';

/** Where eclub keeps its files. ECLUB_HOME moves all of them under one folder. */
export interface Paths {
  /** Device records, one JSON file per device. */
  devices: string;
  /** Requests waiting for the e-Club server (never lost, never doubled). */
  outbox: string;
  /** NG-flow state per device, for `diagnose --resume`. */
  flows: string;
  /** Reports and other generated files. */
  reports: string;
  configFile: string;
  /** The API token, mode 0600. */
  tokenFile: string;
}

/**
 * XDG on Linux (~/.local/share/eclub, ~/.config/eclub), ~/Library/... on macOS and
 * %LOCALAPPDATA% / %APPDATA% on Windows, via env-paths; ECLUB_HOME overrides all.
 */
export function resolvePaths(env: Record<string, string | undefined>): Paths {
  const home = env.ECLUB_HOME;
  let data: string;
  let config: string;
  if (home) {
    data = home;
    config = home;
  } else {
    const p = envPaths('eclub', { suffix: '' });
    data = p.data;
    config = p.config;
  }
  return {
    devices: join(data, 'devices'),
    outbox: join(data, 'outbox'),
    flows: join(data, 'flows'),
    reports: join(data, 'reports'),
    configFile: join(config, 'config.json'),
    tokenFile: join(config, 'token.json'),
  };
}
