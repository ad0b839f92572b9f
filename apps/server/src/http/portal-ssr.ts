import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Request, Response } from 'express';
import { parse as parseCookie } from 'cookie';
import { TRPCError } from '@trpc/server';
import { appRouter, DomainError, type Services } from '@plenary/contracts';
import type { Runtime } from '../core/runtime';
import { createContext } from './context';
import type { PageHandler } from './static-apps';

type Locale = 'ko' | 'en';
type Caller = ReturnType<typeof appRouter.createCaller>;

/** The public queries the portal's pages are rendered from: the tRPC procedures themselves, called in process. */
export interface PortalReadApi {
  portal: {
    events: { query(): ReturnType<Caller['portal']['events']> };
    event: { query(input: Parameters<Caller['portal']['event']>[0]): ReturnType<Caller['portal']['event']> };
  };
  portalRegistration: {
    form: {
      query(input: Parameters<Caller['portalRegistration']['form']>[0]): ReturnType<Caller['portalRegistration']['form']>;
    };
  };
}

/** Vite's build manifest of the portal: each chunk's file, its CSS and the chunks it imports. */
type PortalManifest = Record<string, { file: string; css?: string[]; imports?: string[] } | undefined>;

/** What apps/portal/src/entry-server.ts exports (built to apps/portal/dist-ssr/entry-server.js). */
export interface PortalRenderer {
  render(request: {
    url: string;
    locale: Locale;
    origin: string;
    api: PortalReadApi;
    shell: string;
    manifest: PortalManifest;
  }): Promise<{ status: number; html: string } | null>;
}

/** The portal's language cookie (set by the portal when the visitor picks a language). */
export const LOCALE_COOKIE = 'plenary-locale';

/** ?lang= (the address hreflang links use), else the visitor's choice, else the browser's languages. */
export function requestLocale(req: Request): Locale {
  const asked = req.query.lang;
  if (asked === 'ko' || asked === 'en') return asked;
  const chosen = parseCookie(req.headers.cookie ?? '')[LOCALE_COOKIE];
  if (chosen === 'ko' || chosen === 'en') return chosen;
  return req.acceptsLanguages('ko', 'en') === 'ko' ? 'ko' : 'en';
}

/** A procedure's error as the renderer reads it: the message and the domain code the browser's client would see. */
function relayError(err: unknown): never {
  const cause = err instanceof TRPCError ? err.cause : err;
  const domainCode =
    cause instanceof DomainError ? cause.code : err instanceof TRPCError && err.code === 'NOT_FOUND' ? 'NOT_FOUND' : 'INTERNAL';
  throw Object.assign(new Error(err instanceof Error ? err.message : String(err)), { domainCode });
}

function readApi(caller: Caller): PortalReadApi {
  return {
    portal: {
      events: { query: () => caller.portal.events().catch(relayError) },
      event: { query: (input) => caller.portal.event(input).catch(relayError) },
    },
    portalRegistration: { form: { query: (input) => caller.portalRegistration.form(input).catch(relayError) } },
  };
}

/**
 * Renders the portal's public pages on the server when its server build is there
 * (`pnpm build`); without it the portal is served as the browser-rendered app.
 * The renderer is loaded when the server starts.
 */
export function portalPages(runtime: Runtime, services: Services, portalDir: string): PageHandler | undefined {
  const entry = join(portalDir, 'dist-ssr', 'entry-server.js');
  const manifestFile = join(portalDir, 'dist', '.vite', 'manifest.json');
  if (!existsSync(entry) || !existsSync(manifestFile)) return undefined;
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as PortalManifest;
  // Loaded at start (the bundle takes a few seconds to load cold), not on the first visit.
  const renderer = import(pathToFileURL(entry).href) as Promise<PortalRenderer>;
  void renderer.catch((err: unknown) => runtime.logger.error({ err }, 'the portal server renderer could not be loaded'));

  return async (req: Request, res: Response, shell: string) => {
    const context = await createContext(runtime, services, req, res);
    const locale = requestLocale(req);
    const page = await (
      await renderer
    ).render({
      url: req.originalUrl,
      locale,
      origin: runtime.config.publicUrl.replace(/\/$/, ''),
      api: readApi(appRouter.createCaller(context)),
      shell,
      manifest,
    });
    if (!page) return false;
    res.status(page.status);
    res.setHeader('Vary', 'Accept-Encoding, Accept-Language, Cookie');
    res.setHeader('Content-Language', locale);
    res.type('html').send(page.html);
    return true;
  };
}
