import { describe, expect, it } from 'vitest';
import type { RegistrationStatsDto } from '@plenary/contracts/schemas';
import { categoryChart, countryChart, optionChart, statusChart, type ChartLabels } from './dashboard-charts';

const labels: ChartLabels = {
  status: (s) => s,
  text: (v) => v.en ?? '',
  country: (c) => c,
  taken: 'Taken',
  waitlisted: 'Waiting',
  capacity: 'Capacity',
  booked: 'Booked',
  count: 'Count',
};
const stats = {
  byStatus: [{ status: 'confirmed', count: 12 }],
  byCategory: [{ categoryId: 'c', label: { en: 'SME' }, taken: 5, waitlisted: 0, capacity: 10 }],
  byCountry: [{ country: 'KR', count: 7 }],
  byOption: [{ optionId: 'o', label: { en: 'Tour' }, booked: 3, waitlisted: 1, capacity: 4 }],
} as unknown as RegistrationStatsDto;

type Series = { type: string; label?: { show?: boolean; formatter?: (p: { value: unknown }) => string } };

describe('dashboard bars', () => {
  it.each([
    ['status', statusChart],
    ['category', categoryChart],
    ['country', countryChart],
    ['option', optionChart],
  ])('show their numbers on the %s chart, leaving out zeros', (_name, chart) => {
    const bars = (chart(stats, labels).series as Series[]).filter((s) => s.type === 'bar');
    expect(bars.length).toBeGreaterThan(0);
    for (const bar of bars) {
      expect(bar.label?.show).toBe(true);
      expect(bar.label?.formatter?.({ value: 0 })).toBe('');
      expect(bar.label?.formatter?.({ value: 12 })).toBe('12');
    }
  });
});
