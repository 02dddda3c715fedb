// Panel and service-mode paths per family, in the manual's own words (DOMAIN.md §2.1,
// §2.4, §2.5). English panels: DOMAIN.md §2.1; the iR/iRC English leaf names past
// "Network Settings" are unconfirmed — one table row each to correct.
import type { Lang } from '../ui/i18n.js';
import type { Family } from '../types.js';

export type PanelMenu = 'open' | 'dns' | 'ipv4' | 'report';
export type ServiceStep = 'erdsClear' | 'erdsEnable' | 'comTest' | 'comLog' | 'caKey';

type PanelFamily = 'iR-ADV' | 'iR/iRC';

const PANEL: Record<PanelFamily, Record<Lang, Record<PanelMenu, string>>> = {
  'iR-ADV': {
    ko: {
      open: 'Settings/Registration (설정/등록)',
      dns: '환경설정 > 네트워크 > TCP/IP설정 > DNS 설정',
      ipv4: '환경설정 > 네트워크 > TCP/IP설정 > IPV4 설정',
      report: '환경설정 > 네트워크 > 리포트 출력',
    },
    en: {
      open: 'Settings/Registration',
      dns: 'Preferences > Network > TCP/IP Settings > DNS Settings',
      ipv4: 'Preferences > Network > TCP/IP Settings > IPv4 Settings',
      report: 'Preferences > Network > Output Report',
    },
  },
  'iR/iRC': {
    ko: {
      open: '사용자모드 (Additional func)',
      dns: '시스템관리설정 > 네트워크 > DNS설정 > DNS주소설정',
      ipv4: '시스템관리설정 > 네트워크 > TCP/IP설정 > IPV4 설정',
      report: '시스템관리설정 > 네트워크 > 리포트 출력',
    },
    en: {
      open: 'Additional Functions',
      dns: 'System Settings > Network Settings > DNS Settings > DNS Server Address Settings',
      ipv4: 'System Settings > Network Settings > TCP/IP Settings > IPv4 Settings',
      report: 'System Settings > Network Settings > Output Report',
    },
  },
};

/** Service mode is the same on every family (COPIER > FUNCTION > …). */
const SERVICE: Record<ServiceStep, string> = {
  erdsClear: 'COPIER > FUNCTION > CLEAR > ERDS-DAT',
  erdsEnable: 'COPIER > FUNCTION > INSTALL > E-RDS',
  comTest: 'COPIER > FUNCTION > INSTALL > COM-TEST',
  comLog: 'COPIER > FUNCTION > INSTALL > COM-LOG',
  caKey: 'COPIER > FUNCTION > CLEAR > CA-KEY',
};

function panelFamily(family: Family): PanelFamily {
  // Devices outside e-Club's families get the iR-ADV menus, the most common panel today.
  return family === 'iR' || family === 'iRC' ? 'iR/iRC' : 'iR-ADV';
}

/** "Settings/Registration (설정/등록) > 환경설정 > 네트워크 > TCP/IP설정 > IPV4 설정". */
export function panelPath(family: Family, menu: Exclude<PanelMenu, 'open'>, lang: Lang): string {
  const p = PANEL[panelFamily(family)][lang];
  return `${p.open} > ${p[menu]}`;
}

export function servicePath(step: ServiceStep): string {
  return SERVICE[step];
}
