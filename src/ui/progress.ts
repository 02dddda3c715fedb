// A one-line progress bar on stderr, hand-written (a dozen lines; no dependency needed):
// only on a terminal and never with --json, redrawn at most every 80 ms.
import type { Stream } from './output.js';

export interface Progress {
  update(done: number, total: number, label: string): void;
  done(): void;
}

const silent: Progress = { update() {}, done() {} };

export function buildProgressBar(done: number, total: number, width = 24): string {
  const filled = total > 0 ? Math.round((done / total) * width) : width;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

export function createProgress(stderr: Stream, o: { enabled: boolean; now?: () => number }): Progress {
  if (!o.enabled || !stderr.isTTY) return silent;
  const now = o.now ?? Date.now;
  let last = 0;
  let drawn = false;
  return {
    update(done, total, label) {
      const t = now();
      if (done < total && t - last < 80) return;
      last = t;
      drawn = true;
      stderr.write(`\r\x1b[2K${buildProgressBar(done, total)} ${label}`);
    },
    done() {
      if (drawn) stderr.write('\r\x1b[2K');
    },
  };
}
