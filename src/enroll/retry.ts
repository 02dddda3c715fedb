// When to try an e-Club call again, and how long to wait: pure, so it is a table test.
// ECLUB-API.md: retry 429, 502, 503, 504 and connection failures with backoff, honour
// Retry-After, never other 4xx.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First backoff; doubles each attempt, with jitter. */
  baseMs: number;
  /** Cap on the total time spent waiting between attempts (a long Retry-After gives up early). */
  maxWaitMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, baseMs: 500, maxWaitMs: 30_000 };

const RETRY_STATUSES = new Set([429, 502, 503, 504]);

export function isRetriableStatus(status: number): boolean {
  return RETRY_STATUSES.has(status);
}

/**
 * Transport failures that will not heal by waiting: the certificate is wrong. Everything
 * else (ECONNRESET, ECONNREFUSED, ETIMEDOUT, a dropped answer) is worth another try.
 */
const TLS_CODES = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function isTlsFailure(code: string): boolean {
  return TLS_CODES.has(code);
}

/** Retry-After as seconds or an HTTP date → milliseconds to wait; null when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now.getTime());
}

/**
 * After failed attempt number `attempt` (1-based), having waited `waitedMs` so far: the
 * milliseconds to wait before the next one, or null to stop. Backoff doubles from baseMs
 * with jitter (`random` in [0, 1)); the server's Retry-After is a floor.
 */
export function planRetry(
  policy: RetryPolicy,
  attempt: number,
  waitedMs: number,
  retryAfterMs: number | null,
  random: number,
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const backoff = Math.round(policy.baseMs * 2 ** (attempt - 1) * (0.5 + random / 2));
  const wait = Math.max(backoff, retryAfterMs ?? 0);
  if (waitedMs + wait > policy.maxWaitMs) return null;
  return wait;
}
