import { describe, expect, it } from 'vitest';
import { newbornLikeForm } from './newborn-form.test-support.ts';
import { buildSteps, nextStepId, previousStepId, stepIndex, stepOfPath } from './wizard-steps.ts';

describe('buildSteps', () => {
  it('asks for the applicant first, then each section that asks something, then materials and the review', () => {
    // when
    const steps = buildSteps(newbornLikeForm(), true);

    // then
    expect(steps.map((step) => step.id)).toEqual([
      'applicant',
      'section-Group_shared',
      'section-Group_health',
      'section-Group_tax',
      'materials',
      'review',
    ]);
    expect(steps[0]?.paths).toEqual(['applicant.idNumber', 'applicant.name', 'applicant.mobile']);
    expect(steps[1]?.paths).toEqual(['mother.name', 'child.name']);
    expect(steps[3]?.paths).toEqual(['infantCare.claimant', 'children']);
  });

  it('moves the applicant fields out of their section, so nothing is asked twice', () => {
    // when
    const shared = buildSteps(newbornLikeForm(), true).find((step) => step.id === 'section-Group_shared');

    // then
    const keys = JSON.stringify(shared?.schema);
    expect(keys).not.toContain('applicant.');
    expect(shared?.title).toEqual({ 'zh-CN': '共同信息', en: 'Shared information' });
  });

  it('leaves out the materials step when the bundle lists no materials', () => {
    // when
    const steps = buildSteps(newbornLikeForm(), false);

    // then
    expect(steps.map((step) => step.kind)).toEqual(['applicant', 'section', 'section', 'section', 'review']);
  });
});

describe('step navigation', () => {
  const steps = buildSteps(newbornLikeForm(), true);

  it('goes forward and back one step and stops at both ends', () => {
    expect(nextStepId(steps, 'applicant')).toBe('section-Group_shared');
    expect(nextStepId(steps, 'review')).toBe('review');
    expect(previousStepId(steps, 'materials')).toBe('section-Group_tax');
    expect(previousStepId(steps, 'applicant')).toBe('applicant');
  });

  it('starts at the first step when a saved step no longer exists', () => {
    expect(stepIndex(steps, 'section-Group_gone')).toBe(0);
    expect(stepIndex(steps, null)).toBe(0);
    expect(stepIndex(steps, 'materials')).toBe(4);
  });

  it('finds the step that asks for a value path, list items included', () => {
    expect(stepOfPath(steps, 'applicant.mobile')?.id).toBe('applicant');
    expect(stepOfPath(steps, 'child.birthPlace')?.id).toBe('section-Group_health');
    expect(stepOfPath(steps, 'children[1].name')?.id).toBe('section-Group_tax');
    expect(stepOfPath(steps, 'unknown.key')).toBeUndefined();
  });
});
