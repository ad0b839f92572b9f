import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@plenary/contracts';
import { createHarness, errorOf, tciEvent, type TestHarness } from '../../testing/harness';

let h: TestHarness;
let admin: Actor;

beforeAll(async () => {
  h = await createHarness();
  admin = await h.signUp('admin@kicox.example', { platformAdmin: true });
});
afterAll(() => h.close());


describe('events', () => {
  it('creates an event with the creator as owner, converting times to instants', async () => {
    const event = await h.caller(admin).events.create(tciEvent);
    expect(event.slug).toBe('tci-2015');
    expect(event.status).toBe('draft');
    expect(event.startsAt).toBe('2015-11-03T00:00:00.000Z');
    expect(event.endsAt).toBe('2015-11-06T09:00:00.000Z');
    const team = await h.caller(admin).team.list({ eventId: event.id });
    expect(team.members.map((m) => [m.email, m.role])).toEqual([['admin@kicox.example', 'owner']]);
  });

  it('refuses a duplicate slug with a 409 naming the field', async () => {
    const err = await errorOf(h.caller(admin).events.create({ ...tciEvent, slug: 'TCI-2015' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('Another event already uses this slug');
  });

  it('keeps the venue country (KR when not given), changes it, shows it on the portal, refuses an unknown code', async () => {
    const event = await h.caller(admin).events.create({ ...tciEvent, slug: 'tci-country' });
    expect(event.country).toBe('KR');
    const moved = await h.caller(admin).events.update({ eventId: event.id, country: 'nl' });
    expect(moved.country).toBe('NL');
    expect((await h.caller(admin).events.get({ eventId: event.id })).country).toBe('NL');
    await h.caller(admin).events.transition({ eventId: event.id, to: 'publish' });
    expect((await h.caller(null).portal.event({ slug: 'tci-country' })).country).toBe('NL');
    const err = await errorOf(h.caller(admin).events.update({ eventId: event.id, country: 'XX' }));
    expect(err.code).toBe('BAD_REQUEST');
    expect((await h.caller(admin).events.get({ eventId: event.id })).country).toBe('NL');
  });

  it('rejects bad input with field errors and writes nothing', async () => {
    const before = await h.caller(admin).events.listMine({});
    const err = await errorOf(
      h.caller(admin).events.create({ ...tciEvent, slug: 'Bad Slug!', timeZone: 'Mars/Olympus', endsAt: '2015-11-01T00:00:00+09:00', title: {} }),
    );
    expect(err.code).toBe('BAD_REQUEST');
    const after = await h.caller(admin).events.listMine({});
    expect(after.length).toBe(before.length);
  });

  it('publishes, shows on the portal, closes it (off the list, its page still there), recording each change in the audit log', async () => {
    const event = await h.caller(admin).events.create({ ...tciEvent, slug: 'tci-2016' });
    const anon = h.caller(null);
    expect((await anon.portal.events()).map((e) => e.slug)).not.toContain('tci-2016');
    await h.caller(admin).events.transition({ eventId: event.id, to: 'publish' });
    expect((await anon.portal.event({ slug: 'tci-2016' })).title.en).toBe('18th TCI Global Conference');
    await h.caller(admin).events.update({ eventId: event.id, venueName: { ko: '엑스코 컨벤션홀', en: 'EXCO Convention Hall' } });
    await h.caller(admin).events.transition({ eventId: event.id, to: 'close' });
    // A closed event leaves the list, but its page (shared links, search results) stays.
    expect((await anon.portal.events()).map((e) => e.slug)).not.toContain('tci-2016');
    const closed = await anon.portal.event({ slug: 'tci-2016' });
    expect([closed.status, closed.venueName.en]).toEqual(['closed', 'EXCO Convention Hall']);
    await h.caller(admin).events.transition({ eventId: event.id, to: 'archive' });
    const err = await errorOf(anon.portal.event({ slug: 'tci-2016' }));
    expect(err.code).toBe('NOT_FOUND');
    const log = await h.caller(admin).audit.list({ eventId: event.id });
    expect(log.entries.map((e) => e.action)).toEqual(['event.archive', 'event.close', 'event.update', 'event.publish', 'event.create']);
    const update = log.entries.find((e) => e.action === 'event.update');
    expect(update?.diff).toEqual({
      venueName: { before: { ko: '엑스코', en: 'EXCO' }, after: { ko: '엑스코 컨벤션홀', en: 'EXCO Convention Hall' } },
    });
    expect(update?.actorLabel).toBe('admin@kicox.example');
  });

  it('refuses a transition from the wrong state', async () => {
    const event = await h.caller(admin).events.create({ ...tciEvent, slug: 'tci-2017' });
    const err = await errorOf(h.caller(admin).events.transition({ eventId: event.id, to: 'close' }));
    expect(err.code).toBe('CONFLICT');
    expect(err.message).toBe('A draft event cannot be changed with "close"');
  });
});

describe('platform audit log', () => {
  it('shows a platform admin the entries of no event (accounts) apart from event entries', async () => {
    const platform = await h.caller(admin).audit.listPlatform({ eventId: null });
    expect(platform.entries.map((e) => [e.action, e.actorLabel])).toEqual([['user.create', 'system']]);
    const all = await h.caller(admin).audit.listPlatform({});
    expect(all.entries.length).toBeGreaterThan(platform.entries.length);
    expect(new Set(all.entries.map((e) => e.action))).toContain('event.create');
  });
});
