import { describe, expect, it } from 'vitest';
import { userTaskJobFields } from './user-task-job.ts';

describe('userTaskJobFields', () => {
  it('reads the reserved headers and the application of a window task', () => {
    // when
    const fields = userTaskJobFields(
      {
        'io.camunda.zeebe:formKey': 'onething:form:newborn/window-accept',
        'io.camunda.zeebe:candidateGroups': '["window"]',
        'io.camunda.zeebe:dueDate': '2026-10-13T23:59:59+08:00',
      },
      { applicationId: '6f1c1f5e-0d7a-4b8e-9a51-2f0f7e1f6a10', bundleKey: 'newborn' },
    );

    // then
    expect(fields).toEqual({
      formKey: 'onething:form:newborn/window-accept',
      candidateGroups: ['window'],
      assignee: null,
      dueDate: new Date('2026-10-13T15:59:59Z'),
      applicationId: '6f1c1f5e-0d7a-4b8e-9a51-2f0f7e1f6a10',
      bundleKey: 'newborn',
    });
  });

  it('ignores an application id that is not a uuid and an unreadable due date', () => {
    const fields = userTaskJobFields(
      { 'io.camunda.zeebe:candidateGroups': 'hr, tax', 'io.camunda.zeebe:dueDate': 'tomorrow' },
      { applicationId: "1' or '1'='1" },
    );
    expect(fields).toMatchObject({ candidateGroups: ['hr', 'tax'], dueDate: null, applicationId: null });
  });
});
