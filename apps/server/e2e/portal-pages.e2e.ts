import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpClient } from '../src/testing/http';
import { startProductionServer, type ProductionServer } from './server';

/**
 * The public portal as a phone or a link preview receives it from the production
 * build: pages rendered on the server (readable without running a script), their head
 * tags, real status codes, data escaped, and assets precompressed.
 */
const ADMIN = { email: 'portal-admin@kicox.example', password: 'e2e-portal-password-2015' };
const HOSTILE = '</script><script>alert(1)</script><img src=x onerror=alert(2)> & "quotes"';
let server: ProductionServer;

async function data<T>(res: Promise<{ status: number; json: { result?: { data?: unknown }; error?: unknown } }>) {
  const r = await res;
  if (r.status !== 200) throw new Error(`${r.status} ${JSON.stringify(r.json.error)}`);
  return r.json.result?.data as T;
}

async function page(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + path, { headers });
  return { status: res.status, html: await res.text(), headers: res.headers };
}

beforeAll(async () => {
  server = await startProductionServer({
    PLENARY_ADMIN_EMAIL: ADMIN.email,
    PLENARY_ADMIN_PASSWORD: ADMIN.password,
    PLENARY_DEMO: 'false',
    PUBLIC_URL: 'https://plenary.example',
  });
  const staff = new HttpClient(server.url);
  await staff.login(ADMIN.email, ADMIN.password);
  const base = { startsAt: '2015-11-03T09:00:00+09:00', endsAt: '2015-11-06T18:00:00+09:00', timeZone: 'Asia/Seoul' };
  const open = await data<{ id: string }>(
    staff.mutate('events.create', {
      ...base,
      slug: 'tci-2015',
      title: { ko: '제18차 세계 클러스터 경쟁력 총회', en: '18th TCI Global Conference' },
      subtitle: { ko: '창조경제와 클러스터', en: 'Creative Economy and Clusters' },
    }),
  );
  const hostile = await data<{ id: string }>(
    staff.mutate('events.create', {
      ...base,
      slug: 'hostile',
      title: { ko: '"><script>alert(3)</script>', en: '"><script>alert(3)</script>' },
      description: { ko: HOSTILE, en: HOSTILE },
    }),
  );
  const closed = await data<{ id: string }>(
    staff.mutate('events.create', { ...base, slug: 'tci-2014', title: { ko: '제17차 총회', en: '17th TCI Conference' } }),
  );
  for (const id of [open.id, hostile.id, closed.id]) await data(staff.mutate('events.transition', { eventId: id, to: 'publish' }));
  await data(staff.mutate('events.transition', { eventId: closed.id, to: 'close' }));
}, 120_000);
afterAll(() => server.stop());

describe('the public portal, rendered on the server', () => {
  it("sends an event's page as HTML with its own title, description, canonical, hreflang and Open Graph tags", async () => {
    const { status, html, headers } = await page('/events/tci-2015', { 'accept-language': 'en-GB,en;q=0.9' });
    expect(status).toBe(200);
    expect(headers.get('content-language')).toBe('en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<title>18th TCI Global Conference · Plenary</title>');
    expect(html).toContain('<meta name="description" content="Creative Economy and Clusters">');
    expect(html).toContain('<link rel="canonical" href="https://plenary.example/events/tci-2015?lang=en">');
    expect(html).toContain('<link rel="alternate" hreflang="ko" href="https://plenary.example/events/tci-2015?lang=ko">');
    expect(html).toContain('<link rel="alternate" hreflang="en" href="https://plenary.example/events/tci-2015?lang=en">');
    expect(html).toContain('<link rel="alternate" hreflang="x-default" href="https://plenary.example/events/tci-2015">');
    expect(html).toContain('<meta property="og:title" content="18th TCI Global Conference">');
    expect(html).toContain('<meta property="og:url" content="https://plenary.example/events/tci-2015?lang=en">');
    // The page's content is in the HTML itself, not only after a script runs.
    expect(html).toMatch(/<h1 class="event-home__title"[^>]*>18th TCI Global Conference<\/h1>/);
  });

  it('renders in the language asked for by ?lang=, else the chosen cookie, else Accept-Language', async () => {
    const ko = await page('/events/tci-2015?lang=ko', { 'accept-language': 'en' });
    expect(ko.html).toContain('<meta property="og:title" content="제18차 세계 클러스터 경쟁력 총회">');
    const cookie = await page('/events/tci-2015', { 'accept-language': 'en', cookie: 'plenary-locale=ko' });
    expect(cookie.html).toContain('<html lang="ko">');
    const browser = await page('/', { 'accept-language': 'ko-KR,ko;q=0.9' });
    expect([browser.status, browser.html.includes('<title>행사 · Plenary</title>')]).toEqual([200, true]);
    expect(browser.html).toContain('제18차 세계 클러스터 경쟁력 총회');
  });

  it('renders the registration form and the event list as HTML', async () => {
    const form = await page('/events/tci-2015/register?lang=en');
    expect(form.status).toBe(200);
    expect(form.html).toContain('<title>Registration · 18th TCI Global Conference · Plenary</title>');
    // The form's stylesheet is written into the page (no round trip before the first paint);
    // its link stays, blocking nothing, so that hydration does not fetch it again.
    expect(form.html).toMatch(
      /<style data-file="\/assets\/RegisterView-[\w-]+\.css">[\s\S]*?<\/style><link rel="stylesheet" crossorigin href="\/assets\/RegisterView-[\w-]+\.css" media="not all">/,
    );
    const list = await page('/?lang=en');
    expect(list.html).toContain('18th TCI Global Conference');
    expect(list.html).not.toContain('17th TCI Conference');
  });

  it("answers 404 with the portal's not-found page for an unknown event or page; a closed event's page is 200", async () => {
    const unknownEvent = await page('/events/no-such-event?lang=en');
    expect(unknownEvent.status).toBe(404);
    expect(unknownEvent.html).toContain('<meta name="robots" content="noindex">');
    expect(unknownEvent.html).toContain('class="not-found');
    expect((await page('/events/no-such-event/register')).status).toBe(404);
    const unknownPage = await page('/no/such/page?lang=en');
    expect(unknownPage.status).toBe(404);
    expect(unknownPage.html).toContain('class="not-found');
    const closed = await page('/events/tci-2014?lang=en');
    expect(closed.status).toBe(200);
    expect(closed.html).toContain('<meta property="og:title" content="17th TCI Conference">');
  });

  it('escapes event data: a description holding </script> cannot open a script', async () => {
    const { status, html } = await page('/events/hostile?lang=en');
    expect(status).toBe(200);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('<meta property="og:title" content="&quot;&gt;&lt;script&gt;alert(3)&lt;/script&gt;">');
    // The state the page hydrates from sits in a JSON script element with every < escaped.
    const state = /<script type="application\/json" id="plenary-state">([^<]*)<\/script>/.exec(html)?.[1];
    expect(state).toContain('\\u003c/script\\u003e\\u003cscript\\u003ealert(1)');
    expect(JSON.stringify(JSON.parse(state ?? 'null'))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    // Only the shell's module script and the state's JSON element.
    expect(html.match(/<script\b/g)?.length).toBe(2);
  });

  it('sends built assets precompressed with brotli, and the page itself compressed', async () => {
    const { html } = await page('/');
    const asset = /<script type="module" crossorigin src="(\/assets\/index-[\w-]+\.js)">/.exec(html)?.[1];
    expect(asset).toBeDefined();
    const headers = await new Promise<Record<string, string | string[] | undefined>>((resolve, reject) => {
      get(`${server.url}${asset}`, { headers: { 'accept-encoding': 'br' } }, (res) => {
        res.resume();
        resolve(res.headers);
      }).on('error', reject);
    });
    expect([headers['content-encoding'], headers.vary]).toEqual(['br', 'Accept-Encoding']);
    const res = await fetch(`${server.url}/events/tci-2015`, { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
  });
});
