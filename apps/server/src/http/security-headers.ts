import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import helmet, { type HelmetOptions } from 'helmet';

/** The security headers' policy: CSP and helmet's defaults, HSTS left to the proxy that terminates TLS. */
export const helmetOptions: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: true,
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      // The registration form's proof of work (ALTCHA) solves in web workers it
      // creates from blob: URLs of its own bundled code.
      'worker-src': ["'self'", 'blob:'],
      // PrimeVue writes its theme into <style> elements at run time.
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': null,
    },
  },
  strictTransportSecurity: false,
};

/**
 * The headers helmet would set, computed once at start-up: none of them depends on
 * the request (no CSP nonce), and helmet builds and validates its policy strings on
 * every request, which the benchmark showed on the hot path. The test beside this
 * file compares the result with helmet's own, header by header.
 */
export function precomputedHeaders(options: HelmetOptions = helmetOptions): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const removed: string[] = [];
  const res = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers.push([name, String(value)]);
      return res;
    },
    removeHeader(name: string) {
      removed.push(name.toLowerCase());
    },
  };
  let done = false;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, () => {
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be precomputed');
  return headers.filter(([name]) => !removed.includes(name.toLowerCase()));
}

/** Sets the precomputed security headers on every response. */
export function securityHeaders(options: HelmetOptions = helmetOptions): RequestHandler {
  const headers = precomputedHeaders(options);
  return (_req, res, next) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    next();
  };
}
