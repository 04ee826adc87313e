import type { EChartsCoreOption } from 'echarts/core';
import { SCORES, type MonitorStats } from '../api/monitor.types.ts';

/** What the Monitor knows to turn codes into words, in the user's language. */
export interface ChartContext {
  t: (key: string, named?: Record<string, unknown>) => string;
  locale: string;
  departmentName: (department: string) => string;
  bundleName: (bundleKey: string) => string;
}

/**
 * One chart and its accessible twins: the same numbers as a table, and a sentence that says
 * what the chart shows (also the chart's aria description).
 */
export interface ChartSpec {
  id: 'perDay' | 'byDepartment' | 'byBundle' | 'prefilled' | 'ratings';
  title: string;
  summary: string;
  /** `null` when there is nothing to draw; the summary then says so. */
  option: EChartsCoreOption | null;
  table: { columns: string[]; rows: (string | number)[][] };
}

export const CHART_COLORS = {
  primary: '#1d4f91',
  secondary: '#2e7d5b',
  muted: '#8a94a3',
  warning: '#b26a00',
} as const;

const baseOption = (summary: string): EChartsCoreOption => ({
  aria: { enabled: true, label: { description: summary } },
  animation: false,
  textStyle: { fontFamily: 'inherit' },
  tooltip: { trigger: 'axis', confine: true },
  grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
});

function formatNumber(value: number, locale: string, digits = 1): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: digits }).format(value);
}

function perDayChart(stats: MonitorStats, c: ChartContext): ChartSpec {
  const days = stats.perDay;
  const submitted = days.reduce((sum, day) => sum + day.submitted, 0);
  const completed = days.reduce((sum, day) => sum + day.completed, 0);
  const busiest = days.reduce<(typeof days)[number] | undefined>(
    (best, day) => (best === undefined || day.submitted > best.submitted ? day : best),
    undefined,
  );
  const summary =
    busiest === undefined
      ? c.t('monitor.stats.perDay.empty')
      : c.t('monitor.stats.perDay.summary', {
          days: days.length,
          submitted,
          completed,
          busiestDay: busiest.day,
          busiestCount: busiest.submitted,
        });
  const submittedLabel = c.t('monitor.stats.perDay.submitted');
  const completedLabel = c.t('monitor.stats.perDay.completed');
  return {
    id: 'perDay',
    title: c.t('monitor.stats.perDay.title'),
    summary,
    option:
      days.length === 0
        ? null
        : {
            ...baseOption(summary),
            legend: { top: 0 },
            xAxis: { type: 'category', data: days.map((day) => day.day) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              {
                name: submittedLabel,
                type: 'line',
                data: days.map((day) => day.submitted),
                color: CHART_COLORS.primary,
              },
              {
                name: completedLabel,
                type: 'line',
                data: days.map((day) => day.completed),
                color: CHART_COLORS.secondary,
                lineStyle: { type: 'dashed' },
              },
            ],
          },
    table: {
      columns: [c.t('monitor.stats.day'), submittedLabel, completedLabel],
      rows: days.map((day) => [day.day, day.submitted, day.completed]),
    },
  };
}

interface DurationRow {
  name: string;
  avgHours: number;
  count: number;
}

function durationChart(id: 'byDepartment' | 'byBundle', rows: DurationRow[], c: ChartContext): ChartSpec {
  // Longest on top: the horizontal bar chart draws its first category at the bottom.
  const sorted = [...rows].sort((a, b) => b.avgHours - a.avgHours);
  const longest = sorted[0];
  const shortest = sorted[sorted.length - 1];
  const hours = (value: number) => formatNumber(value, c.locale);
  const summary =
    longest === undefined || shortest === undefined
      ? c.t('monitor.stats.durations.empty')
      : c.t('monitor.stats.durations.summary', {
          longest: longest.name,
          longestHours: hours(longest.avgHours),
          shortest: shortest.name,
          shortestHours: hours(shortest.avgHours),
        });
  const hoursLabel = c.t('monitor.stats.durations.avgHours');
  return {
    id,
    title: c.t(`monitor.stats.durations.${id}`),
    summary,
    option:
      sorted.length === 0
        ? null
        : {
            ...baseOption(summary),
            xAxis: { type: 'value', name: hoursLabel, nameLocation: 'middle', nameGap: 28 },
            yAxis: { type: 'category', data: sorted.map((row) => row.name).reverse() },
            series: [
              {
                name: hoursLabel,
                type: 'bar',
                data: sorted.map((row) => Number(row.avgHours.toFixed(1))).reverse(),
                color: CHART_COLORS.primary,
                label: { show: true, position: 'right' },
              },
            ],
          },
    table: {
      columns: [
        c.t(id === 'byDepartment' ? 'monitor.stats.department' : 'monitor.stats.bundle'),
        hoursLabel,
        c.t('monitor.stats.durations.count'),
      ],
      rows: sorted.map((row) => [row.name, hours(row.avgHours), row.count]),
    },
  };
}

function prefilledChart(stats: MonitorStats, c: ChartContext): ChartSpec {
  const title = c.t('monitor.stats.prefilled.title');
  if (stats.prefilledShare === null) {
    return {
      id: 'prefilled',
      title,
      summary: c.t('monitor.stats.prefilled.unknown'),
      option: null,
      table: { columns: [], rows: [] },
    };
  }
  const share = Math.min(1, Math.max(0, stats.prefilledShare));
  const percent = new Intl.NumberFormat(c.locale, { style: 'percent', maximumFractionDigits: 1 });
  const summary = c.t('monitor.stats.prefilled.summary', { share: percent.format(share) });
  const prefilledLabel = c.t('monitor.stats.prefilled.prefilled');
  const typedLabel = c.t('monitor.stats.prefilled.typed');
  return {
    id: 'prefilled',
    title,
    summary,
    option: {
      ...baseOption(summary),
      tooltip: { trigger: 'item', confine: true },
      // Stacked under the ring, the legend names the slices at any width; the slices carry
      // only their percentage, so no label runs off a phone-wide chart.
      legend: { bottom: 0, orient: 'vertical' },
      series: [
        {
          type: 'pie',
          center: ['50%', '42%'],
          radius: ['38%', '62%'],
          label: { formatter: '{d}%' },
          data: [
            {
              name: prefilledLabel,
              value: Number((share * 100).toFixed(1)),
              itemStyle: { color: CHART_COLORS.primary },
            },
            {
              name: typedLabel,
              value: Number(((1 - share) * 100).toFixed(1)),
              itemStyle: { color: CHART_COLORS.muted },
            },
          ],
        },
      ],
    },
    table: {
      columns: [c.t('monitor.stats.prefilled.source'), c.t('monitor.stats.prefilled.share')],
      rows: [
        [prefilledLabel, percent.format(share)],
        [typedLabel, percent.format(1 - share)],
      ],
    },
  };
}

function ratingsChart(stats: MonitorStats, c: ChartContext): ChartSpec {
  const { average, count, byScore } = stats.ratings;
  const summary =
    count === 0 || average === null
      ? c.t('monitor.stats.ratings.empty')
      : c.t('monitor.stats.ratings.summary', { count, average: formatNumber(average, c.locale, 2) });
  const scoreLabel = (score: number) => c.t('monitor.stats.ratings.score', { score });
  const countLabel = c.t('monitor.stats.ratings.count');
  return {
    id: 'ratings',
    title: c.t('monitor.stats.ratings.title'),
    summary,
    option:
      count === 0
        ? null
        : {
            ...baseOption(summary),
            xAxis: { type: 'category', data: SCORES.map(scoreLabel) },
            yAxis: { type: 'value', minInterval: 1 },
            series: [
              {
                name: countLabel,
                type: 'bar',
                // Low scores in the warning colour: they open a follow-up for the supervisors.
                data: SCORES.map((score) => ({
                  value: byScore[score],
                  itemStyle: { color: score <= 2 ? CHART_COLORS.warning : CHART_COLORS.primary },
                })),
                label: { show: true, position: 'top' },
              },
            ],
          },
    table: {
      columns: [c.t('monitor.stats.ratings.scoreColumn'), countLabel],
      rows: SCORES.map((score) => [scoreLabel(score), byScore[score]]),
    },
  };
}

/** The Monitor's charts for one period, in the order the page shows them. */
export function statsCharts(stats: MonitorStats, context: ChartContext): ChartSpec[] {
  return [
    perDayChart(stats, context),
    durationChart(
      'byDepartment',
      stats.durations.byDepartment.map((row) => ({ ...row, name: context.departmentName(row.department) })),
      context,
    ),
    durationChart(
      'byBundle',
      stats.durations.byBundle.map((row) => ({ ...row, name: context.bundleName(row.bundleKey) })),
      context,
    ),
    prefilledChart(stats, context),
    ratingsChart(stats, context),
  ];
}
