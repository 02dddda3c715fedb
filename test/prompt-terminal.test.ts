import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalPrompter } from '../src/ui/prompt.js';
import { en, ko } from '../src/ui/i18n.js';

// The terminal prompter over a fake terminal: the prompt library's own words (the
// answer shown, key help) must follow the user's language, not stay English.
function fakeTerminal() {
  const stdin = new PassThrough();
  const stderr = new PassThrough();
  let text = '';
  stderr.on('data', (b: Buffer) => (text += b.toString()));
  return { stdin, stderr, text: () => text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '') };
}

describe('terminalPrompter', () => {
  it.each([
    ['en', en, 'yes', 'no'],
    ['ko', ko, '예', '아니요'],
  ] as const)('shows a confirm answer in %s', async (_lang, t, yes, no) => {
    for (const [key, answer, shown] of [['y', true, yes], ['n', false, no]] as const) {
      const term = fakeTerminal();
      const asked = terminalPrompter(term, t).confirm({ message: 'done?', flag: '--yes' });
      setTimeout(() => term.stdin.write(`${key}\n`), 20);
      expect(await asked).toBe(answer);
      expect(term.text()).toContain(`done? ${shown}`);
    }
  });

  it.each([
    ['en', en, ['move', 'select', 'done']],
    ['ko', ko, ['이동', '선택', '완료']],
  ] as const)('writes the key help of a list in %s', async (lang, t, words) => {
    const term = fakeTerminal();
    const asked = terminalPrompter(term, t).checkbox({
      message: 'devices',
      flag: '--device',
      choices: [{ value: 'a', name: 'DCQ12345', checked: true }],
    });
    setTimeout(() => term.stdin.write('\n'), 20);
    expect(await asked).toEqual(['a']);
    for (const w of words) expect(term.text()).toContain(w);
    if (lang === 'ko') expect(term.text()).not.toMatch(/navigate|submit/);
  });
});
