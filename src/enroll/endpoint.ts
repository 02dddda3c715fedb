// Which endpoints eclub will send a password or token to: pure.
import { parseIpv4, isLoopback } from '../checks/ipv4.js';

export type EndpointCheck = 'ok' | 'malformed' | 'insecure';

export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h === '::1') return true;
  const n = parseIpv4(h);
  return n !== null && isLoopback(n);
}

/** https:// anywhere; http:// only to 127.0.0.0/8, ::1 and localhost (the simulator). */
export function checkEndpoint(text: string): EndpointCheck {
  let url: URL;
  try {
    url = new URL(text);
  } catch (err) {
    if (err instanceof TypeError) return 'malformed';
    throw err;
  }
  if (url.username || url.password || url.search || url.hash) return 'malformed';
  if (url.protocol === 'https:') return 'ok';
  if (url.protocol === 'http:') return isLoopbackHost(url.hostname) ? 'ok' : 'insecure';
  return 'malformed';
}
