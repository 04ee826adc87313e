import { describe, expect, it } from 'vitest';
import { summaryRows } from './summary-rows.ts';

const labels = { 'child.name': '新生儿姓名', 'mother.idNumber': '母亲公民身份号码', services: '申请事项' };

describe('summaryRows', () => {
  it('flattens the application data into labelled rows, lists joined', () => {
    // given
    const data = {
      child: { name: '陈思远', weightKg: 3.4 },
      mother: { idNumber: '330106********0022' },
      services: ['birthCertificate', 'householdRegistration'],
    };

    // when
    const rows = summaryRows(data, { labels }, false);

    // then
    expect(rows).toEqual([
      { path: 'child.name', label: '新生儿姓名', value: '陈思远' },
      { path: 'child.weightKg', label: 'child.weightKg', value: '3.4' },
      { path: 'mother.idNumber', label: '母亲公民身份号码', value: '330106********0022' },
      { path: 'services', label: '申请事项', value: 'birthCertificate、householdRegistration' },
    ]);
  });

  it('shows the label of a chosen value, also in a list of choices', () => {
    // given
    const names = {
      labels: { 'child.sex': '新生儿性别', services: '申请事项' },
      options: { 'child.sex': { male: '男', female: '女' }, services: { birthCertificate: '出生医学证明' } },
    };

    // when
    const rows = summaryRows(
      { child: { sex: 'male' }, services: ['birthCertificate', 'other'] },
      names,
      false,
    );

    // then
    expect(rows.map((row) => row.value)).toEqual(['男', '出生医学证明、other']);
  });

  it('leaves out process bookkeeping without a form label and empty values when asked', () => {
    // given: a task's variables
    const data = { child: { name: '陈思远', nickname: '' }, acceptDueAt: '2026-12-01T15:59:59Z', parts: {} };

    // when / then
    expect(summaryRows(data, { labels }, true)).toEqual([
      { path: 'child.name', label: '新生儿姓名', value: '陈思远' },
    ]);
  });
});
