// The one place eclub speaks HTTP (axios, loaded when a command needs it). Everything
// above sees a Transport: a request in, a status or a transport failure out, no throws
// for either, so tests can put a real loopback server or anything else behind it.
import { rootCertificates } from 'node:tls';

export interface FilePart {
  field: string;
  name: string;
  type: string;
  bytes: Uint8Array;
}

export type ApiBody = { json: unknown } | { file: FilePart };

export interface HttpRequest {
  method: 'GET' | 'POST';
  /** Path below the endpoint, like /v1/enrollments. */
  path: string;
  headers: Record<string, string>;
  body?: ApiBody;
}

export type HttpResult =
  | { ok: true; status: number; headers: Record<string, string | undefined>; data: unknown }
  | { ok: false; code: string; message: string };

export interface Transport {
  send(req: HttpRequest): Promise<HttpResult>;
}

export interface TransportOptions {
  endpoint: string;
  /** PEM text of private roots, added to Node's defaults (verification stays on). */
  ca?: string | undefined;
  timeoutMs: number;
}

export async function createAxiosTransport(o: TransportOptions): Promise<Transport> {
  const { default: axios, isAxiosError } = await import('axios');
  const https = await import('node:https');
  const ca = o.ca ? [...rootCertificates, o.ca] : undefined;
  const client = axios.create({
    baseURL: o.endpoint.replace(/\/+$/, ''),
    timeout: o.timeoutMs,
    // A redirect could carry the token somewhere else; e-Club never redirects.
    maxRedirects: 0,
    proxy: false,
    validateStatus: () => true,
    transitional: { clarifyTimeoutError: true, silentJSONParsing: true, forcedJSONParsing: true },
    httpsAgent: new https.Agent({ rejectUnauthorized: true, ...(ca ? { ca } : {}) }),
  });
  return {
    async send(req) {
      let data: unknown;
      const headers: Record<string, string> = { Accept: 'application/json', ...req.headers };
      if (req.body && 'json' in req.body) {
        data = req.body.json;
        headers['Content-Type'] = 'application/json';
      } else if (req.body && 'file' in req.body) {
        const f = req.body.file;
        const form = new FormData();
        form.append(f.field, new Blob([f.bytes], { type: f.type }), f.name);
        data = form;
      }
      try {
        const res = await client.request({ method: req.method, url: req.path, headers, data });
        const out: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(res.headers)) out[k.toLowerCase()] = v === undefined ? undefined : String(v);
        return { ok: true, status: res.status, headers: out, data: res.data as unknown };
      } catch (err) {
        if (!isAxiosError(err)) throw err;
        const cause = err.cause as NodeJS.ErrnoException | undefined;
        return { ok: false, code: cause?.code ?? err.code ?? 'ENETWORK', message: err.message };
      }
    },
  };
}
