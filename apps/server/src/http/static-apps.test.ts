import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { get, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type TestHarness } from '../testing/harness';
import { startTestServer, type TestServer } from '../testing/http';
import { spaRoutes } from './static-apps';

/**
 * What a phone receives: built assets as the build compressed them (brotli, else gzip),
 * with Content-Encoding and Vary, and API answers compressed above 1 KB. Node's
 * http.get is used, not fetch: fetch decodes bodies and hides what was on the wire.
 */

function raw(url: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    },
  );
}

const script = `export const greeting = ${JSON.stringify('안녕하세요 '.repeat(400))};\n`;
let dist: string;
let assetServer: Server;
let assetsUrl: string;

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'plenary-static-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><html lang="ko"><body><div id="app"></div></body></html>');
  writeFileSync(join(dist, 'assets', 'index-abc123.js'), script);
  writeFileSync(join(dist, 'assets', 'index-abc123.js.br'), brotliCompressSync(script));
  writeFileSync(join(dist, 'assets', 'index-abc123.js.gz'), gzipSync(script));
  const app = express();
  const routes = spaRoutes('/', dist);
  if (!routes) throw new Error('spaRoutes found no index.html');
  app.use(routes);
  assetServer = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  assetsUrl = `http://127.0.0.1:${(assetServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => assetServer.close(() => resolve()));
  rmSync(dist, { recursive: true, force: true });
});

describe('built assets', () => {
  it('are sent brotli-compressed as built, with Vary and a year of caching, to a browser that takes br', async () => {
    const res = await raw(`${assetsUrl}/assets/index-abc123.js`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers.vary).toBe('Accept-Encoding');
    expect(res.headers['content-type']).toBe('text/javascript; charset=UTF-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.body.equals(brotliCompressSync(script))).toBe(true);
    expect(brotliDecompressSync(res.body).toString()).toBe(script);
  });

  it('are sent gzip-compressed to a browser without brotli, and as is to one that takes neither', async () => {
    const gz = await raw(`${assetsUrl}/assets/index-abc123.js`, { 'accept-encoding': 'gzip' });
    expect([gz.headers['content-encoding'], gz.headers.vary]).toEqual(['gzip', 'Accept-Encoding']);
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await raw(`${assetsUrl}/assets/index-abc123.js`, { 'accept-encoding': 'identity' });
    expect([plain.headers['content-encoding'], plain.headers.vary]).toEqual([undefined, 'Accept-Encoding']);
    expect(plain.body.toString()).toBe(script);
  });

  it('fall back to the app shell for a deep link, never cached', async () => {
    const res = await raw(`${assetsUrl}/events/tci-2015`);
    expect([res.status, res.headers['cache-control']]).toEqual([200, 'no-cache']);
    expect(res.body.toString()).toContain('<div id="app"></div>');
  });
});

describe('API answers', () => {
  let h: TestHarness;
  let server: TestServer;
  beforeAll(async () => {
    h = await createHarness();
    server = await startTestServer(h);
  });
  afterAll(async () => {
    await server.close();
    await h.close();
  });

  it('are compressed above 1 KB, as the browser asks, with Vary', async () => {
    const res = await raw(`${server.url}/api/v1/openapi.json`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(String(res.headers.vary)).toContain('Accept-Encoding');
    const text = brotliDecompressSync(res.body).toString();
    expect((JSON.parse(text) as { openapi: string }).openapi).toBe('3.1.0');
    expect(res.body.length).toBeLessThan(text.length / 4);

    const gz = await raw(`${server.url}/api/v1/openapi.json`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(text);
  });

  it('are sent as is below 1 KB', async () => {
    const res = await raw(`${server.url}/healthz`, { 'accept-encoding': 'br' });
    expect([res.status, res.headers['content-encoding']]).toEqual([200, undefined]);
    expect(JSON.parse(res.body.toString())).toEqual({ status: 'ok' });
  });
});
