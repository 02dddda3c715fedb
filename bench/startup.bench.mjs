// `eclub --help` must start within 1.5x a bare `node -e 0`: heavy modules load per command.
import { BIN, table, timeNode } from './lib.mjs';

export default async function () {
  const bare = timeNode(['-e', '0']);
  const help = timeNode([BIN, '--help']);
  const ratio = help / bare;
  table(
    ['measure', 'median ms', 'baseline', 'ratio', 'target'],
    [['eclub --help', help.toFixed(1), `node -e 0: ${bare.toFixed(1)}`, ratio.toFixed(2) + 'x', '<= 1.5x ' + (ratio <= 1.5 ? 'ok' : 'MISSED')]],
  );
}
