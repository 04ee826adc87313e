import { describe, expect, it } from 'vitest';
import { maskVariables } from './mask-variables.ts';

describe('maskVariables', () => {
  it('masks ID numbers at any depth, alone or inside text, and leaves everything else', () => {
    // given
    const variables = {
      applicant: { idNumber: '11010519491231002X', name: '张三' },
      children: [{ idNumber: '110105201901010011' }],
      note: '父亲 11010519491231002x 已到场',
      processInstanceKey: '2251799813685249',
      amount: 1200,
      approved: true,
      missing: null,
    };

    // when
    const masked = maskVariables(variables);

    // then
    expect(masked).toEqual({
      applicant: { idNumber: '110105**********2X', name: '张三' },
      children: [{ idNumber: '110105**********11' }],
      note: '父亲 110105**********2x 已到场',
      processInstanceKey: '2251799813685249',
      amount: 1200,
      approved: true,
      missing: null,
    });
  });

  it('does not mask digits that are part of a longer number or code', () => {
    expect(maskVariables('A11010519491231002X9')).toBe('A11010519491231002X9');
    expect(maskVariables('1101051949123100211')).toBe('1101051949123100211');
  });
});
