import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

describe('eclub demo', () => {
  it('runs setup on simulated devices in a throwaway home and says every step behaved', async () => {
    const r = await runCli(['demo'], { env: { ECLUB_HOME: '/nonexistent/should-not-be-used' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('$ eclub --lang en --no-input setup 127.0.0.1:');
    expect(r.stdout).toContain('gateway 11.22.22.55 is outside');
    expect(r.stdout).toMatch(/DCQ12345\s+iR C2550i\s+IRC2550I/);
    expect(r.stdout).toContain("most likely cause: the device's gateway setting");
    expect(r.stdout).toContain('no cause found: every check passed');
    expect(r.stdout).toContain('accepted by e-Club: enrollment E-2026-000001');
    expect(r.stdout).toContain('device DCQ12345: active (enrollment E-2026-000001)');
    // The demo password reaches the server through a file, never the screen.
    expect(r.stdout + r.stderr).not.toContain('eclub-demo-2026');
    expect(r.stderr).toContain('Demo finished: every step behaved as expected.');
  });

  it('speaks Korean with --lang ko', async () => {
    const r = await runCli(['--lang', 'ko', 'demo']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('게이트웨이 11.22.22.55이(가) 기기의 서브넷 10.1.2.0/24 밖에 있습니다');
    expect(r.stderr).toContain('데모 완료');
  });

  it('prints exactly one JSON object with --json: every step, its exit code and its own JSON', async () => {
    const r = await runCli(['--json', 'demo']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; steps: { command: string; exitCode: number; expected: number[]; output: any }[] };
    expect(out.ok).toBe(true);
    const named = (cmd: string) => out.steps.filter((s) => s.command.split(' ')[4] === cmd);
    expect(named('setup')).toHaveLength(3);
    expect(named('setup')[2]).toMatchObject({ exitCode: 1, expected: [1], output: { device: { gateway: '11.22.22.55' } } });
    expect(named('enroll')[0]!.output.outcome).toMatchObject({ state: 'accepted', response: { id: 'E-2026-000001' } });
    expect(named('status')[0]).toMatchObject({ exitCode: 0, output: { kind: 'device' } });
    for (const s of out.steps) expect(s.expected).toContain(s.exitCode);
    expect(r.stdout).not.toContain('eclub-demo-2026');
  });
});
