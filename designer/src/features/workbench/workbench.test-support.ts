import type { FakeCall } from '../../app/fake-fetch.test-support.ts';

/** The window clerk as `/api/auth/me` returns them (a colleague, u-7, shares the display name). */
export const windowClerk = {
  id: 'u-3',
  username: 'window1',
  displayName: '综窗受理员',
  roles: ['clerk'],
  groups: ['window'],
};

export const bundles = [
  {
    key: 'newborn',
    title: { 'zh-CN': '新生儿出生一件事', en: 'Birth of a child' },
    materials: [{ key: 'household-register', name: { 'zh-CN': '落户户口簿', en: 'Household register' } }],
  },
  { key: 'retirement', title: { 'zh-CN': '退休一件事', en: 'Retirement' }, materials: [] },
];

export function taskSummary(id: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: '综窗受理',
    state: 'open',
    bundleKey: 'newborn',
    applicationId: `a0000000-0000-4000-8000-00000000000${id.slice(-1)}`,
    candidateGroups: ['window'],
    assignee: null,
    assigneeId: null,
    dueDate: '2026-12-04T23:59:59+08:00',
    workingDaysLeft: 4,
    createdAt: '2026-11-29T09:00:00+08:00',
    ...overrides,
  };
}

/** The window's acceptance form, as the newborn bundle has it (shortened). */
export const acceptanceForm = {
  type: 'default',
  id: 'Form_WindowAccept',
  schemaVersion: 19,
  components: [
    {
      type: 'radio',
      id: 'Field_acceptance_decision',
      key: 'acceptance.decision',
      label: '受理结论',
      values: [
        { value: 'accept', label: '受理' },
        { value: 'return', label: '退回补正' },
      ],
      validate: { required: true },
    },
    {
      type: 'textarea',
      id: 'Field_acceptance_comment',
      key: 'acceptance.comment',
      label: '受理意见',
    },
  ],
};

export const signedIn = { status: 200, body: { user: windowClerk } };

/** The task fields that make it the signed-in window clerk's. */
export const assignedToMe = { assignee: windowClerk.displayName, assigneeId: windowClerk.id };

/** Answers the calls every Workbench page makes besides the one under test. */
export function commonRoutes(call: FakeCall) {
  if (call.url === '/api/auth/me') return signedIn;
  if (call.url === '/api/bundles') return { status: 200, body: bundles };
  if (call.url.startsWith('/api/bundles/')) return { status: 200, body: { ...bundles[0], form: {} } };
  return undefined;
}
