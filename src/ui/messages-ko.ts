// The Korean table: every area's `ko` merged, typed by the English one (see messages-en.ts).
import type { Messages } from './i18n.js';
import { ko as common } from './messages/common.js';
import { ko as snmp } from './messages/snmp.js';
import { ko as checks } from './messages/checks.js';
import { ko as setup } from './messages/setup.js';
import { ko as diagnose } from './messages/diagnose.js';
import { ko as enroll } from './messages/enroll.js';
import { ko as discover } from './messages/discover.js';
import { ko as simulate } from './messages/simulate.js';
import { ko as api } from './messages/api.js';
import { ko as reach } from './messages/reach.js';

export const ko: Messages = /* @__PURE__ */ (() => ({
  ...common,
  ...snmp,
  ...checks,
  ...setup,
  ...diagnose,
  ...enroll,
  ...discover,
  ...simulate,
  ...api,
  ...reach,
}))();
