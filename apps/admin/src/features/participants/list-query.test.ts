import { describe, expect, it } from 'vitest';
import type { RegistrationStatsDto } from '@plenary/contracts/schemas';
import { countryChart, type ChartLabels } from './dashboard-charts';
import { emptyFilters, exportQuery, listQuery } from './list-query';

const eventId = '00000000-0000-4000-8000-000000000001';
const page = { sort: 'familyName' as const, direction: 'asc' as const, offset: 50, limit: 50 };

describe('the participant list query', () => {
  it('leaves out blank filters', () => {
    expect(listQuery(eventId, { ...emptyFilters(), search: '   ' }, page)).toEqual({ eventId, ...page });
  });

  it('sends every filter that is set, the search trimmed', () => {
    const filters = {
      search: ' kim ',
      statuses: ['pending' as const],
      categoryIds: ['c1'],
      countries: ['KR', 'JP'],
      optionId: 'o1',
      checkedIn: false,
      visaLetter: 'none' as const,
    };
    expect(listQuery(eventId, filters, page)).toEqual({
      eventId,
      search: 'kim',
      statuses: ['pending'],
      categoryIds: ['c1'],
      countries: ['KR', 'JP'],
      optionId: 'o1',
      checkedIn: false,
      visaLetter: 'none',
      ...page,
    });
  });

  it('exports with the same filters and order, without paging', () => {
    expect(exportQuery(eventId, { ...emptyFilters(), checkedIn: true }, page, 'xlsx', 'ko')).toEqual({
      eventId,
      checkedIn: true,
      sort: 'familyName',
      direction: 'asc',
      format: 'xlsx',
      locale: 'ko',
    });
  });
});

describe('the country chart', () => {
  it('shows the 20 largest countries, largest at the top', () => {
    const byCountry = Array.from({ length: 25 }, (_, i) => ({ country: `C${i}`, count: 100 - i }));
    const labels: ChartLabels = {
      status: (s) => s,
      text: (v) => v.en ?? '',
      country: (c) => `name of ${c}`,
      taken: 'Taken',
      waitlisted: 'Waiting',
      capacity: 'Capacity',
      booked: 'Booked',
      count: 'Participants',
    };
    const option = countryChart({ byCountry } as RegistrationStatsDto, labels);
    const axis = option.yAxis as { data: string[] };
    expect(axis.data.length).toBe(20);
    expect(axis.data[0]).toBe('name of C0');
    expect(axis.data[19]).toBe('name of C19');
    expect((option.series as Array<{ data: number[] }>)[0]?.data[0]).toBe(100);
  });
});
