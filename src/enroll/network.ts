// The network rules as `move` and the reference server name them: the rule engine itself
// lives in src/checks/rules.ts (one source for setup/diagnose, the form, move, the server).
import { parseMac } from '../checks/rules.js';

export { checkNetworkRules as checkNetworkFields } from '../checks/rules.js';
export type { NetworkFields, NetworkProblem, NetworkRule } from '../checks/rules.js';

/** MAC to the API's shape (12 uppercase hex digits); what is not a MAC comes back trimmed, to be refused. */
export function normaliseMac(text: string): string {
  return parseMac(text).mac ?? text.trim();
}
