import { describe, expect, it } from 'vitest';
import type { EventDto } from '@plenary/contracts/schemas';
import { createInputFrom, emptyEventForm, eventFormFrom, updateInputFrom } from './event-form';

const event: EventDto = {
  id: '0190f5d2-7c1e-7000-8000-0000000000e1',
  slug: 'gcf-2015',
  title: { ko: '녹색기후기금 총회', en: 'GCF Board Meeting' },
  subtitle: {},
  description: { en: 'Eleventh meeting' },
  venueName: { ko: '송도컨벤시아' },
  venueAddress: {},
  startsAt: '2015-11-02T15:00:00.000Z',
  endsAt: '2015-11-06T09:00:00.000Z',
  timeZone: 'Asia/Seoul',
  country: 'NL',
  status: 'draft',
  requireTwoFactor: true,
  publishedAt: null,
  createdAt: '2015-01-01T00:00:00.000Z',
  updatedAt: '2015-01-01T00:00:00.000Z',
};

describe('event form', () => {
  it('shows the start and end as wall times in the event zone and sends them back unchanged', () => {
    const form = eventFormFrom(event);
    expect(form.startsAt?.getDate()).toBe(3);
    expect(form.startsAt?.getHours()).toBe(0);
    expect(form.endsAt?.getHours()).toBe(18);
    const input = updateInputFrom(event.id, form, false);
    expect(input).toEqual({
      eventId: event.id,
      slug: 'gcf-2015',
      title: { ko: '녹색기후기금 총회', en: 'GCF Board Meeting' },
      subtitle: { ko: '', en: '' },
      description: { ko: '', en: 'Eleventh meeting' },
      venueName: { ko: '송도컨벤시아', en: '' },
      venueAddress: { ko: '', en: '' },
      startsAt: '2015-11-02T15:00:00.000Z',
      endsAt: '2015-11-06T09:00:00.000Z',
      timeZone: 'Asia/Seoul',
      country: 'NL',
    });
  });

  it('keeps the wall times when the zone changes, so the instants move', () => {
    const form = { ...eventFormFrom(event), timeZone: 'Europe/London' };
    const input = updateInputFrom(event.id, form, true);
    expect(input.startsAt).toBe('2015-11-03T00:00:00.000Z');
    expect(input.endsAt).toBe('2015-11-06T18:00:00.000Z');
    expect(input.requireTwoFactor).toBe(true);
  });

  it('creates in Seoul by default and sends an empty picker as an empty string', () => {
    const form = { ...emptyEventForm(), slug: ' apec-2025 ', startsAt: new Date(2025, 9, 31, 9, 0) };
    const input = createInputFrom(form);
    expect(input.timeZone).toBe('Asia/Seoul');
    expect(input.slug).toBe('apec-2025');
    expect(input.startsAt).toBe('2025-10-31T00:00:00.000Z');
    expect(input.endsAt).toBe('');
  });
});
