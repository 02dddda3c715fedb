// bin/eclub.js runs the esbuild bundle (dist/bundle/), the tests mostly run src/ in-process:
// the bundle must say exactly what the program says, in both languages, errors included.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli, tempHome } from './helpers/cli.js';

const home = tempHome();
afterAll(() => home.cleanup());

describe('the start-up bundle behind bin/eclub.js', () => {
  it.each([
    ['help, English', ['--help'], 'en'],
    ['help, Korean', ['--help'], 'ko'],
    ['a command help, Korean', ['setup', '--help'], 'ko'],
    ['a lazily loaded command help, English', ['simulate', '--help'], 'en'],
    ['a usage error as JSON (the error type survives bundling)', ['enroll', '--json', '--no-input'], 'en'],
    ['an invalid option, Korean', ['devices', '--bogus'], 'ko'],
  ])('%s: same output and exit code as the program', async (_name, argv, lang) => {
    const env = { ECLUB_LANG: lang, ECLUB_HOME: home.dir };
    const [bundled, program] = await Promise.all([spawnCli(argv, { env }), runCli(argv, { env })]);
    expect(program.stdout + program.stderr).not.toBe('');
    expect(bundled).toEqual(program);
  });

  it('reports the error class name as the JSON type', async () => {
    const r = await spawnCli(['enroll', '--json', '--no-input'], { env: { ECLUB_HOME: home.dir } });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).error.type).toBe('MissingFieldsError');
  });
});
