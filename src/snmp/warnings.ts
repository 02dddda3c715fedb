// What readDevice noticed but could still read past. Light: commands may import it statically.
import type { Messages } from '../ui/i18n.js';

export type ReadWarning =
  | { id: 'not-eclub-family'; model: string | null }
  | { id: 'gateway-unknown' }
  | { id: 'serial-unknown' }
  | { id: 'tables-incomplete'; oid: string };

export function renderReadWarning(t: Messages, w: ReadWarning): string {
  switch (w.id) {
    case 'not-eclub-family':
      return t.snmpWarnNotEclubFamily({ model: w.model ?? '?' });
    case 'gateway-unknown':
      return t.snmpWarnGatewayUnknown;
    case 'serial-unknown':
      return t.snmpWarnSerialUnknown;
    case 'tables-incomplete':
      return t.snmpWarnTablesIncomplete({ oid: w.oid });
  }
}
