import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempHome } from './helpers/cli.js';
import { loadRecordFile } from '../src/store/records.js';
import { EclubError } from '../src/errors.js';
import { en } from '../src/ui/i18n.js';

const homes: Array<() => void> = [];
afterEach(() => homes.splice(0).forEach((f) => f()));
function home() {
  const h = tempHome();
  homes.push(h.cleanup);
  return h.dir;
}

// ECLUB_HOME pointing at a file: `devices` crashed with "unexpected error" (exit 1), and
// a record that could not be read was called "not valid eclub data".
describe('a data folder that cannot be used', () => {
  it.each([
    [['devices'], 'devices'],
    [['outbox'], 'outbox'],
    [['config', 'list'], 'config.json'],
  ])('%j: exit 2, names the path and why, in both languages', async (argv, name) => {
    const file = join(home(), 'not-a-folder');
    writeFileSync(file, 'x');
    const e = await runCli(argv, { env: { ECLUB_HOME: file } });
    expect(e.code).toBe(2);
    expect(e.stderr).toContain(`cannot read ${join(file, name)}: a part of the path is not a folder (ENOTDIR)`);
    expect(e.stderr).toContain('it must be a folder you can read and write');
    const k = await runCli(['--lang', 'ko', ...argv], { env: { ECLUB_HOME: file } });
    expect(k.code).toBe(2);
    expect(k.stderr).toContain(`${join(file, name)}을(를) 읽을 수 없습니다: 경로 중간에 폴더가 아닌 것이 있습니다 (ENOTDIR)`);
  });

  it('a damaged JSON file is still called damaged, not unreadable', async () => {
    const dir = home();
    writeFileSync(join(dir, 'config.json'), '{bad');
    const r = await runCli(['config', 'list'], { env: { ECLUB_HOME: dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'config.json')} is not valid eclub data`);
    // `config set` cannot repair a file it cannot read: the advice must not send the user there first.
    expect(r.stderr).toContain(`repair ${join(dir, 'config.json')} in a text editor`);
    expect(r.stderr).not.toMatch(/fix: fix them with eclub config set/);
    for (const argv of [['config', 'set', 'lang', 'ko'], ['--lang', 'ko', 'config', 'unset', 'lang']]) {
      const again = await runCli(argv, { env: { ECLUB_HOME: dir } });
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/in a text editor|텍스트 편집기로/);
    }
  });

  it.each([
    ['a folder where the record should be', (p: string) => mkdirSync(p), 'cannot read', 'it is a folder, not a file (EISDIR)'],
    ['damaged JSON', (p: string) => writeFileSync(p, '{'), 'is not valid eclub data', null],
  ])('loadRecordFile: %s', async (_what, make, text, why) => {
    const path = join(home(), 'DCQ12345.json');
    make(path);
    const err = await loadRecordFile(path, (v): v is object => true).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(EclubError);
    const message = (err as EclubError).render(en);
    expect(message).toContain(text);
    if (why) expect(message).toContain(why);
    expect((err as EclubError).exitCode).toBe(2);
  });
});
