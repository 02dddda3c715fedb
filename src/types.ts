// Data that crosses module boundaries. Pure types: importing this file loads nothing.

export type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** One check's result, the same object for text and --json output. */
export interface CheckResult {
  id: string;
  status: CheckStatus;
  evidence: string;
  fix: string | null;
}

export type Family = 'iR-ADV' | 'iR' | 'iRC' | 'other';

export type SnmpVersion = '1' | '2c' | '3';
export type SnmpVersionOption = 'auto' | SnmpVersion;

export interface SnmpV3Options {
  user: string;
  authProtocol: 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512' | null;
  authKey: string | null;
  privProtocol: 'des' | 'aes' | 'aes256b' | 'aes256r' | null;
  privKey: string | null;
  context?: string;
}

/** How to talk SNMP to one device. Secrets live here and nowhere else; never print this. */
export interface SnmpOptions {
  port: number;
  community: string;
  version: SnmpVersionOption;
  v3?: SnmpV3Options;
  timeoutMs: number;
  retries: number;
}

export interface Supply {
  index: number;
  description: string | null;
  /** Raw prtMarkerSuppliesLevel: -1 other, -2 unknown, -3 some remaining (RFC 3805). */
  level: number | null;
  max: number | null;
  /** Only when level >= 0 and max > 0. */
  percent: number | null;
}

export interface Counter {
  id: number;
  name: string | null;
  value: number;
}

/** Everything `readDevice` learns about a device. Absent values are null, never guessed. */
export interface DeviceInfo {
  host: string;
  port: number;
  snmpVersion: SnmpVersion;
  vendor: string | null;
  model: string | null;
  family: Family;
  productName: string | null;
  serial: string | null;
  firmware: string | null;
  /** 12 uppercase hex digits, like the form. */
  mac: string | null;
  ip: string | null;
  subnet: string | null;
  gateway: string | null;
  sysDescr: string | null;
  sysObjectId: string | null;
  /** Device clock (hrSystemDate) as ISO 8601; with an offset when the device gave one. */
  clock: string | null;
  /** Seconds since the SNMP agent started (sysUpTime / 100). */
  uptime: number | null;
  status: { device: string | null; printer: string | null; errors: string[] };
  alerts: string[];
  counters: Counter[];
  pageCount: number | null;
  supplies: Supply[];
}

export type StepId = 'dns' | 'ipv4' | 'erds-clear' | 'erds-enable' | 'comtest';

export interface StepResult {
  id: StepId;
  /** The panel or service-mode path, in the manual's words for the chosen language. */
  path: string;
  title: string;
  /** true confirmed by the engineer (or --yes), false declined, null not asked (--no-input). */
  confirmed: boolean | null;
}

export type ComTestResult = 'OK' | 'NG';

/** What `eclub setup` keeps for enrollment, one file per device, keyed by serial. */
export interface DeviceRecord {
  schema: 1;
  key: string;
  device: DeviceInfo;
  checks: CheckResult[];
  steps: StepResult[];
  answers: {
    dns: string[] | null;
    gateway: string | null;
    comTest: ComTestResult | null;
  };
  createdAt: string;
  updatedAt: string;
  /** Filled by `eclub enroll` from the server's answer. */
  enrollment?: { id: string; status: string; receivedAt?: string; updatedAt: string } | null;
  /** Other commands (move, withdraw, diagnose) keep their last server answers here. */
  events?: Array<{ at: string; kind: string; detail: Record<string, unknown> }>;
}
