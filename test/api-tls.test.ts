// TLS verification stays on: a self-signed server is refused until --ca-file trusts it.
import { afterEach, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { runCli } from './helpers/cli.js';
import { PARTNER, PASSWORD } from './helpers/api.js';
import { startApiServer, type ApiServer } from '../src/sim/api-server.js';

/** A certificate for 127.0.0.1 signed by itself; node makes the key, forge the certificate. */
function selfSigned(): { key: string; cert: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date(Date.now() - 3600_000);
  cert.validity.notAfter = new Date(Date.now() + 24 * 3600_000);
  const name = [{ name: 'commonName', value: 'eclub test e-Club API' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true },
    { name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(key), forge.md.sha256.create());
  return { key, cert: forge.pki.certificateToPem(cert) };
}

let server: ApiServer | undefined;
let dir: string | undefined;
afterEach(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  server = undefined;
  dir = undefined;
});

describe('TLS', () => {
  it('refuses an untrusted certificate (exit 7, advice names --ca-file); --ca-file makes it work', async () => {
    const tls = selfSigned();
    server = await startApiServer({ tls, autoApproveMs: null });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    dir = mkdtempSync(join(tmpdir(), 'eclub-tls-'));
    const pw = join(dir, 'pw');
    const ca = join(dir, 'ca.pem');
    writeFileSync(pw, PASSWORD);
    writeFileSync(ca, tls.cert);
    const env = { ECLUB_HOME: dir, ECLUB_ENDPOINT: server.url, ECLUB_RETRY_BASE_MS: '10' };
    const refused = await runCli(['login', '--partner-id', PARTNER, '--password-file', pw], { env });
    expect(refused.code).toBe(7);
    expect(refused.stderr).toContain('--ca-file');
    const trusted = await runCli(['login', '--partner-id', PARTNER, '--password-file', pw, '--ca-file', ca], { env });
    expect(trusted.code).toBe(0);
    const notPem = await runCli(['login', '--partner-id', PARTNER, '--password-file', pw, '--ca-file', pw], { env });
    expect(notPem.code).toBe(2);
    expect(notPem.stderr).toContain('--ca-file');
  });
});
