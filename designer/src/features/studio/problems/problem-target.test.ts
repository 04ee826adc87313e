import { describe, expect, it } from 'vitest';
import { formKeys, problemTarget, type ProblemContext } from './problem-target.ts';

const context: ProblemContext = {
  elementIds: new Set(['Task_WindowAccept', 'Gateway_AcceptDecision']),
  forms: {
    'forms/birth-certificate.form': {
      components: [
        { type: 'textfield', key: 'childName' },
        { type: 'group', path: 'mother', components: [{ type: 'textfield', key: 'idNumber' }] },
      ],
    },
    'forms/medical-insurance.form': { components: [{ type: 'select', key: 'insuranceCity' }] },
  },
};

describe('publish problem targets', () => {
  it('selects the element a lint or deploy problem names', () => {
    // given
    const problem = { source: 'lint' as const, elementId: 'Task_WindowAccept', message: 'no form' };

    // when
    const target = problemTarget(problem, context);

    // then
    expect(target).toEqual({ kind: 'element', elementId: 'Task_WindowAccept' });
  });

  it('opens the form a form problem names, by path or by form name', () => {
    // given
    const byPath = { source: 'form' as const, formPath: 'forms/medical-insurance.form', message: 'x' };
    const byName = {
      source: 'form' as const,
      formPath: 'birth-certificate',
      fieldKey: 'childName',
      message: 'x',
    };

    // when
    const targets = [problemTarget(byPath, context), problemTarget(byName, context)];

    // then
    expect(targets).toEqual([
      { kind: 'form', formPath: 'forms/medical-insurance.form' },
      { kind: 'form', formPath: 'forms/birth-certificate.form', fieldKey: 'childName' },
    ]);
  });

  it('finds the form that asks a field key when the problem names only the key', () => {
    // given
    const problem = {
      source: 'form' as const,
      fieldKey: 'mother.idNumber',
      message: 'not in the dictionary',
    };

    // when
    const target = problemTarget(problem, context);

    // then
    expect(target).toEqual({
      kind: 'form',
      formPath: 'forms/birth-certificate.form',
      fieldKey: 'mother.idNumber',
    });
  });

  it('points nowhere for an element the diagram no longer has', () => {
    // given
    const problem = { source: 'deploy' as const, elementId: 'Task_Deleted', message: 'unsupported' };

    // when
    const target = problemTarget(problem, context);

    // then
    expect(target).toEqual({ kind: 'none' });
  });

  it('lists a form’s keys with their group paths', () => {
    // when
    const keys = formKeys(context.forms['forms/birth-certificate.form']);

    // then
    expect(keys).toEqual(['childName', 'mother.idNumber']);
  });
});
