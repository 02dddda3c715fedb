// The one-line verdict and the exit code of `eclub diagnose`, decided from the checks alone.
import { ExitCode, type ExitCodeValue } from '../errors.js';
import type { Messages } from '../ui/i18n.js';
import type { CheckResult } from '../types.js';

export interface Verdict {
  /** The id of the check that names the most likely cause; null when nothing failed. */
  cause: string | null;
  message: string;
  fix: string | null;
}

/**
 * Causes from the most to the least likely to explain a COM-TEST NG, each layer before
 * the ones that depend on it: a device we cannot reach, its IPv4 settings (a wrong
 * gateway is the manual's own NG example), DNS, the firewall on 443, TLS on the path,
 * the proxy, the device clock. Other failures (MAC, serial: form problems) come last.
 */
export const CAUSE_RANK: readonly string[] = [
  'device-snmp',
  'ip-valid',
  'mask-contiguous',
  'ip-not-network-or-broadcast',
  'gateway-in-subnet',
  'gateway-icmp',
  'dns-valid',
  'dns',
  'ugw-tcp',
  'ugw-tls',
  'ugw-http',
  'device-clock',
];

/** Checks whose failure means the UGW cannot be reached from this site (exit 6). */
export const UGW_CHECKS: ReadonlySet<string> = new Set(['dns', 'ugw-tcp', 'ugw-tls', 'ugw-http']);

function rank(id: string): number {
  const i = CAUSE_RANK.indexOf(id);
  return i === -1 ? CAUSE_RANK.length : i;
}

/** The most likely cause among the failed checks, with its fix; ties keep the checks' order. */
export function buildVerdict(checks: readonly CheckResult[], t: Messages): Verdict {
  const failed = checks.filter((c) => c.status === 'fail');
  const top = [...failed].sort((a, b) => rank(a.id) - rank(b.id))[0];
  if (!top) {
    const warnings = checks.filter((c) => c.status === 'warn').length;
    return { cause: null, message: warnings ? t.diagnoseVerdictWarn({ count: warnings }) : t.diagnoseVerdictOk, fix: null };
  }
  return {
    cause: top.id,
    message: t.diagnoseVerdictCause({ area: t.diagnoseCauseArea({ id: top.id }), evidence: top.evidence }),
    fix: top.fix,
  };
}

/**
 * 3 when the device does not answer (it outranks the rest: nothing about the device
 * could be read), 6 when the UGW is unreachable, 1 for any other failure, 0 otherwise
 * (warnings allowed).
 */
export function buildDiagnoseExitCode(checks: readonly CheckResult[]): ExitCodeValue {
  const failed = checks.filter((c) => c.status === 'fail');
  if (failed.some((c) => c.id === 'device-snmp')) return ExitCode.UNREACHABLE;
  if (failed.some((c) => UGW_CHECKS.has(c.id))) return ExitCode.UGW_UNREACHABLE;
  return failed.length > 0 ? ExitCode.CHECK_FAILED : ExitCode.OK;
}
