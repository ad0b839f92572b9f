import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createApp } from '../app';
import type { TestHarness } from './harness';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

/** The real Express app on an ephemeral loopback port, over the harness's database. */
export async function startTestServer(h: Pick<TestHarness, 'runtime' | 'services'>): Promise<TestServer> {
  const app = createApp({ runtime: h.runtime, services: h.services, trustProxy: false, serveApps: false });
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A minimal browser: keeps the session cookie and sends the CSRF token it was given. */
export class HttpClient {
  cookie: string | null = null;
  csrf: string | null = null;
  constructor(readonly base: string) {}

  async query(path: string, input?: unknown) {
    const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return this.send('GET', `/trpc/${path}${qs}`);
  }

  async mutate(path: string, input?: unknown, options: { csrf?: boolean } = {}) {
    return this.send(
      'POST',
      `/trpc/${path}`,
      input === undefined ? undefined : JSON.stringify(input),
      options,
    );
  }

  async send(method: string, path: string, body?: string, options: { csrf?: boolean } = {}) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (this.cookie) headers.cookie = this.cookie;
    if (this.csrf && options.csrf !== false) headers['x-plenary-csrf'] = this.csrf;
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? null;
    const text = await res.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return {
      status: res.status,
      headers: res.headers,
      json: json as {
        result?: { data?: unknown };
        error?: { message: string; data: Record<string, unknown> };
      },
    };
  }

  async login(email: string, password: string) {
    const res = await this.mutate('auth.login', { email, password });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.json)}`);
    const me = await this.query('auth.me');
    this.csrf = (me.json.result?.data as { csrfToken: string }).csrfToken;
    return res;
  }
}
