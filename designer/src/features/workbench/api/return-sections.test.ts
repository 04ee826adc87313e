import { describe, expect, it } from 'vitest';
import { returnSections, type ReturnField } from './return-sections.ts';

const shared = { id: 'Group_shared', title: { 'zh-CN': '共同信息', en: 'Shared information' } };
const civil = { id: 'Group_civil', title: { 'zh-CN': '民政与户籍', en: 'Civil affairs' } };

function field(key: string, section: ReturnField['section']): ReturnField {
  return { key, label: { 'zh-CN': key, en: key }, section };
}

describe('returnSections', () => {
  it('groups the fields by section in the order the api lists them', () => {
    // given
    const fields = [
      field('note', null),
      field('child.name', shared),
      field('child.birthDate', shared),
      field('household.number', civil),
    ];

    // when
    const sections = returnSections(fields);

    // then
    expect(
      sections.map((section) => [section.title?.['zh-CN'] ?? null, section.fields.map((f) => f.key)]),
    ).toEqual([
      [null, ['note']],
      ['共同信息', ['child.name', 'child.birthDate']],
      ['民政与户籍', ['household.number']],
    ]);
  });

  it('has no sections without fields', () => {
    expect(returnSections([])).toEqual([]);
  });
});
