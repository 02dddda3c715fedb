// npm run bench: every bench/*.bench.mjs, each printing its figures beside a baseline.
// Speed is measured here, never asserted in tests.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join, dirname } from 'node:path';

const dir = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
for (const f of files) {
  console.log(`\n## ${f.replace('.bench.mjs', '')}`);
  const mod = await import(pathToFileURL(join(dir, f)).href);
  await mod.default();
}
