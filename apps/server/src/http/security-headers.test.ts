import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import express from 'express';
import helmet from 'helmet';
import { helmetOptions, securityHeaders } from './security-headers';

/** The headers a request to an app with this middleware answers with (date and body size left out). */
async function headersOf(middleware: express.RequestHandler): Promise<Record<string, string>> {
  const app = express();
  app.disable('x-powered-by');
  app.use(middleware);
  app.get('/', (_req, res) => void res.send('ok'));
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  try {
    const res = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    await res.text();
    const all = Object.fromEntries(res.headers.entries());
    delete all.date;
    delete all['keep-alive'];
    return all;
  } finally {
    server.close();
  }
}

describe('precomputed security headers', () => {
  it('are exactly the headers helmet sets per request, with the CSP the portal needs', async () => {
    const perRequest = await headersOf(helmet(helmetOptions));
    const precomputed = await headersOf(securityHeaders());
    expect(precomputed).toEqual(perRequest);
    expect(precomputed['content-security-policy']).toBe(
      "default-src 'self';base-uri 'self';font-src 'self' data:;form-action 'self';frame-ancestors 'none';" +
        "img-src 'self' data:;object-src 'none';script-src 'self';script-src-attr 'none';" +
        "style-src 'self' 'unsafe-inline';worker-src 'self' blob:;connect-src 'self'",
    );
    expect(precomputed['strict-transport-security']).toBeUndefined();
    expect(precomputed['x-content-type-options']).toBe('nosniff');
  });
});
