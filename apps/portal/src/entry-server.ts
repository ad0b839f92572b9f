import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';
import { createSSRApp } from 'vue';
import { renderToString } from 'vue/server-renderer';
import { createPinia } from 'pinia';
import { createMemoryHistory } from 'vue-router';
import { TRPCClientError } from '@trpc/client';
import type { Locale } from '@plenary/ui';
import App from './App.vue';
import { setPortalApiSource, type PortalApi, type PortalReadApi } from './api';
import { useEventsStore } from './features/events/use-events-store';
import { useRegistrationStore } from './features/registration/use-registration-store';
import { createPortalI18n } from './i18n';
import type { PortalSsrContext } from './lib/use-page-title';
import { createPortalRouter } from './router';
import { eventSummary, jsonForScript, pageHead } from './ssr/page-head';
import { inlineStyles, shellStyles } from './ssr/inline-styles';
import { preloadLinks, type BuildManifest } from './ssr/preload-links';
import { STATE_ELEMENT_ID, type ServerState } from './ssr/state';

/**
 * The portal's server renderer (built with `vite build --ssr`, loaded by the API
 * server): the public pages (the event list, an event's page, its registration form,
 * and the not-found page) arrive as HTML that shows without JavaScript, with the
 * store state they were rendered from; main.ts hydrates them. The data comes through
 * the same tRPC procedures the browser calls (the server passes a caller).
 */

export interface RenderRequest {
  /** Path and query as requested. */
  url: string;
  locale: Locale;
  /** The site's public address, for canonical and hreflang links. */
  origin: string;
  api: PortalReadApi;
  /** The built index.html. */
  shell: string;
  /** Vite's build manifest of the browser build. */
  manifest: BuildManifest;
}

export interface RenderedPage {
  status: number;
  html: string;
}

/** Pages rendered on the server; the personal-link pages (/r, /d) stay browser-only. */
const SERVER_PAGES = new Set(['events', 'event', 'register', 'not-found']);

const requestApi = new AsyncLocalStorage<PortalApi>();
setPortalApiSource(() => requestApi.getStore() ?? null);

/**
 * The caller rejects with an Error carrying the domain code (NOT_FOUND...); the stores
 * read errors as the browser's tRPC client gives them, so they get that shape here.
 */
function asClientError(err: unknown): Error {
  const domainCode = (err as { domainCode?: unknown } | null)?.domainCode;
  if (typeof domainCode !== 'string') return err instanceof Error ? err : new Error(String(err));
  const message = err instanceof Error ? err.message : domainCode;
  return TRPCClientError.from({ error: { message, code: -32000, data: { domainCode } } });
}

function relay<A extends unknown[], O>(call: (...args: A) => Promise<O>): (...args: A) => Promise<O> {
  return (...args) => call(...args).catch((err: unknown) => Promise.reject(asClientError(err)));
}

function readOnly(api: PortalReadApi): PortalApi {
  const refuse = () => Promise.reject(new Error('The server renders public pages only'));
  return {
    portal: {
      events: { query: relay(() => api.portal.events.query()) },
      event: { query: relay((input) => api.portal.event.query(input)) },
    },
    portalRegistration: {
      form: { query: relay((input) => api.portalRegistration.form.query(input)) },
      altchaChallenge: { query: refuse },
      register: { mutate: refuse },
      resendLink: { mutate: refuse },
      uploadFile: { mutate: refuse },
    },
    files: { uploadAnswer: refuse },
    myRegistration: {
      get: { query: refuse },
      verifyEmail: { mutate: refuse },
      update: { mutate: refuse },
      correctName: { mutate: refuse },
      cancel: { mutate: refuse },
      acceptOffer: { mutate: refuse },
      declineOffer: { mutate: refuse },
    },
    delegations: { mine: { query: refuse }, cancelMember: { mutate: refuse } },
    documents: { myTicket: { query: refuse }, myReceipt: { query: refuse }, myVisaLetter: { query: refuse } },
    visa: { request: { mutate: refuse } },
    accounts: {
      requestCode: { mutate: refuse },
      verifyCode: { mutate: refuse },
      verifyLink: { mutate: refuse },
      fromRegistrationLink: { mutate: refuse },
      session: { query: refuse },
      signOut: { mutate: refuse },
      signOutEverywhere: { mutate: refuse },
    },
    me: {
      events: { query: refuse },
      conference: { query: refuse },
      openRegistration: { mutate: refuse },
      exportData: { query: refuse },
      requestErasure: { mutate: refuse },
    },
    // papers (issue 11): the call panel loads in the browser, after mounting.
    cfp: { openCall: { query: refuse }, confirmAuthorship: { mutate: refuse } },
    mySubmissions: {
      list: { query: refuse },
      get: { query: refuse },
      reviewers: { query: refuse },
      create: { mutate: refuse },
      update: { mutate: refuse },
      uploadPdf: { mutate: refuse },
      submit: { mutate: refuse },
      withdraw: { mutate: refuse },
    },
    myDecisions: {
      get: { query: refuse },
      uploadCameraReady: { mutate: refuse },
      confirmPresenter: { mutate: refuse },
    },
  };
}

/** The rendered page, or null when the path is a browser-only page (the server sends the shell). */
export async function render(request: RenderRequest): Promise<RenderedPage | null> {
  const router = createPortalRouter(createMemoryHistory());
  // resolve() only matches: the personal-link routes' redirects (which store the link's
  // secret) must never run on the server.
  const target = router.resolve(request.url);
  if (typeof target.name !== 'string' || !SERVER_PAGES.has(target.name)) return null;
  return requestApi.run(readOnly(request.api), () => renderPage(request, router));
}

async function renderPage(
  request: RenderRequest,
  router: ReturnType<typeof createPortalRouter>,
): Promise<RenderedPage> {
  const pinia = createPinia();
  const i18n = createPortalI18n(request.locale);
  const app = createSSRApp(App).use(pinia).use(i18n).use(router);
  await router.push(request.url);
  await router.isReady();
  const route = router.currentRoute.value;
  const slug = typeof route.params.slug === 'string' ? route.params.slug : null;

  // Load what the page shows before rendering it (the views' own loads then find it done).
  const events = useEventsStore(pinia);
  const registration = useRegistrationStore(pinia);
  if (route.name === 'events') {
    await events.loadEvents();
    events.markPrerendered('events');
  } else if (slug) {
    await events.loadEvent(slug);
    events.markPrerendered(`event:${slug.trim().toLowerCase()}`);
    const eventId = events.eventState === 'ready' ? events.event?.id : undefined;
    if (eventId && route.name === 'event') {
      await events.loadRegistrationOpen(eventId);
      events.markPrerendered(`open:${eventId}`);
    }
    if (eventId && route.name === 'register') {
      await registration.loadForm(eventId);
      registration.markPrerendered(`form:${eventId}`);
    }
  }

  const context: PortalSsrContext = {};
  const body = await renderToString(app, context);

  const missing = route.name === 'not-found' || (slug !== null && events.eventState === 'not-found');
  const failed = slug !== null && events.eventState === 'error';
  const event = slug !== null && events.eventState === 'ready' ? events.event : null;
  const t = i18n.global.t;
  const description = event ? eventSummary(event, request.locale) : t('app.description');
  const head = pageHead({
    origin: request.origin,
    path: route.path,
    locale: request.locale,
    title: context.title ?? t('app.titleSuffix'),
    description,
    event,
    indexable: !missing && !failed,
  });
  const state: ServerState = { locale: request.locale, pinia: pinia.state.value };
  const html = request.shell
    .replace(/<html lang="[^"]*">/, `<html lang="${request.locale}">`)
    .replace(/\s*<title>[^<]*<\/title>/, '')
    .replace(/\s*<meta name="description"[^>]*>/, '')
    .replace(
      '</head>',
      `  ${head}\n    ${preloadLinks(context.modules ?? [], request.manifest, request.shell)}\n  </head>`,
    )
    .replace(
      '<div id="app"></div>',
      `<div id="app">${body}</div>\n    <script type="application/json" id="${STATE_ELEMENT_ID}">${jsonForScript(state)}</script>`,
    );
  return {
    status: missing ? 404 : failed ? 503 : 200,
    html: inlineStyles(html, shellStyles(request.shell), builtCss),
  };
}

/** The browser build's CSS files, read once (this file is dist-ssr/entry-server.js, beside dist/). */
const cssFiles = new Map<string, string | null>();
function builtCss(file: string): string | null {
  if (!cssFiles.has(file)) {
    let css: string | null;
    try {
      css = readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8');
    } catch {
      css = null;
    }
    cssFiles.set(file, css);
  }
  return cssFiles.get(file) ?? null;
}
