import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { RegistrationStatsDto } from '@plenary/contracts/schemas';

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** How the dashboard names things, in the interface language. */
export interface ChartLabels {
  status: (status: string) => string;
  text: (value: { ko?: string; en?: string }) => string;
  country: (code: string) => string;
  taken: string;
  waitlisted: string;
  capacity: string;
  booked: string;
  count: string;
}

const TOP_COUNTRIES = 20;
const grid = { left: 8, right: 16, top: 32, bottom: 8, containLabel: true };
/** Long names (categories, tours) are cut rather than hidden: echarts drops labels that overlap. */
const categoryAxisLabel = { interval: 0, width: 160, overflow: 'truncate' as const };

/**
 * Each bar shows its number (a chart read on a projector or a printout has no
 * tooltip): at the end of a single bar, inside a stacked segment; a zero says nothing.
 */
const numberLabel = (position: 'right' | 'inside') => ({
  show: true,
  position,
  formatter: (p: { value: unknown }) => (typeof p.value === 'number' && p.value !== 0 ? String(p.value) : ''),
});

/** Bars run sideways so every name fits; the first item is drawn at the top. */
function namesAxis(names: string[]) {
  return { type: 'category' as const, inverse: true, data: names, axisLabel: categoryAxisLabel };
}

export function statusChart(stats: RegistrationStatsDto, l: ChartLabels): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: namesAxis(stats.byStatus.map((s) => l.status(s.status))),
    series: [
      { type: 'bar', name: l.count, label: numberLabel('right'), data: stats.byStatus.map((s) => s.count) },
    ],
  };
}

/** Taken and waiting places per category, stacked, with the capacity as a line of markers. */
export function categoryChart(stats: RegistrationStatsDto, l: ChartLabels): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: namesAxis(stats.byCategory.map((c) => l.text(c.label))),
    series: [
      {
        type: 'bar',
        name: l.taken,
        stack: 'places',
        label: numberLabel('inside'),
        data: stats.byCategory.map((c) => c.taken),
      },
      {
        type: 'bar',
        name: l.waitlisted,
        stack: 'places',
        label: numberLabel('inside'),
        data: stats.byCategory.map((c) => c.waitlisted),
      },
      {
        type: 'line',
        name: l.capacity,
        symbol: 'rect',
        symbolSize: 14,
        lineStyle: { opacity: 0 },
        data: stats.byCategory.map((c) => c.capacity),
      },
    ],
  };
}

/** The 20 countries with the most participants, largest on top. */
export function countryChart(stats: RegistrationStatsDto, l: ChartLabels): ChartOption {
  const top = stats.byCountry.slice(0, TOP_COUNTRIES);
  return {
    tooltip: { trigger: 'axis' },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: namesAxis(top.map((c) => l.country(c.country))),
    series: [{ type: 'bar', name: l.count, label: numberLabel('right'), data: top.map((c) => c.count) }],
  };
}

export function optionChart(stats: RegistrationStatsDto, l: ChartLabels): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid,
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: namesAxis(stats.byOption.map((o) => l.text(o.label))),
    series: [
      {
        type: 'bar',
        name: l.booked,
        stack: 'seats',
        label: numberLabel('inside'),
        data: stats.byOption.map((o) => o.booked),
      },
      {
        type: 'bar',
        name: l.waitlisted,
        stack: 'seats',
        label: numberLabel('inside'),
        data: stats.byOption.map((o) => o.waitlisted),
      },
      {
        type: 'line',
        name: l.capacity,
        symbol: 'rect',
        symbolSize: 14,
        lineStyle: { opacity: 0 },
        data: stats.byOption.map((o) => o.capacity),
      },
    ],
  };
}

export function timelineChart(stats: RegistrationStatsDto, l: ChartLabels): ChartOption {
  return {
    tooltip: { trigger: 'axis' },
    grid,
    xAxis: { type: 'category', data: stats.overTime.map((d) => d.date) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { type: 'line', name: l.count, smooth: true, areaStyle: {}, data: stats.overTime.map((d) => d.count) },
    ],
  };
}
