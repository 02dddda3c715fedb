// `eclub status`: one GET, no outbox (nothing is created), the answer as data.
import type { Ctx } from '../context.js';
import type { Api } from './client.js';
import { ApiRejectedError, ApiUnavailableError } from './errors.js';
import { isEnrollmentId, parseEnrollmentIdArg, parseSerialArg } from './changes.js';

export interface EnrollmentStatus {
  id: string;
  status: string;
  reason?: string;
  devices: { serial: string; status: string }[];
}

export interface DeviceStatus {
  serial: string;
  status: string;
  enrollmentId: string;
  ip: string;
  subnet: string;
  gateway: string;
  mac: string;
}

export type StatusAnswer = { kind: 'enrollment'; enrollment: EnrollmentStatus } | { kind: 'device'; device: DeviceStatus };

/** E-... → GET /v1/enrollments/{id}; anything else is a serial → GET /v1/devices/{serial}. */
export async function readStatus(api: Api, target: string): Promise<StatusAnswer> {
  const enrollment = isEnrollmentId(target);
  const path = enrollment
    ? `/v1/enrollments/${encodeURIComponent(parseEnrollmentIdArg(target))}`
    : `/v1/devices/${encodeURIComponent(parseSerialArg(target))}`;
  const ans = await api.call({ method: 'GET', path });
  if (ans.kind === 'rejected') throw new ApiRejectedError(ans.status, ans.error);
  if (ans.kind === 'unavailable') throw new ApiUnavailableError(api.endpoint, ans.error);
  return enrollment
    ? { kind: 'enrollment', enrollment: ans.data as EnrollmentStatus }
    : { kind: 'device', device: ans.data as DeviceStatus };
}

export function printStatus(ctx: Ctx, s: StatusAnswer): void {
  const { t, out } = ctx;
  if (ctx.json) return out.json(s);
  const value = (status: string) => t.apiStatusValue({ status });
  if (s.kind === 'enrollment') {
    const e = s.enrollment;
    out.print(t.apiStatusEnrollment({ id: e.id, status: value(e.status) }));
    if (e.reason) out.print(t.apiStatusReason({ reason: e.reason }));
    for (const d of e.devices ?? []) out.print(t.apiStatusDeviceLine({ serial: d.serial, status: value(d.status) }));
    return;
  }
  const d = s.device;
  out.print(t.apiStatusDevice({ serial: d.serial, status: value(d.status), enrollmentId: d.enrollmentId }));
  out.print(t.apiStatusNetwork({ ip: d.ip, subnet: d.subnet, gateway: d.gateway, mac: d.mac }));
}
