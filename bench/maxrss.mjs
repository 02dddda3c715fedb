// Preloaded into a benchmarked child (node --import): writes its peak RSS (bytes) to
// $ECLUB_BENCH_RSS_FILE on exit, so the bench measures the command, not itself.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.ECLUB_BENCH_RSS_FILE) writeFileSync(process.env.ECLUB_BENCH_RSS_FILE, String(process.resourceUsage().maxRSS * 1024));
});
