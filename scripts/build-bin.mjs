// Bundles src/cli.ts for bin/eclub.js into dist/bundle/: one start-up module instead of ~40
// plus commander's CommonJS files, so `eclub --help` starts fast. Commands' heavy modules stay
// in chunks loaded by their `await import()`; tsc's dist/ stays for tests and benches.
// dist/bundle/ sits two levels under the package root, like src/<area>/ and dist/<area>/, so
// `new URL('../../…', import.meta.url)` finds package.json and fixtures/ from every chunk.
import { rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
// Bundled: the packages every start loads. The rest stay in node_modules, loaded per command.
const BUNDLED = new Set(['commander', 'env-paths']);
const outdir = new URL('dist/bundle/', root).pathname;

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root.pathname,
  entryPoints: ['src/cli.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  charset: 'utf8',
  // Error classes set `this.name = new.target.name`; JSON output shows it.
  keepNames: true,
  external: Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d)).flatMap((d) => [d, `${d}/*`]),
  // Commander is CommonJS: its require('node:…') calls need a real require in ESM output.
  banner: { js: "import { createRequire as __eclubRequire } from 'node:module'; const require = __eclubRequire(import.meta.url);" },
  plugins: [lazyChildProcess()],
  logLevel: 'warning',
});

/** Commander loads node:child_process at start only to spawn executable subcommands, which
 *  eclub has none of; load it when first used instead (~3 ms of every start). */
function lazyChildProcess() {
  return {
    name: 'lazy-child-process',
    setup(b) {
      b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
        args.importer.includes('/node_modules/commander/') ? { path: 'lazy-child-process', namespace: 'eclub' } : undefined,
      );
      b.onLoad({ filter: /.*/, namespace: 'eclub' }, () => ({
        contents: "module.exports = { spawn: (...a) => require('node:child_process').spawn(...a) };",
        loader: 'js',
      }));
    },
  };
}
