// Bundles src/cli.ts for bin/eclub.js into dist/bundle/: a dozen start-up modules instead of
// ~40 plus commander's CommonJS files, and only the user's language, so `eclub --help` starts fast. Commands' heavy modules stay
// in chunks loaded by their `await import()`; tsc's dist/ stays for tests and benches.
// dist/bundle/ sits two levels under the package root, like src/<area>/ and dist/<area>/, so
// `new URL('../../…', import.meta.url)` finds package.json and fixtures/ from every chunk.
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { build } from 'esbuild';
import ts from 'typescript';

const root = new URL('../', import.meta.url);
const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
// Bundled: the packages every start loads. The rest stay in node_modules, loaded per command.
const BUNDLED = new Set(['commander', 'env-paths']);
const outdir = new URL('dist/bundle/', root).pathname;

await rm(outdir, { recursive: true, force: true });
const result = await build({
  absWorkingDir: root.pathname,
  entryPoints: ['src/cli.ts'],
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  charset: 'utf8',
  external: Object.keys(pkg.dependencies).filter((d) => !BUNDLED.has(d)).flatMap((d) => [d, `${d}/*`]),
  plugins: [bundledBuiltins(), oneLanguagePerModule()],
  logLevel: 'warning',
  write: false,
});
// Errors report `new.target.name` (`--json` shows it as `type`). esbuild renames a class whose
// name clashes (`UsageError2`) or that refers to itself (`class _UsageError`); refuse such a bundle.
const bundled = result.outputFiles.map((f) => f.text).join('\n');
for (const name of errorClassNames(new URL('src/', root))) {
  if (!new RegExp(`\\b${name} = class( extends|\\s*\\{)`).test(bundled)) {
    throw new Error(`error class ${name} is renamed in the bundle; its name must stay ${name}`);
  }
}
await Promise.all(result.outputFiles.map((f) => mkdir(dirname(f.path), { recursive: true }).then(() => writeFile(f.path, f.contents))));

/** The bundled packages' built-ins. Commander is CommonJS: its `require('node:…')` calls would
 *  need a CommonJS loader in the ESM bundle, so they take the built-in from
 *  `process.getBuiltinModule` (Node >= 20.16); node:child_process, used only to spawn executable
 *  subcommands (eclub has none), loads when first used (~3 ms). env-paths imports node:process
 *  as ESM, whose namespace reads every property of `process` and so sets up stdin and
 *  `process.report` at start (~2 ms); it gets the global `process` instead. */
function bundledBuiltins() {
  return {
    name: 'bundled-builtins',
    setup(b) {
      b.onResolve({ filter: /^node:[\w/]+$/ }, (args) => {
        if (args.importer.includes('/node_modules/commander/')) return { path: args.path, namespace: 'builtin-cjs' };
        if (args.importer.includes('/node_modules/env-paths/') && args.path === 'node:process') {
          return { path: args.path, namespace: 'builtin-process' };
        }
        return undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'builtin-cjs' }, (args) => ({
        contents:
          args.path === 'node:child_process'
            ? "module.exports = { spawn: (...a) => process.getBuiltinModule('node:child_process').spawn(...a) };"
            : `module.exports = process.getBuiltinModule(${JSON.stringify(args.path)});`,
        loader: 'js',
      }));
      b.onLoad({ filter: /.*/, namespace: 'builtin-process' }, () => ({ contents: 'export default process;', loader: 'js' }));
    },
  };
}

/** Each src/ui/messages/<area>.ts holds `en` and `ko`; a bundle chunk is made of whole files, so
 *  the English start would carry the Korean text too. messages-en.ts and messages-ko.ts get a copy
 *  of each area without the other language's table (helpers the copy doesn't use are dropped). */
function oneLanguagePerModule() {
  const importers = { 'messages-en.ts': 'ko', 'messages-ko.ts': 'en' };
  return {
    name: 'one-language-per-module',
    setup(b) {
      b.onResolve({ filter: /^\.\/messages\/[\w-]+\.js$/ }, (args) => {
        const drop = importers[args.importer.split('/').pop()];
        if (!drop || !args.importer.includes('/src/ui/')) return undefined;
        return { path: `${args.resolveDir}/${args.path.slice(2, -3)}.ts`, suffix: `?drop=${drop}` };
      });
      b.onLoad({ filter: /\/src\/ui\/messages\/[\w-]+\.ts$/ }, async (args) => {
        const drop = /^\?drop=(en|ko)$/.exec(args.suffix ?? '')?.[1];
        if (!drop) return undefined;
        const text = await readFile(args.path, 'utf8');
        const file = ts.createSourceFile(args.path, text, ts.ScriptTarget.Latest);
        const table = file.statements.find(
          (s) => ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => d.name.getText(file) === drop),
        );
        if (!table) throw new Error(`${args.path}: no top-level \`${drop}\` table to leave out`);
        const contents = text.slice(0, table.getStart(file)) + text.slice(table.end);
        return { contents, loader: 'ts', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** Names of the error classes declared in src/ (`class XxxError`). */
function errorClassNames(dir) {
  const files = readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.ts'));
  return files.flatMap((f) => [...readFileSync(new URL(f, dir), 'utf8').matchAll(/^(?:export )?class (\w+Error)\b/gm)].map((m) => m[1]));
}
