import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useHostMiddleware } from '../app';
import { parseEnv } from '../env';
import { createHarness, type TestHarness } from '../testing/harness';
import { startTestServer, type TestServer } from '../testing/http';

let h: TestHarness;
let server: TestServer;
let behindProxy: TestServer;

beforeAll(async () => {
  h = await createHarness();
  server = await startTestServer(h);
  behindProxy = await startTestServer(h, {
    trustProxy: parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY,
    hstsMaxAge: 600,
  });
});
afterAll(async () => {
  await server.close();
  await behindProxy.close();
  await h.close();
});

/** A bare app with the host middleware, a route that shows the request's IP and a captured log. */
async function hostApp(trustProxy: unknown) {
  const lines: Array<{ req?: { url?: string } }> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const line of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(line) as never);
      done();
    },
  });
  const app = express();
  app.set('trust proxy', trustProxy);
  useHostMiddleware(app, { logger: pino({ level: 'info' }, sink) });
  app.use((req, res) => void res.json({ ip: req.ip }));
  const listening = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = listening.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lines,
    close: () => new Promise<void>((r) => listening.close(() => r())),
  };
}

describe('TRUST_PROXY', () => {
  it('takes a hop count or proxy addresses, and refuses true (every hop)', () => {
    expect(parseEnv({}).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(parseEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(parseEnv({ TRUST_PROXY: '10.0.0.5, 192.168.0.0/16,loopback' }).TRUST_PROXY).toEqual([
      '10.0.0.5',
      '192.168.0.0/16',
      'loopback',
    ]);
    expect(() => parseEnv({ TRUST_PROXY: 'true' })).toThrow(
      /TRUST_PROXY: TRUST_PROXY=true would believe a client/,
    );
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.5,proxy.example' })).toThrow(
      /not understood: proxy\.example/,
    );
    expect(() => parseEnv({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/not understood: 10\.0\.0\.0\/33/);
  });

  it('with one proxy, the IP is the one the proxy saw, not what the client wrote in X-Forwarded-For', async () => {
    const app = await hostApp(parseEnv({ TRUST_PROXY: '1' }).TRUST_PROXY);
    try {
      // The client forged 6.6.6.6; the proxy (127.0.0.1) appended the address it saw, 203.0.113.7.
      const res = await fetch(app.url, { headers: { 'x-forwarded-for': '6.6.6.6, 203.0.113.7' } });
      expect(await res.json()).toEqual({ ip: '203.0.113.7' });
    } finally {
      await app.close();
    }
  });
});

describe('HSTS', () => {
  it('is sent on https requests (through a trusted proxy) with the configured max-age, never over http', async () => {
    const https = await fetch(`${behindProxy.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers.get('strict-transport-security')).toBe('max-age=600');
    const http = await fetch(`${behindProxy.url}/healthz`);
    expect(http.headers.get('strict-transport-security')).toBe(null);
    // Without a trusted proxy, a client's X-Forwarded-Proto is not believed.
    const direct = await fetch(`${server.url}/healthz`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(direct.headers.get('strict-transport-security')).toBe(null);
    expect(parseEnv({}).HSTS_MAX_AGE).toBe(15_552_000);
  });
});

describe('the access log', () => {
  it('does not write the secret of a participant, delegation, reset or invitation link', async () => {
    const app = await hostApp(false);
    try {
      const input = encodeURIComponent(JSON.stringify({ token: 'tok-in-input', eventId: 'e1' }));
      for (const path of [
        '/r/secret-registration-link',
        '/d/secret-delegation-link?lang=ko',
        '/admin/reset-password?token=secret-reset',
        '/admin/invitation?token=secret-invite&x=1',
        `/trpc/portal.myRegistration?input=${input}`,
        '/events/tci-2015',
      ])
        await (await fetch(app.url + path)).text();
      await new Promise((r) => setTimeout(r, 50));
      expect(app.lines.map((l) => l.req?.url)).toEqual([
        '/r/[redacted]',
        '/d/[redacted]?lang=ko',
        '/admin/reset-password?token=%5Bredacted%5D',
        '/admin/invitation?token=%5Bredacted%5D&x=1',
        `/trpc/portal.myRegistration?input=${encodeURIComponent(JSON.stringify({ token: '[redacted]', eventId: 'e1' })).replace(/%20/g, '+')}`,
        '/events/tci-2015',
      ]);
      expect(JSON.stringify(app.lines)).not.toMatch(/secret-|tok-in-input/);
    } finally {
      await app.close();
    }
  });
});

describe('refusals of malformed requests', () => {
  it('answers 400, not 500, to a body nested 5,000 deep', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    const rest = await fetch(`${server.url}/api/v1/events/tci-2015/registrations`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer plk_unknown' },
      body: deep,
    });
    expect([rest.status, await rest.json()]).toEqual([
      400,
      {
        error: { code: 'INVALID_INPUT', message: 'The request body nests deeper than 32 levels', fields: {} },
      },
    ]);
    const trpc = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: deep,
    });
    expect(trpc.status).toBe(400);
  });

  it('refuses deep input on /trpc before any procedure sees it: a body, a batch, and a query string', async () => {
    const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);
    const refused = {
      status: 400,
      domainCode: 'INVALID_INPUT',
      message: 'The request input nests deeper than 32 levels',
    };
    const seen = async (res: Response) => {
      const body = (await res.json()) as { error: { message: string; data: { domainCode: string } } };
      return { status: res.status, domainCode: body.error.data.domainCode, message: body.error.message };
    };
    const post = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email":${nested(40)},"password":"x"}`,
    });
    expect(await seen(post)).toEqual(refused);
    const batch = await fetch(`${server.url}/trpc/auth.login?batch=1`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"0":{"email":${nested(40)}}}`,
    });
    expect(batch.status).toBe(400);
    const query = await fetch(
      `${server.url}/trpc/portal.event?input=${encodeURIComponent(`{"q":${nested(2000)}}`)}`,
    );
    expect(await seen(query)).toEqual(refused);
    // Input within the limit still reaches the procedure (and its own checks).
    const shallow = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"email":${nested(5)},"password":"x"}`,
    });
    expect((await seen(shallow)).message).not.toBe(refused.message);
  });

  it('gives 415 and 405 their own codes rather than INTERNAL', async () => {
    const media = await fetch(`${server.url}/trpc/auth.login`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    const mediaBody = (await media.json()) as { error: { message: string; data: { domainCode: string } } };
    expect([media.status, mediaBody.error.data.domainCode, mediaBody.error.message]).toEqual([
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Send the body as application/json',
    ]);
    const method = await fetch(`${server.url}/trpc/auth.login`);
    const methodBody = (await method.json()) as { error: { message: string; data: { domainCode: string } } };
    expect([method.status, methodBody.error.data.domainCode, methodBody.error.message]).toEqual([
      405,
      'METHOD_NOT_ALLOWED',
      'This method is not allowed here',
    ]);
  });
});
