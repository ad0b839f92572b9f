import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spaRoutes } from './static-apps';

let dir: string;
let server: Server;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'plenary-spa-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>admin</title>');
  writeFileSync(join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'assets', 'app-abc123.js.map'), '{"sources":["src/secret-logic.ts"]}');
  const app = express();
  const routes = spaRoutes('/admin', dir);
  if (routes) app.use(routes);
  app.use((_req, res) => void res.status(404).json({ error: { code: 'NOT_FOUND' } }));
  server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the built apps', () => {
  it('serve assets and deep links, but never a source map', async () => {
    expect((await fetch(`${base}/admin/assets/app-abc123.js`)).status).toBe(200);
    expect(await (await fetch(`${base}/admin/events/1`)).text()).toContain('<title>admin</title>');
    const map = await fetch(`${base}/admin/assets/app-abc123.js.map`);
    expect([map.status, await map.json()]).toEqual([404, { error: { code: 'NOT_FOUND' } }]);
  });
});
