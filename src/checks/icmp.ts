// Ping from the laptop with the system `ping` program (the `ping` package runs it; raw
// ICMP sockets need privileges a laptop user lacks). Only "did anything answer" counts.
import type { Messages } from '../ui/i18n.js';
import type { CheckResult } from '../types.js';

/** true: the host answered; false: no answer; throws when ping cannot run at all. */
export type Pinger = (host: string, timeoutMs: number) => Promise<boolean>;

/** Thrown by a Pinger when the system ping program is missing or not runnable. */
export class PingUnavailableError extends Error {}

export const systemPing: Pinger = async (host, timeoutMs) => {
  const { default: ping } = await import('ping');
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  let res;
  try {
    // -c 1 with -W/-w bounds the run; the package rejects only when spawning ping failed.
    res = await ping.promise.probe(host, { timeout: seconds, deadline: seconds, min_reply: 1 });
  } catch (err) {
    throw new PingUnavailableError('ping could not run', { cause: err });
  }
  return res.alive;
};

export async function probeIcmp(
  id: 'device-icmp' | 'gateway-icmp',
  host: string,
  timeoutMs: number,
  t: Messages,
  ping: Pinger,
): Promise<CheckResult> {
  let alive: boolean;
  try {
    alive = await ping(host, timeoutMs);
  } catch (err) {
    if (err instanceof PingUnavailableError) return { id, status: 'skip', evidence: t.reachPingMissing, fix: t.reachPingMissingFix };
    throw err;
  }
  if (alive) return { id, status: 'pass', evidence: t.reachPingOk({ host }), fix: null };
  // Blocked ICMP is common on customer networks: inconclusive, never a failure on its own.
  return { id, status: 'warn', evidence: t.reachPingNoAnswer({ host, ms: timeoutMs }), fix: t.reachPingNoAnswerFix({ id }) };
}
