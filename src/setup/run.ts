// `eclub setup` as one flow over injected I/O: read → ask what SNMP cannot read →
// check → walk the steps → COM-TEST → record. The record is saved as soon as the
// device is read, so a cancel or a dropped cable loses nothing.
import { checkFamily, checkNetworkSettings } from '../checks/network.js';
import { panelPath } from '../checks/panel.js';
import { parseIpv4 } from '../checks/ipv4.js';
import { buildRecordKey } from '../store/devices.js';
import type { Lang, Messages } from '../ui/i18n.js';
import type { Prompter } from '../ui/prompt.js';
import type { CheckResult, ComTestResult, DeviceInfo, DeviceRecord, SnmpOptions, SnmpVersion, StepResult } from '../types.js';
import { buildSetupSteps, type StepPlan } from './steps.js';
import { parseSerial } from '../enroll/normalise.js';
import { CancelledError } from '../errors.js';
import { renderReadWarning, type ReadWarning } from '../snmp/warnings.js';

export interface ReadResult {
  device: DeviceInfo;
  requests: number;
  versionsTried: SnmpVersion[];
  warnings?: ReadWarning[];
}

export interface SetupInput {
  host: string;
  snmp: SnmpOptions;
  /** The serial (기번) from the device plate, for a device whose SNMP has none. */
  serial?: string | null;
  dns: string[] | null;
  gateway: string | null;
  comTest: ComTestResult | null;
  yes: boolean;
  noInput: boolean;
}

export interface SetupDeps {
  t: Messages;
  lang: Lang;
  prompt: Prompter;
  now: () => Date;
  readDevice: (host: string, opts: SnmpOptions) => Promise<ReadResult>;
  saveRecord: (record: DeviceRecord) => Promise<string>;
  /** Told as the flow goes, for the terminal (spinner, step instructions, warnings). */
  events?: {
    reading?(host: string): void;
    read?(r: ReadResult): void;
    warn?(text: string): void;
    checked?(device: DeviceInfo, checks: CheckResult[], dns: string[] | null): void;
    step?(plan: StepPlan, index: number, total: number): void;
  };
}

export interface SetupResult {
  device: DeviceInfo;
  checks: CheckResult[];
  steps: StepResult[];
  dns: string[] | null;
  comTest: ComTestResult | null;
  record: string;
  snmp: { requests: number; versionsTried: SnmpVersion[] };
}

export function parseIpList(text: string): string[] | null {
  const list = text.split(/[,\s]+/).map((s) => s.trim()).filter(Boolean);
  return list.every((s) => parseIpv4(s) !== null) ? list : null;
}

export async function runSetup(input: SetupInput, deps: SetupDeps): Promise<SetupResult> {
  const { t, lang, prompt } = deps;
  const canAsk = !input.noInput;
  deps.events?.reading?.(input.host);
  const read = await deps.readDevice(input.host, input.snmp);
  deps.events?.read?.(read);
  const device: DeviceInfo = { ...read.device };

  if (device.family === 'other') deps.events?.warn?.(t.setupFamilyWarning({ model: device.model ?? device.sysDescr ?? input.host }));
  // The family, gateway and serial warnings are checks below; a table cut short is not.
  for (const w of read.warnings ?? []) if (w.id === 'tables-incomplete') deps.events?.warn?.(renderReadWarning(t, w));

  // The serial: the form needs one, and some iR models expose none over SNMP
  // (fixtures/devices/ir-v1-noserial.snmprec): the plate's value, from the flag or asked.
  if (device.serial && input.serial && device.serial !== input.serial) {
    deps.events?.warn?.(t.setupSerialDiffers({ device: device.serial, flag: input.serial }));
  }
  if (!device.serial && input.serial) device.serial = input.serial;
  if (!device.serial && canAsk) {
    const answer = await prompt.input({
      message: t.setupAskSerial,
      flag: '--serial',
      validate: (v) => v.trim() === '' || parseSerial(v) !== null || t.setupInvalidSerial,
    });
    device.serial = parseSerial(answer);
  }

  // The gateway: the device's own value wins; the flag fills in where SNMP has none.
  if (device.gateway && input.gateway && device.gateway !== input.gateway) {
    deps.events?.warn?.(t.setupGatewayDiffers({ device: device.gateway, flag: input.gateway }));
  }
  let gatewayAnswer = input.gateway;
  if (!device.gateway) device.gateway = input.gateway;
  if (!device.gateway && canAsk) {
    const answer = await prompt.input({
      message: t.setupAskGateway({ path: panelPath(device.family, 'ipv4', lang) }),
      flag: '--gateway',
      validate: (v) => v.trim() === '' || parseIpv4(v.trim()) !== null || t.setupInvalidIp,
    });
    device.gateway = answer.trim() || null;
    gatewayAnswer = device.gateway;
  }

  let dns = input.dns;
  if (!dns && canAsk) {
    const answer = await prompt.input({
      message: t.setupAskDns({ path: panelPath(device.family, 'dns', lang) }),
      flag: '--dns',
      validate: (v) => v.trim() === '' || parseIpList(v) !== null || t.setupInvalidIp,
    });
    dns = answer.trim() ? parseIpList(answer) : null;
  }

  const checks = [
    checkFamily(device.family, device.model, t),
    ...checkNetworkSettings(
      { ip: device.ip, subnet: device.subnet, gateway: device.gateway, mac: device.mac, serial: device.serial, dns },
      device.family,
      t,
      lang,
    ),
  ];
  deps.events?.checked?.(device, checks, dns);

  const key = buildRecordKey(device);
  const createdAt = deps.now().toISOString();
  const record: DeviceRecord = {
    schema: 1,
    key,
    device,
    checks,
    steps: [],
    answers: { dns, gateway: gatewayAnswer, comTest: null },
    createdAt,
    updatedAt: createdAt,
  };
  let path = await deps.saveRecord(record);

  // Ctrl-C at a step or at COM-TEST: each answer is saved as it comes, so say where.
  const keepOnCancel = async <T>(ask: () => Promise<T>): Promise<T> => {
    try {
      return await ask();
    } catch (err) {
      if (err instanceof CancelledError) throw new CancelledError((x) => x.cancelledKept({ path }));
      throw err;
    }
  };

  const plans = buildSetupSteps(device, dns, checks, t, lang);
  const steps: StepResult[] = [];
  for (const [i, plan] of plans.entries()) {
    deps.events?.step?.(plan, i, plans.length);
    let confirmed: boolean | null;
    if (input.yes) confirmed = true;
    else if (!canAsk) confirmed = null;
    else {
      const message = t.setupAskStepDone({ title: plan.title });
      confirmed = await keepOnCancel(() => prompt.confirm({ message, flag: '--yes', default: true }));
    }
    steps.push({ id: plan.id, title: plan.title, path: plan.path, confirmed });
    if (confirmed !== null && !input.yes) {
      path = await deps.saveRecord({ ...record, steps: [...steps], updatedAt: deps.now().toISOString() });
    }
  }

  let comTest = input.comTest;
  if (!comTest && canAsk) {
    comTest = await keepOnCancel(() =>
      prompt.select<ComTestResult>({
        message: t.setupAskComTest,
        flag: '--comtest',
        choices: [
          { value: 'OK', name: t.setupComTestOk },
          { value: 'NG', name: t.setupComTestNg },
        ],
      }),
    );
  }

  const final: DeviceRecord = {
    ...record,
    steps,
    answers: { dns, gateway: gatewayAnswer, comTest },
    updatedAt: deps.now().toISOString(),
  };
  path = await deps.saveRecord(final);
  return { device, checks, steps, dns, comTest, record: path, snmp: { requests: read.requests, versionsTried: read.versionsTried } };
}

/** 1 when a check failed or COM-TEST said NG; 0 otherwise. */
export function setupExitCode(r: Pick<SetupResult, 'checks' | 'comTest'>): 0 | 1 {
  return r.checks.some((c) => c.status === 'fail') || r.comTest === 'NG' ? 1 : 0;
}
