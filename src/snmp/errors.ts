// Typed SNMP failures. They name host, port, version and OIDs, never the community or v3 keys.
import { EclubError, ExitCode, UsageError } from '../errors.js';
import type { Messages } from '../ui/i18n.js';
import type { SnmpVersion } from '../types.js';

function listOids(t: Messages, oids: readonly string[]): string {
  const shown = oids.slice(0, 3).join(', ');
  return oids.length > 3 ? `${shown} ${t.snmpAndMore({ n: oids.length - 3 })}` : shown;
}

const versionList = (versions: readonly SnmpVersion[]) => versions.map((v) => `v${v}`).join(', ');

/** No reply after timeout × (retries + 1), for every version tried. */
export class SnmpTimeoutError extends EclubError {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly versionsTried: readonly SnmpVersion[],
    readonly oids: readonly string[],
    readonly elapsedMs: number,
    readonly timeoutMs: number,
    readonly retries: number,
  ) {
    super(
      ExitCode.UNREACHABLE,
      (t) =>
        t.snmpTimeout({
          host,
          port,
          versions: versionList(versionsTried),
          oids: listOids(t, oids),
          elapsedMs: Math.round(elapsedMs),
          attempts: retries + 1,
          timeoutMs,
        }),
      (t) => t.snmpTimeoutFix({ port }),
    );
  }
}

/** --priv-protocol des on a Node whose OpenSSL refuses DES. */
export class SnmpDesUnavailableError extends UsageError {
  constructor(options?: { cause?: unknown }) {
    super((t) => t.snmpDesUnavailable, (t) => t.snmpDesUnavailableFix, options);
  }
}

/** The agent answered with an error status eclub cannot work around (authorizationError, ...). */
export class SnmpRequestError extends EclubError {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly version: SnmpVersion,
    readonly status: string,
    readonly oids: readonly string[],
  ) {
    super(ExitCode.UNREACHABLE, (t) =>
      t.snmpRequestFailed({ host, port, version: `v${version}`, status, oid: listOids(t, oids) }),
    );
  }
}

/** SNMPv3 USM said no: unknown user, wrong digest, unsupported level, decryption error. */
export class SnmpAuthError extends EclubError {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly reason: string,
  ) {
    super(ExitCode.UNREACHABLE, (t) => t.snmpAuthFailed({ host, port, reason }), (t) => t.snmpAuthFailedFix);
  }
}

/** A reply that does not parse or does not match the request. */
export class SnmpResponseError extends EclubError {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly version: SnmpVersion,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(ExitCode.UNREACHABLE, (t) => t.snmpBadResponse({ host, port, version: `v${version}`, reason }), undefined, options);
  }
}

/** The request could not be sent: the host name does not resolve, no route, ... */
export class SnmpSendError extends EclubError {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly code: string,
    options?: { cause?: unknown },
  ) {
    super(ExitCode.UNREACHABLE, (t) => t.snmpSendFailed({ host, port, code }), (t) => t.snmpSendFailedFix, options);
  }
}

/** A walk got an OID that does not increase: the agent would loop forever. */
export class SnmpWalkLoopError extends EclubError {
  constructor(
    readonly host: string,
    readonly port: number,
    readonly previous: string,
    readonly next: string,
  ) {
    super(ExitCode.UNREACHABLE, (t) => t.snmpWalkLoop({ host, port, previous, next }), (t) => t.snmpWalkLoopFix);
  }
}
