import { describe, expect, it } from 'vitest';
import { placeFieldErrors, viewerErrors } from './field-errors.ts';
import { newbornLikeForm } from './newborn-form.test-support.ts';
import { buildSteps } from './wizard-steps.ts';

describe('placeFieldErrors', () => {
  const steps = buildSteps(newbornLikeForm(), true);

  it('puts each server error on the step and the field that asked for it, in step order', () => {
    // when
    const placed = placeFieldErrors(steps, {
      'infantCare.claimant': '请选择申报人',
      'applicant.mobile': '请输入11位手机号码',
      'child.birthPlace': '此项为必填项',
    });

    // then
    expect(placed).toEqual([
      {
        path: 'applicant.mobile',
        message: '请输入11位手机号码',
        stepId: 'applicant',
        fieldId: 'Field_applicant_mobile',
        index: null,
      },
      {
        path: 'child.birthPlace',
        message: '此项为必填项',
        stepId: 'section-Group_health',
        fieldId: 'Field_child_birthPlace',
        index: null,
      },
      {
        path: 'infantCare.claimant',
        message: '请选择申报人',
        stepId: 'section-Group_tax',
        fieldId: 'Field_infantCare_claimant',
        index: null,
      },
    ]);
  });

  it('places an error of a list item on the item field with its index', () => {
    // when
    const [placed] = placeFieldErrors(steps, { 'children[1].name': '此项为必填项' });

    // then
    expect(placed).toMatchObject({ stepId: 'section-Group_tax', fieldId: 'Field_children_name', index: 1 });
  });

  it('keeps an error for a key the form does not have, last and without a step', () => {
    // when
    const placed = placeFieldErrors(steps, {
      'spouse.idNumber': '配偶信息不一致',
      'applicant.name': '不能为空',
    });

    // then
    expect(placed.map((error) => [error.path, error.stepId, error.fieldId])).toEqual([
      ['applicant.name', 'applicant', 'Field_applicant_name'],
      ['spouse.idNumber', null, null],
    ]);
  });
});

describe('viewerErrors', () => {
  it('builds the form-js errors state: messages by field id, list items by index', () => {
    // given
    const steps = buildSteps(newbornLikeForm(), true);
    const placed = placeFieldErrors(steps, {
      'infantCare.claimant': '请选择申报人',
      'children[1].name': '此项为必填项',
      'nowhere.key': '未知',
    });

    // when
    const errors = viewerErrors(placed);

    // then
    expect(errors).toEqual({
      Field_infantCare_claimant: ['请选择申报人'],
      Field_children_name: [undefined, ['此项为必填项']],
    });
  });
});
