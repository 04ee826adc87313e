import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWorkingDayCalendar, holidayYears } from '@onething/processes';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleNotice2027 } from '../../test/support/holiday-notice.ts';
import { calendarWarnings, readHolidayFiles } from './holiday-calendar.ts';

describe('reading the holiday files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'onething-holiday-files-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reads every holidays-<year>.json and leaves other files alone', async () => {
    // given
    await writeFile(join(dir, 'holidays-2027.json'), JSON.stringify(sampleNotice2027));
    await writeFile(join(dir, 'README.txt'), 'the 2027 notice, from gov.cn');

    // when
    const result = await readHolidayFiles(dir);

    // then
    expect(result).toEqual({ ok: true, years: [sampleNotice2027] });
  });

  it('reports every broken file: not JSON, a bad date, a year that is not the one in the name', async () => {
    // given
    await writeFile(join(dir, 'holidays-2027.json'), '{ "year": 2027,');
    await writeFile(
      join(dir, 'holidays-2028.json'),
      JSON.stringify({
        ...sampleNotice2027,
        year: 2028,
        holidays: [],
        makeUpWorkdays: [{ date: '2028-02-30', for: '春节' }],
      }),
    );
    await writeFile(join(dir, 'holidays-2029.json'), JSON.stringify(sampleNotice2027));

    // when
    const result = await readHolidayFiles(dir);

    // then
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems.find((p) => p.startsWith('holidays-2027.json'))).toContain('not JSON');
    expect(problems.find((p) => p.startsWith('holidays-2028.json'))).toContain('2028-02-30');
    expect(problems).toContain('holidays-2029.json: holds the year 2027');
  });

  it('reports a folder that cannot be read', async () => {
    const result = await readHolidayFiles(join(dir, 'missing'));
    expect(result.ok).toBe(false);
  });
});

describe('the warnings at start', () => {
  const shipped = createWorkingDayCalendar(holidayYears);

  it('says nothing in spring of an official year', () => {
    expect(calendarWarnings(shipped, new Date('2026-04-01T12:00:00Z'))).toEqual([]);
  });

  it('from October names next year when it is provisional', () => {
    const warnings = calendarWarnings(shipped, new Date('2026-11-29T12:00:00Z'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('2027 is provisional');
  });

  it('names a year without data, in Shanghai time', () => {
    // given 31 December 2027 16:30 UTC is already 1 January 2028 in Shanghai
    const warnings = calendarWarnings(shipped, new Date('2027-12-31T16:30:00Z'));
    expect(warnings).toEqual([expect.stringContaining('no holiday data for 2028')]);
  });
});
