// The manual's on-site steps for one device (DOMAIN.md §2.2–2.4), as data: pure.
import { KT_DNS, KT_DNS_DOMAIN, KT_DNS_DOMAIN_ALTERNATIVES, RGW_ADR, RGW_PORT } from '../domain.js';
import { panelPath, servicePath } from '../checks/panel.js';
import type { Lang, Messages } from '../ui/i18n.js';
import type { CheckResult, DeviceInfo, StepId } from '../types.js';

export interface StepPlan {
  id: StepId;
  title: string;
  path: string;
  instructions: string[];
}

export function buildSetupSteps(
  device: Pick<DeviceInfo, 'family' | 'ip' | 'subnet' | 'gateway'>,
  dns: string[] | null,
  checks: readonly CheckResult[],
  t: Messages,
  lang: Lang,
): StepPlan[] {
  const unknown = t.setupUnknownValue;
  const gatewayCheck = checks.find((c) => c.id === 'gateway-in-subnet');
  const ipv4Fixes = checks
    .filter((c) => c.status === 'fail' && ['ip-valid', 'mask-contiguous', 'ip-not-network-or-broadcast', 'gateway-in-subnet'].includes(c.id))
    .map((c) => t.setupStepIpv4Fix({ fix: `${c.evidence} — ${c.fix ?? ''}` }));
  return [
    {
      id: 'dns',
      title: t.setupStepTitleDns,
      path: panelPath(device.family, 'dns', lang),
      instructions: [
        dns?.length ? t.setupStepDnsEnter({ dns: dns.join(', ') }) : t.setupStepDnsEnter({ dns: t.setupStepDnsUnknown }),
        t.setupStepDnsFallback({ primary: KT_DNS[0], secondary: KT_DNS[1] }),
        t.setupStepDnsDomain({ domain: KT_DNS_DOMAIN, alternatives: KT_DNS_DOMAIN_ALTERNATIVES.join(', ') }),
      ],
    },
    {
      id: 'ipv4',
      title: t.setupStepTitleIpv4,
      path: panelPath(device.family, 'ipv4', lang),
      instructions: [
        t.setupStepIpv4Check({ ip: device.ip ?? unknown, subnet: device.subnet ?? unknown, gateway: device.gateway ?? unknown }),
        t.setupStepIpv4Warn,
        ...ipv4Fixes,
        ...(gatewayCheck?.status === 'skip' && gatewayCheck.fix ? [gatewayCheck.fix] : []),
      ],
    },
    { id: 'erds-clear', title: t.setupStepTitleErdsClear, path: servicePath('erdsClear'), instructions: [t.setupStepErdsClear] },
    {
      id: 'erds-enable',
      title: t.setupStepTitleErdsEnable,
      path: servicePath('erdsEnable'),
      instructions: [t.setupStepErdsEnable({ port: RGW_PORT, adr: RGW_ADR })],
    },
    { id: 'comtest', title: t.setupStepTitleComTest, path: servicePath('comTest'), instructions: [t.setupStepComTest] },
  ];
}
