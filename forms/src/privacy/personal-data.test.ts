import { describe, expect, it } from 'vitest';
import { dataForDepartment, maskSensitive } from './personal-data.ts';

const application = {
  applicant: { idNumber: '11010519491231002X', name: '张三', mobile: '13800138000' },
  deceased: { idNumber: '440524188001010014', name: '李四', deathCause: '心力衰竭' },
  bankAccount: { bank: '中国工商银行', number: '6222020200112233445', holder: '张三' },
  internalNote: 'not in the dictionary',
};

describe('dataForDepartment', () => {
  it('gives a department only the fields it may see', () => {
    // when
    const tax = dataForDepartment(application, 'tax');
    const health = dataForDepartment(application, 'health');
    // then
    expect(tax).not.toHaveProperty('bankAccount');
    expect(tax).toMatchObject({ applicant: { idNumber: '11010519491231002X' } });
    expect(tax).not.toHaveProperty(['deceased', 'deathCause']);
    expect(health).toMatchObject({ deceased: { deathCause: '心力衰竭' } });
  });

  it('leaves out values the dictionary does not classify', () => {
    expect(dataForDepartment(application, 'window')).not.toHaveProperty('internalNote');
  });
});

describe('maskSensitive', () => {
  it('masks ID numbers, account numbers and health data, and nothing else', () => {
    // when
    const masked = maskSensitive(application);
    // then
    expect(masked).toMatchObject({
      applicant: { idNumber: '110105********002X', name: '张三', mobile: '13800138000' },
      deceased: { idNumber: '440524********0014', deathCause: '***' },
      bankAccount: { number: '***************3445', holder: '张三' },
      internalNote: 'not in the dictionary',
    });
    expect(application.applicant.idNumber).toBe('11010519491231002X');
  });
});
