import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCaPem } from '../src/diagnose/options.js';
import { runCli, tempHome } from './helpers/cli.js';
import { makeCaPem } from './helpers/pem.js';

describe('parseCaPem', () => {
  let pem: string;
  beforeAll(() => {
    pem = makeCaPem();
  });
  it('returns every certificate in the file', () => {
    expect(parseCaPem('ca.pem', `${pem}\n${pem}`)).toHaveLength(2);
  });
  const bad: Array<[string, () => string]> = [
    ['empty', () => ''],
    ['not PEM', () => 'hello'],
    ['a broken body', () => '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'],
  ];
  it.each(bad)('rejects %s with exit 2 naming --ca-file', (_n, text) => {
    expect(() => parseCaPem('ca.pem', text())).toThrow(/--ca-file ca\.pem/);
  });
});

describe('eclub diagnose: bad input is exit 2 naming the option, before any probe', () => {
  const home = tempHome();
  let caBad: string;
  beforeAll(() => {
    caBad = join(home.dir, 'bad.pem');
    writeFileSync(caBad, 'not a certificate\n');
  });
  afterAll(() => home.cleanup());
  const dns = ['--dns', '127.0.0.1:5353'];
  const cases: Array<[string, string[], Record<string, string>, string]> = [
    ['a URL that is not http(s)', ['127.0.0.1', ...dns, '--rgw', 'ftp://x/y'], {}, '--rgw'],
    ['a URL that is not a URL', ['127.0.0.1', ...dns, '--rgw', 'a01 ugwdevice'], {}, '--rgw'],
    ['a bad port', ['127.0.0.1', ...dns, '--rgw-port', '99999'], {}, '--rgw-port'],
    ['a bad DNS list', ['127.0.0.1', '--dns', '1.2.3'], {}, '--dns'],
    ['a bad fallback DNS', ['127.0.0.1', ...dns, '--fallback-dns', 'kt'], {}, '--fallback-dns'],
    ['a malformed CA file', ['127.0.0.1', ...dns, '--ca-file', 'BAD'], {}, '--ca-file'],
    ['a missing CA file', ['127.0.0.1', ...dns, '--ca-file', '/nonexistent/ca.pem'], {}, '--ca-file'],
    ['a SOCKS proxy', ['127.0.0.1', ...dns, '--proxy', 'socks5://10.0.0.1:1080'], {}, '--proxy'],
    ['a malformed HTTPS_PROXY', ['127.0.0.1', ...dns], { HTTPS_PROXY: 'proxy:8080' }, 'HTTPS_PROXY'],
    ['a bad --comtest', ['127.0.0.1', ...dns, '--comtest', 'maybe'], {}, '--comtest'],
    ['a bad --gateway-ping', ['127.0.0.1', ...dns, '--gateway-ping', 'gw'], {}, '--gateway-ping'],
    ['no device named', [...dns], {}, '--serial'],
    ['no DNS and nobody to ask', ['127.0.0.1'], {}, '--dns'],
    ['an unknown serial', ['--serial', 'XXX00000', ...dns], {}, 'XXX00000'],
    ['nothing saved to resume', ['--resume', 'XXX00000', ...dns], {}, 'XXX00000'],
  ];
  it.each(cases)('%s', async (_n, args, env, named) => {
    const argv = args.map((a) => (a === 'BAD' ? caBad : a));
    const r = await runCli(['diagnose', '--no-input', ...argv], { env: { ECLUB_HOME: home.dir, ...env } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(named);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout).toBe('');
  });

  it('says it in Korean too', async () => {
    const r = await runCli(['--lang', 'ko', 'diagnose', '127.0.0.1', '--dns', '1.2.3'], { env: { ECLUB_HOME: home.dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--dns 값 "1.2.3"이(가) 올바르지 않습니다');
  });

  it('never echoes a proxy password', async () => {
    const r = await runCli(['diagnose', '127.0.0.1', ...dns, '--proxy', 'ftp://user:hunter22@p:1'], { env: { ECLUB_HOME: home.dir } });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('hunter22');
  });
});
