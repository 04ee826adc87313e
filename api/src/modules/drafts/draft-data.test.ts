import { describe, expect, it } from 'vitest';
import { keepFormKeys } from './draft-data.ts';

describe('keepFormKeys', () => {
  it('keeps the values under the form’s keys, nested by path, and drops everything else', () => {
    // given
    const data = {
      mother: { idNumber: '330106199608150244', name: '王芳', shoeSize: 37 },
      child: { name: '陈思远' },
      isAdmin: true,
      __proto__: { polluted: true },
    };

    // when
    const kept = keepFormKeys(data, ['mother.idNumber', 'mother.name', 'child.name', 'child.sex']);

    // then
    expect(kept).toEqual({
      mother: { idNumber: '330106199608150244', name: '王芳' },
      child: { name: '陈思远' },
    });
  });
});
