import { describe, expect, it } from 'vitest';
import { i18n } from '../../../app/i18n/index.ts';
import type { MonitorStats } from '../api/monitor.types.ts';
import { statsCharts, type ChartContext, type ChartSpec } from './stats-charts.ts';

const context: ChartContext = {
  t: (key, named) => (named === undefined ? i18n.global.t(key) : i18n.global.t(key, named)),
  locale: 'zh-CN',
  departmentName: (department) => ({ hr: '人社', tax: '税务', health: '卫健' })[department] ?? department,
  bundleName: (bundleKey) =>
    ({ newborn: '新生儿出生一件事', retirement: '退休一件事' })[bundleKey] ?? bundleKey,
};

const stats: MonitorStats = {
  perDay: [
    { day: '2026-11-27', submitted: 3, completed: 1 },
    { day: '2026-11-28', submitted: 7, completed: 2 },
    { day: '2026-11-29', submitted: 2, completed: 4 },
  ],
  durations: {
    byDepartment: [
      { department: 'tax', avgHours: 5.25, count: 4 },
      { department: 'hr', avgHours: 30.5, count: 6 },
      { department: 'health', avgHours: 12, count: 3 },
    ],
    byBundle: [{ bundleKey: 'newborn', avgHours: 48, count: 5 }],
  },
  prefilledShare: 0.625,
  ratings: { average: 4.25, count: 8, byScore: { 1: 1, 2: 0, 3: 1, 4: 1, 5: 5 } },
};

function chart(specs: ChartSpec[], id: ChartSpec['id']): ChartSpec {
  const found = specs.find((spec) => spec.id === id);
  if (!found) throw new Error(`no ${id} chart`);
  return found;
}

/** The series of an option, read without trusting its shape. */
function series(spec: ChartSpec): Record<string, unknown>[] {
  const value = spec.option?.series;
  return Array.isArray(value) ? value : [];
}

describe('statsCharts', () => {
  it('draws submitted and completed applications per day, with a table and a summary naming the busiest day', () => {
    // when
    const perDay = chart(statsCharts(stats, context), 'perDay');

    // then
    expect(perDay.option?.xAxis).toMatchObject({ data: ['2026-11-27', '2026-11-28', '2026-11-29'] });
    expect(series(perDay).map((entry) => entry.data)).toEqual([
      [3, 7, 2],
      [1, 2, 4],
    ]);
    expect(perDay.table.rows).toEqual([
      ['2026-11-27', 3, 1],
      ['2026-11-28', 7, 2],
      ['2026-11-29', 2, 4],
    ]);
    expect(perDay.summary).toContain('12');
    expect(perDay.summary).toContain('2026-11-28');
    expect(perDay.option?.aria).toEqual({ enabled: true, label: { description: perDay.summary } });
  });

  it('ranks departments by average processing time, longest on top, with their names', () => {
    // when
    const byDepartment = chart(statsCharts(stats, context), 'byDepartment');

    // then the horizontal bars list the longest last (drawn on top)
    expect(byDepartment.option?.yAxis).toMatchObject({ data: ['税务', '卫健', '人社'] });
    expect(series(byDepartment)[0]?.data).toEqual([5.3, 12, 30.5]);
    expect(byDepartment.table.rows).toEqual([
      ['人社', '30.5', 6],
      ['卫健', '12', 3],
      ['税务', '5.3', 4],
    ]);
    expect(byDepartment.summary).toBe('平均办理时长最长的是人社（30.5 小时），最短的是税务（5.3 小时）。');
  });

  it('names bundles by their titles and shows the prefilled share as a percentage', () => {
    // when
    const specs = statsCharts(stats, context);

    // then
    expect(chart(specs, 'byBundle').table.rows).toEqual([['新生儿出生一件事', '48', 5]]);
    const prefilled = chart(specs, 'prefilled');
    expect(series(prefilled)[0]?.data).toMatchObject([{ value: 62.5 }, { value: 37.5 }]);
    expect(prefilled.table.rows).toEqual([
      ['数据共享自动填写', '62.5%'],
      ['申请人填写', '37.5%'],
    ]);
    expect(prefilled.summary).toContain('62.5%');
  });

  it('counts ratings per score and marks the low scores', () => {
    // when
    const ratings = chart(statsCharts(stats, context), 'ratings');

    // then
    expect(series(ratings)[0]?.data).toEqual([
      { value: 1, itemStyle: { color: '#b26a00' } },
      { value: 0, itemStyle: { color: '#b26a00' } },
      { value: 1, itemStyle: { color: '#1d4f91' } },
      { value: 1, itemStyle: { color: '#1d4f91' } },
      { value: 5, itemStyle: { color: '#1d4f91' } },
    ]);
    expect(ratings.summary).toBe('共收到 8 条评价，平均 4.25 分。');
  });

  it('says there is no data rather than drawing 0 % when no application in the period recorded its prefill', () => {
    // when
    const prefilled = chart(statsCharts({ ...stats, prefilledShare: null }, context), 'prefilled');

    // then
    expect(prefilled).toMatchObject({
      option: null,
      summary: '暂无数据：统计期间内没有申请记录了哪些字段由数据共享自动填写。',
    });
    expect(prefilled.table.rows).toEqual([]);
  });

  it('draws nothing for an empty period and says so', () => {
    // given
    const empty: MonitorStats = {
      perDay: [],
      durations: { byDepartment: [], byBundle: [] },
      prefilledShare: 0,
      ratings: { average: null, count: 0, byScore: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
    };

    // when
    const specs = statsCharts(empty, context);

    // then
    expect(chart(specs, 'perDay')).toMatchObject({ option: null, summary: '统计期间内没有申请。' });
    expect(chart(specs, 'byDepartment')).toMatchObject({
      option: null,
      summary: '统计期间内没有办结的办件。',
    });
    expect(chart(specs, 'ratings')).toMatchObject({ option: null, summary: '统计期间内还没有评价。' });
  });
});
