import { describe, expect, it } from 'vitest';
import { parseSnmprec, SnmprecError } from '../src/snmp/snmprec.js';
import { en, ko } from '../src/ui/i18n.js';
import { ExitCode } from '../src/errors.js';

describe('parseSnmprec', () => {
  it('reads every type and sorts by OID numerically', () => {
    const walk = parseSnmprec(
      [
        '# comment',
        '1.3.6.1.2.1.1.10.0|2|-5',
        '1.3.6.1.2.1.1.9.0|4|text with | a bar',
        '1.3.6.1.2.1.1.2.0|6|1.3.6.1.4.1.1602.4.7',
        '',
        '1.3.6.1.2.1.4.20.1.1.10.0.0.1|64|10.0.0.1',
        '1.3.6.1.2.1.1.3.0|67|123',
        '1.3.6.1.2.1.2.2.1.10.1|65|4294967295',
        '1.3.6.1.2.1.2.2.1.5.1|66|100000000',
        '1.3.6.1.2.1.31.1.1.1.6.1|70|18446744073709551615',
        '1.3.6.1.2.1.2.2.1.6.1|4x|000085BA57A6',
      ].join('\n'),
    );
    expect(walk.map((e) => e.oid)).toEqual([
      '1.3.6.1.2.1.1.2.0',
      '1.3.6.1.2.1.1.3.0',
      '1.3.6.1.2.1.1.9.0',
      '1.3.6.1.2.1.1.10.0',
      '1.3.6.1.2.1.2.2.1.5.1',
      '1.3.6.1.2.1.2.2.1.6.1',
      '1.3.6.1.2.1.2.2.1.10.1',
      '1.3.6.1.2.1.4.20.1.1.10.0.0.1',
      '1.3.6.1.2.1.31.1.1.1.6.1',
    ]);
    const by = new Map(walk.map((e) => [e.oid, e]));
    expect(by.get('1.3.6.1.2.1.1.10.0')).toEqual({ oid: '1.3.6.1.2.1.1.10.0', type: 'Integer', value: -5 });
    expect(by.get('1.3.6.1.2.1.1.9.0')!.value).toEqual(Buffer.from('text with | a bar'));
    expect(by.get('1.3.6.1.2.1.2.2.1.6.1')!.value).toEqual(Buffer.from('000085ba57a6', 'hex'));
    expect(by.get('1.3.6.1.2.1.31.1.1.1.6.1')).toMatchObject({ type: 'Counter64', value: 18446744073709551615n });
    expect(by.get('1.3.6.1.2.1.4.20.1.1.10.0.0.1')).toMatchObject({ type: 'IpAddress', value: '10.0.0.1' });
  });

  it.each([
    ['1.3.6.1.2.1.1.1.0 no bars', 1, 'expected OID|TYPE|VALUE'],
    ['x.y|4|a', 1, '"x.y" is not an OID'],
    ['1.3.6.1|99|a', 1, 'unknown type "99"'],
    ['1.3.6.1|2|twelve', 1, '"twelve" is not a valid value of type 2'],
    ['1.3.6.1|4x|abc', 1, 'type 4x'],
    ['1.3.6.1|64|300.1.1.1', 1, 'type 64'],
    ['1.3.6.1|65|-1', 1, 'type 65'],
    ['# ok\n1.3.6.1|2|1\n1.3.6.1|2|2', 3, 'OID 1.3.6.1 appears twice'],
  ])('%j fails at line %i naming the fault', (text, line, words) => {
    let caught: unknown;
    try {
      parseSnmprec(text, 'walk.snmprec');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SnmprecError);
    const err = caught as SnmprecError;
    expect(err.exitCode).toBe(ExitCode.USAGE);
    expect(err.line).toBe(line);
    expect(err.render(en)).toContain(`walk.snmprec, line ${line}`);
    expect(err.render(en)).toContain(words);
    expect(err.render(ko)).toContain(`${line}번째 줄`);
  });
});
