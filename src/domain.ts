// Every domain fact eclub relies on, in one place (../shared/DOMAIN.md). Facts marked
// "unconfirmed" there are single constants here, so a correction is a one-line change.
import type { Family } from './types.js';

/** KT (KORNET) DNS, the manual's fallback when COM-TEST fails (DOMAIN.md §2.2). */
export const KT_DNS = ['168.126.63.1', '168.126.63.2'] as const;
/** The DNS domain name the manual says to set; "kns1" in the manual may be a slip for kns2. */
export const KT_DNS_DOMAIN = 'kns.kornet.net';
export const KT_DNS_DOMAIN_ALTERNATIVES = ['kns1.kornet.net', 'kns2.kornet.net'] as const;

/** RGW-ADR as shown on the INSTALL screen. The path after "agenti" is unconfirmed (§2.4). */
export const RGW_ADR = 'https://a01.ugwdevice.net/ugw/agentif010';
export const RGW_PORT = 443;

/** How far the device clock may drift before TLS trouble is likely. */
export const CLOCK_WARN_MS = 5 * 60 * 1000;
export const CLOCK_FAIL_MS = 24 * 60 * 60 * 1000;

/** Who to call (§6). */
export const CONTACTS = {
  callCentre: '1577-3037',
  csApproval: ['02-2106-3144', '02-2106-3105'],
  webmaster: 'webmaster@canon-bs.co.kr',
  webmasterPhone: '02-3450-0732',
} as const;

/** Canon's IEEE OUIs (§4); another OUI is a warning (third-party NIC), not an error. */
export const CANON_OUIS: ReadonlySet<string> = new Set([
  '000085', '001E8F', '00BBC1', '180CAC', '2C9EFC', '349F7B', '40F8DF', '5003CF', '5C625A',
  '60128B', '6C3C7C', '6CF2D8', '7438B7', '74BFC0', '80030D', '84BA3B', '888717', '9C32CE',
  'A4F01F', 'D8492F', 'DCC2C9', 'F48139', 'F4A997', 'F80D60', 'F8A26D',
  '000FA0', // Canon Korea
]);

/** Canon enterprise number: sysObjectID under 1.3.6.1.4.1.1602 means Canon. */
export const CANON_ENTERPRISE_OID = '1.3.6.1.4.1.1602';

/** Canon counter ids under 1.3.6.1.4.1.1602.1.11.1.3.1.4.<id> (§3). */
export const CANON_COUNTER_NAMES: Readonly<Record<number, string>> = {
  101: 'Total 1',
  102: 'Total 2',
  106: 'Total (Full Color + Single Color)',
  108: 'Total (Black 1)',
  109: 'Total (Black/White 2)',
  112: 'Black/Large',
  113: 'Black/Small',
  122: 'Full Color + Single Color/Large',
  123: 'Full Color + Single Color/Small',
  124: 'Full Color + Single Color 2',
  301: 'Print (Total 1)',
  501: 'Scan (Total 1)',
};

/** Serials seen on iR/iR-ADV: 3 letters or digits, then 5 digits (XTK01222, DCQ12345). */
export const SERIAL_PATTERN = /^[A-Z0-9]{3}\d{5}$/;

/** Families e-Club covers. */
export const ECLUB_FAMILIES: readonly Family[] = ['iR-ADV', 'iR', 'iRC'];

/** Why a device leaves e-Club (해지, DOMAIN.md §5; ECLUB-API.md withdrawals). */
export const WITHDRAWAL_REASONS = ['device-retrieved', 'contract-ended'] as const;
export type WithdrawalReason = (typeof WITHDRAWAL_REASONS)[number];

/**
 * Korean telephone numbering (DOMAIN.md §4): Seoul 02, regional 0XX, internet phone 070,
 * mobile 01X, and 8-digit representative numbers 15XX/16XX/18XX (1577-3037).
 */
export const KR_PHONE = {
  seoul: '02',
  regional: ['031', '032', '033', '041', '042', '043', '044', '051', '052', '053', '054', '055', '061', '062', '063', '064', '070'],
  mobile: ['010', '011', '016', '017', '018', '019'],
  representative: ['15', '16', '18'],
} as const;

/** The time zone of "today" on the form (가입일): the customer's, in Korea. */
export const FORM_TIME_ZONE = 'Asia/Seoul';

/** How many devices one enrollment may carry (ECLUB-API.md), and rows on one paper page (form #001). */
export const FORM_MAX_DEVICES = 100;
export const FORM_ROWS_PER_PAGE = 4;

/** Subnet masks a device can use: contiguous, /1 to /30 (/31 and /32 leave no room for a gateway beside it). */
export const MASK_PREFIX_MIN = 1;
export const MASK_PREFIX_MAX = 30;
/** The panel holds a primary and a secondary DNS server (DOMAIN.md §2.2); so do the form and the API. */
export const DNS_MAX_SERVERS = 2;
