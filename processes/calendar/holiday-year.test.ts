import { describe, expect, it } from 'vitest';
import { parseHolidayYear } from './holiday-year.ts';
import holidays2026 from './holidays-2026.json' with { type: 'json' };

const base = {
  year: 2026,
  provisional: false,
  source: { title: '通知', number: null, issuer: '国务院办公厅', issuedOn: '2025-11-04' },
  holidays: [{ name: '国庆节', nameEn: 'National Day', from: '2026-10-01', to: '2026-10-07' }],
  makeUpWorkdays: [{ date: '2026-10-10', for: '国庆节' }],
};

describe('holiday data files', () => {
  it('accepts the shipped 2026 file', () => {
    expect(parseHolidayYear(holidays2026).ok).toBe(true);
  });

  it('rejects a make-up working day that is not on a weekend', () => {
    // given
    const data = { ...base, makeUpWorkdays: [{ date: '2026-10-09', for: '国庆节' }] };

    // when
    const result = parseHolidayYear(data);

    // then
    expect(result).toEqual({ ok: false, problems: ['makeUpWorkdays[0]: 2026-10-09 is not a weekend day'] });
  });

  it('rejects a holiday outside the file’s year and one that ends before it starts', () => {
    const data = {
      ...base,
      holidays: [
        { name: '元旦', nameEn: "New Year's Day", from: '2027-01-01', to: '2027-01-01' },
        { name: '国庆节', nameEn: 'National Day', from: '2026-10-07', to: '2026-10-01' },
      ],
    };
    const result = parseHolidayYear(data);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems).toContain('holidays[0].from: 2027-01-01 is not in 2026');
      expect(result.problems).toContain('holidays[1]: ends before it starts');
    }
  });

  it('refuses invented make-up days in a provisional year', () => {
    const result = parseHolidayYear({ ...base, provisional: true });
    expect(result).toEqual({ ok: false, problems: ['makeUpWorkdays: a provisional year has none'] });
  });
});
