// Typed errors of the e-Club client; src/cli.ts renders them in the user's language.
import { EclubError, ExitCode, InvalidOptionError, UsageError } from '../errors.js';
import type { ServerError } from './client.js';
import type { Render } from '../ui/i18n.js';
import { isTlsFailure } from './retry.js';

/** The advice for a server we could not talk to: a certificate problem, or the network. */
function unavailableFix(code: string): Render {
  return (t) => (isTlsFailure(code) ? t.apiTlsFix : t.apiUnavailableFix);
}

/** The server refused the partner id and password, or could not be reached to log in. */
export class LoginFailedError extends EclubError {
  constructor(partnerId: string, detail: { httpStatus?: number; code: string; message: string }) {
    super(
      ExitCode.LOGIN_FAILED,
      (t) =>
        detail.httpStatus === 401
          ? t.apiLoginRefused({ partnerId })
          : t.apiLoginUnavailable({ partnerId, reason: `${detail.code}${detail.httpStatus ? ` (HTTP ${detail.httpStatus})` : ''}` }),
      detail.httpStatus === 401 ? (t) => t.apiLoginRefusedFix : unavailableFix(detail.code),
    );
  }
}

/** A call needs a session and there is none, and no password to get one without asking. */
export class LoginRequiredError extends EclubError {
  constructor() {
    super(ExitCode.LOGIN_FAILED, (t) => t.apiLoginRequired, (t) => t.apiLoginRequiredFix);
  }
}

export class EndpointMissingError extends UsageError {
  constructor() {
    super((t) => t.apiEndpointMissing, (t) => t.apiEndpointMissingFix);
  }
}

/** http:// leaves the token readable on the wire: only loopback may use it. */
export class InsecureEndpointError extends InvalidOptionError {
  constructor(value: string) {
    super('--endpoint', value, (t) => t.apiAllowedEndpoint);
  }
}

/** A read (status) that could not reach the server after the retries; nothing was queued. */
export class ApiUnavailableError extends EclubError {
  constructor(endpoint: string, detail: { code: string; message: string; httpStatus?: number }) {
    super(
      ExitCode.UNREACHABLE,
      (t) => t.apiUnavailable({ endpoint, reason: `${detail.code}${detail.httpStatus ? ` (HTTP ${detail.httpStatus})` : ''}` }),
      unavailableFix(detail.code),
    );
  }
}

/** The server answered a read with a 4xx (not_found, ...). */
export class ApiRejectedError extends EclubError {
  constructor(httpStatus: number, error: ServerError) {
    super(ExitCode.REJECTED, (t) => t.apiRejectedLine({ httpStatus, code: error.code, message: error.message }));
  }
}
