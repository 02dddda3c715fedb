// The e-Club API client: sessions, Idempotency-Key, retries with backoff and Retry-After,
// one re-login on 401. Pure of I/O itself: the transport, clock, sleep, session store and
// password source come in as deps, so tests swap any of them.
import type { ApiBody, Transport } from './http.js';
import { isRetriableStatus, isTlsFailure, parseRetryAfter, planRetry, type RetryPolicy } from './retry.js';
import { LoginFailedError, LoginRequiredError } from './errors.js';

export interface Session {
  partnerId: string;
  token: string;
  expiresAt: string | null;
  /** The endpoint that issued the token: it is never sent anywhere else. */
  endpoint: string;
}

export interface ServerError {
  code: string;
  message: string;
  fields?: { path: string; message: string }[];
}

export interface ApiCall {
  method: 'GET' | 'POST';
  path: string;
  body?: ApiBody;
  idempotencyKey?: string;
}

export type ApiAnswer =
  | { kind: 'ok'; status: number; data: unknown }
  /** A 4xx the server means: not retried. */
  | { kind: 'rejected'; status: number; error: ServerError }
  /** Retries spent (5xx, 429, timeouts, resets) or TLS refused: try again later. */
  | { kind: 'unavailable'; error: { code: string; message: string; httpStatus?: number } };

export interface Api {
  readonly endpoint: string;
  call(c: ApiCall): Promise<ApiAnswer>;
  /** POST /v1/sessions; saves and returns the session. Throws LoginFailedError. */
  login(partnerId: string, password: string): Promise<Session>;
}

export interface ClientDeps {
  endpoint: string;
  transport: Transport;
  policy: RetryPolicy;
  now(): Date;
  sleep(ms: number): Promise<void>;
  random(): number;
  loadSession(): Promise<Session | null>;
  saveSession(s: Session): Promise<void>;
  /** The partner id to log in again with when there is no session (config partner.id). */
  partnerId: string | null;
  /** The password for a re-login: a file, the environment or a prompt; null when none. */
  getPassword(partnerId: string): Promise<string | null>;
  /** Protocol detail for --debug: never headers, never bodies. */
  log(line: string): void;
}

/** The body of an error answer, or a stand-in built from the status when it is not JSON. */
export function parseServerError(status: number, data: unknown): ServerError {
  const e = (data as { error?: unknown } | null)?.error as Partial<ServerError> | undefined;
  if (e && typeof e.code === 'string') {
    const out: ServerError = { code: e.code, message: typeof e.message === 'string' ? e.message : '' };
    if (Array.isArray(e.fields)) {
      out.fields = e.fields
        .filter((f): f is { path: string; message: string } => typeof f?.path === 'string')
        .map((f) => ({ path: f.path, message: String(f.message ?? '') }));
    }
    return out;
  }
  return { code: `http_${status}`, message: typeof data === 'string' ? data.slice(0, 200) : '' };
}

export function createClient(d: ClientDeps): Api {
  let session: Session | null | undefined;

  const current = async (): Promise<Session | null> => {
    if (session === undefined) {
      const s = await d.loadSession();
      session = s && s.endpoint === d.endpoint ? s : null;
    }
    return session;
  };

  /** One request with retries; `auth` adds the bearer token. */
  const exchange = async (c: ApiCall, token: string | null): Promise<ApiAnswer | { kind: 'unauthorized' }> => {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const headers: Record<string, string> = {};
      if (token) headers.Authorization = `Bearer ${token}`;
      if (c.idempotencyKey) headers['Idempotency-Key'] = c.idempotencyKey;
      d.log(`→ ${c.method} ${c.path} (attempt ${attempt})`);
      const res = await d.transport.send({ method: c.method, path: c.path, headers, ...(c.body ? { body: c.body } : {}) });
      let retryAfter: number | null = null;
      let failure: { code: string; message: string; httpStatus?: number };
      if (res.ok) {
        d.log(`← ${res.status}`);
        if (res.status >= 200 && res.status < 300) return { kind: 'ok', status: res.status, data: res.data };
        if (res.status === 401 && token !== null) return { kind: 'unauthorized' };
        const error = parseServerError(res.status, res.data);
        if (!isRetriableStatus(res.status)) return { kind: 'rejected', status: res.status, error };
        retryAfter = parseRetryAfter(res.headers['retry-after'], d.now());
        failure = { code: error.code, message: error.message, httpStatus: res.status };
      } else {
        d.log(`← ${res.code}`);
        failure = { code: res.code, message: res.message };
        if (isTlsFailure(res.code)) return { kind: 'unavailable', error: failure };
      }
      const wait = planRetry(d.policy, attempt, waited, retryAfter, d.random());
      if (wait === null) return { kind: 'unavailable', error: failure };
      d.log(`  retry in ${wait} ms`);
      await d.sleep(wait);
      waited += wait;
    }
  };

  const login = async (partnerId: string, password: string): Promise<Session> => {
    const ans = await exchange({ method: 'POST', path: '/v1/sessions', body: { json: { partnerId, password } } }, null);
    if (ans.kind === 'ok') {
      const data = ans.data as { token?: unknown; expiresAt?: unknown };
      if (typeof data?.token !== 'string') {
        throw new LoginFailedError(partnerId, { code: 'bad_answer', message: '', httpStatus: ans.status });
      }
      const s: Session = {
        partnerId,
        token: data.token,
        expiresAt: typeof data.expiresAt === 'string' ? data.expiresAt : null,
        endpoint: d.endpoint,
      };
      await d.saveSession(s);
      session = s;
      return s;
    }
    if (ans.kind === 'rejected') throw new LoginFailedError(partnerId, { ...ans.error, httpStatus: ans.status });
    if (ans.kind === 'unavailable') throw new LoginFailedError(partnerId, ans.error);
    throw new LoginFailedError(partnerId, { code: 'unauthorized', message: '', httpStatus: 401 });
  };

  /** Log in again with a password from the file, the environment or a prompt. */
  const relogin = async (): Promise<Session> => {
    const partnerId = session?.partnerId ?? d.partnerId;
    if (!partnerId) throw new LoginRequiredError();
    const password = await d.getPassword(partnerId);
    if (password === null) throw new LoginRequiredError();
    d.log(`  logging in again as ${partnerId}`);
    return login(partnerId, password);
  };

  return {
    endpoint: d.endpoint,
    login,
    async call(c) {
      const s = (await current()) ?? (await relogin());
      const first = await exchange(c, s.token);
      if (first.kind !== 'unauthorized') return first;
      const again = await exchange(c, (await relogin()).token);
      if (again.kind === 'unauthorized') throw new LoginRequiredError();
      return again;
    },
  };
}
