import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { CheckInPersonDto } from '@plenary/contracts/schemas';
import { setApi } from '../../api';
import { fakeApi } from '../../testing/fake-api';
import { useCheckInStore } from './use-check-in-store';
import { batches } from './download';

const eventId = '0190f5d2-7c1e-7000-8000-0000000000e1';
const person = (over: Partial<CheckInPersonDto> = {}): CheckInPersonDto => ({
  registrationId: '0190f5d2-7c1e-7000-8000-0000000000a1',
  reference: 'R7K2-QF9M',
  status: 'confirmed',
  givenName: 'Gildong',
  familyName: 'Hong',
  localName: '홍길동',
  email: 'hong@example.org',
  organisation: 'KICOX',
  country: 'KR',
  category: { id: '0190f5d2-7c1e-7000-8000-0000000000c1', label: { en: 'Government' }, colour: '#b91c1c' },
  paymentStatus: 'not_required',
  checkedInAt: null,
  ...over,
});

describe('check-in store', () => {
  beforeEach(() => setActivePinia(createPinia()));
  afterEach(() => setApi(null));

  it('scans, and refreshes the count only when the scan checked someone in', async () => {
    let checkedIn = 4;
    const fake = fakeApi({
      'checkIn.summary': () => ({ checkedIn, confirmed: 10 }),
      'checkIn.scan': (input) => {
        const code = (input as { ticketCode: string }).ticketCode;
        if (code === 'unknown') return { person: null, warnings: ['unknown_ticket'], checkedInNow: false };
        checkedIn += 1;
        return {
          person: person({ checkedInAt: '2015-11-04T00:00:00.000Z' }),
          warnings: [],
          checkedInNow: true,
        };
      },
    });
    setApi(fake.client);
    const desk = useCheckInStore();
    await desk.open(eventId);
    expect(desk.summary).toEqual({ checkedIn: 4, confirmed: 10 });

    await desk.scan('unknown');
    expect(desk.result?.warnings).toEqual(['unknown_ticket']);
    expect(desk.summary).toEqual({ checkedIn: 4, confirmed: 10 });

    await desk.scan('T-1');
    expect(desk.result?.checkedInNow).toBe(true);
    expect(desk.summary).toEqual({ checkedIn: 5, confirmed: 10 });
    expect(fake.calls.map((c) => c.path)).toEqual([
      'checkIn.summary',
      'checkIn.scan',
      'checkIn.scan',
      'checkIn.summary',
    ]);
    expect(fake.calls[1]?.input).toEqual({ eventId, ticketCode: 'unknown' });
  });

  it('shows a search match with the warnings the desk must see', async () => {
    setApi(fakeApi({ 'checkIn.summary': () => ({ checkedIn: 0, confirmed: 0 }) }).client);
    const desk = useCheckInStore();
    await desk.open(eventId);
    desk.choose(person({ status: 'pending', paymentStatus: 'unpaid' }));
    expect(desk.result).toEqual({
      person: person({ status: 'pending', paymentStatus: 'unpaid' }),
      warnings: ['not_approved', 'unpaid'],
      checkedInNow: false,
    });
    desk.choose(person({ status: 'offered', checkedInAt: '2015-11-04T00:00:00.000Z' }));
    expect(desk.result?.warnings).toEqual(['waitlisted', 'already_checked_in']);
  });
});

describe('badge batches', () => {
  it('splits ids into files of at most the given size, in order', () => {
    expect(batches([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(batches([], 200)).toEqual([]);
  });
});
