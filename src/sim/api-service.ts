// The reference e-Club API as one of `eclub simulate`'s services, beside the devices.
import type { SimServiceStarter } from './index.js';
import { DEMO_PARTNER, startApiServer } from './api-server.js';

export interface ApiServiceOptions {
  port?: number | undefined;
  /** Keep the server's state across runs in this file; in memory when absent. */
  dataFile?: string | undefined;
  /** Enrollments, moves and withdrawals are approved this many seconds after they arrive. */
  approveAfterSec: number;
}

export function apiSimService(o: ApiServiceOptions): SimServiceStarter {
  return async () => {
    const server = await startApiServer({
      host: '127.0.0.1',
      port: o.port ?? 0,
      autoApproveMs: o.approveAfterSec * 1000,
      ...(o.dataFile ? { dataFile: o.dataFile } : {}),
    });
    return {
      name: 'e-club-api',
      // The demo password is documented in the README; it is not printed here.
      info: { url: server.url, partnerId: DEMO_PARTNER.id, approveAfterSec: o.approveAfterSec, login: `eclub login --endpoint ${server.url} --partner-id ${DEMO_PARTNER.id}` },
      close: () => server.close(),
    };
  };
}
