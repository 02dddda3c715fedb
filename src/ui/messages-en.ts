// The English table: every area's `en` merged. Its own module (and `ko` in messages-ko.ts) so
// a start loads only the user's language; the `@__PURE__` IIFE lets the bundler drop it when unused.
import { en as common } from './messages/common.js';
import { en as snmp } from './messages/snmp.js';
import { en as checks } from './messages/checks.js';
import { en as setup } from './messages/setup.js';
import { en as diagnose } from './messages/diagnose.js';
import { en as enroll } from './messages/enroll.js';
import { en as discover } from './messages/discover.js';
import { en as simulate } from './messages/simulate.js';
import { en as api } from './messages/api.js';
import { en as reach } from './messages/reach.js';
import { registerEnglishMessages } from '../errors.js';

export const en = /* @__PURE__ */ (() => ({
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

registerEnglishMessages(en);
