import { describe, expect, it } from 'vitest';
import { emptyFilters } from './list-query';
import { listFromUrl, listToUrl } from './list-url';

const page = { sort: 'createdAt' as const, direction: 'desc' as const, offset: 0, limit: 50 };

describe('the participant list in the address bar', () => {
  it('puts only what is set in the query, so a plain list has a plain address', () => {
    expect(listToUrl(emptyFilters(), page)).toEqual({});
  });

  it('round-trips every filter, the sort and the page, so a filtered view can be bookmarked', () => {
    const filters = {
      search: 'kim',
      statuses: ['pending' as const, 'confirmed' as const],
      categoryIds: ['0190f5d2-7c1e-7000-8000-0000000000c1'],
      countries: ['KR', 'JP'],
      optionId: '0190f5d2-7c1e-7000-8000-0000000000d1',
      checkedIn: false,
      visaLetter: 'requested' as const,
    };
    const p = { sort: 'familyName' as const, direction: 'asc' as const, offset: 100, limit: 50 };
    const url = listToUrl(filters, p);
    expect(url).toEqual({
      q: 'kim',
      status: 'pending,confirmed',
      category: '0190f5d2-7c1e-7000-8000-0000000000c1',
      country: 'KR,JP',
      option: '0190f5d2-7c1e-7000-8000-0000000000d1',
      checkedIn: 'no',
      visa: 'requested',
      sort: 'familyName',
      dir: 'asc',
      from: '100',
    });
    expect(listFromUrl(url)).toEqual({ filters, page: p });
  });

  it('ignores what it does not know in a hand-edited address', () => {
    expect(
      listFromUrl({
        status: 'pending,bogus',
        sort: 'password',
        dir: 'up',
        from: '-5',
        checkedIn: 'maybe',
        visa: 'x',
      }),
    ).toEqual({ filters: { ...emptyFilters(), statuses: ['pending'] }, page });
  });
});
