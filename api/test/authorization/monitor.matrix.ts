import { defineMatrix, signedInGets } from './matrix.ts';

const supervisors = { supervisor: 200, admin: 200 };

/** The Monitor is for supervisors and administrators only. */
export const matrix = defineMatrix({
  seed: async ({ zeebe }) => {
    const instance = await zeebe.createProcessInstance({ bpmnProcessId: 'onething-newborn', variables: {} });
    return { instanceKey: String(instance.processInstanceKey) };
  },
  rows: [
    { route: 'GET /api/monitor/instances', expect: signedInGets(403, supervisors) },
    {
      route: 'GET /api/monitor/instances/:key',
      request: (seed) => ({ url: `/api/monitor/instances/${seed.instanceKey}` }),
      expect: signedInGets(403, supervisors),
    },
    {
      route: 'GET /api/monitor/incidents',
      request: () => ({ url: '/api/monitor/incidents?state=ACTIVE' }),
      expect: signedInGets(403, supervisors),
    },
    { route: 'GET /api/monitor/stats', expect: signedInGets(403, supervisors) },
    { route: 'GET /api/monitor/breaches', expect: signedInGets(403, supervisors) },
    {
      // No version deployed under this key: the callers who may read get through to that (404).
      route: 'GET /api/monitor/processes/:processDefinitionKey/xml',
      request: () => ({ url: '/api/monitor/processes/1/xml' }),
      expect: signedInGets(403, { supervisor: 404, admin: 404 }),
    },
    {
      // No such incident: the callers who may resolve get through to that (404).
      route: 'POST /api/monitor/incidents/:key/resolve',
      request: () => ({ url: '/api/monitor/incidents/1/resolve' }),
      expect: signedInGets(403, { supervisor: 404, admin: 404 }),
    },
    { route: 'GET /api/monitor/progress-failures', expect: signedInGets(403, supervisors) },
    {
      // No failure for this application: the callers who may retry get through to that (404).
      route: 'POST /api/monitor/progress-failures/:applicationId/retry',
      request: () => ({ url: '/api/monitor/progress-failures/00000000-0000-4000-8000-000000000000/retry' }),
      expect: signedInGets(403, { supervisor: 404, admin: 404 }),
    },
  ],
});
