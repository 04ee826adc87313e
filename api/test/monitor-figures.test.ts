import { addWorkingDays } from '@onething/processes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleVersionSchema } from '../src/modules/catalogue/bundle-version.entity.ts';
import { withClient } from './support/database.ts';
import { createSeeder, type Seeder } from './support/seeder.ts';
import { signIn, startTestApp, type TestApp } from './support/test-app.ts';

// The Monitor's figures read the api's own data: applications as the window
// and the bridge left them, ratings, the versions the api deployed.

let t: TestApp;
let seeder: Seeder;
let supervisor: string;
beforeAll(async () => {
  t = await startTestApp();
  seeder = createSeeder(t.orm, t.personalData);
  supervisor = await signIn(t.app, 'supervisor1');
});
afterAll(async () => {
  await t?.close();
});

const get = (url: string, cookie = supervisor) => t.app.inject({ method: 'GET', url, headers: { cookie } });

/** Sets columns the window and the bridge write, as they would have. */
async function shape(id: string, columns: Record<string, unknown>): Promise<void> {
  const names = Object.keys(columns);
  const sets = names.map((name, index) => `"${name}" = $${index + 2}`).join(', ');
  await withClient(t.database.url, (client) =>
    client.query(`update app.application set ${sets} where id = $1`, [
      id,
      ...names.map((name) => columns[name]),
    ]),
  );
}

const outcome = (service: string, status: string, settledAt?: string) => ({
  service,
  department: 'hr',
  status,
  ...(settledAt ? { settledAt } : {}),
});

describe('GET /api/monitor/stats', () => {
  it('counts per day, averages durations per bundle and department, and sums the ratings', async () => {
    // given two unemployment applications submitted on 2026-11-02 (Shanghai), one delivered 48 h later
    const done = await seeder.application({ owner: 'citizen1', status: 'completed' });
    const open = await seeder.application({ owner: 'citizen2', status: 'processing' });
    await shape(done, {
      submitted_at: '2026-11-02T02:00:00Z',
      accepted_at: '2026-11-02T04:00:00Z',
      completed_at: '2026-11-04T02:00:00Z',
      outcomes: JSON.stringify([
        outcome('unemploymentRegistration', 'done', '2026-11-02T10:00:00Z'),
        outcome('unemploymentBenefit', 'done', '2026-11-03T04:00:00Z'),
        outcome('medicalInsuranceContinuation', 'not_requested'),
      ]),
    });
    await shape(open, {
      submitted_at: '2026-11-01T17:00:00Z',
      accepted_at: '2026-11-02T04:00:00Z',
      outcomes: JSON.stringify([
        outcome('unemploymentRegistration', 'done', '2026-11-02T10:00:00Z'),
        outcome('unemploymentBenefit', 'pending'),
      ]),
    });
    await t.app.inject({
      method: 'POST',
      url: `/api/applications/${done}/rating`,
      payload: { score: 4 },
      headers: { cookie: await signIn(t.app, 'citizen1') },
    });
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

    // when
    const november = await get('/api/monitor/stats?from=2026-11-01&to=2026-11-04');
    const ratedToday = await get(`/api/monitor/stats?from=${today}&to=${today}`);

    // then
    expect(november.statusCode).toBe(200);
    expect(november.json()).toEqual({
      perDay: [
        { day: '2026-11-01', submitted: 0, completed: 0 },
        { day: '2026-11-02', submitted: 2, completed: 0 },
        { day: '2026-11-03', submitted: 0, completed: 0 },
        { day: '2026-11-04', submitted: 0, completed: 1 },
      ],
      // the hr part of `done` took 24 h from acceptance; `open` is still waiting for a service
      durations: {
        byDepartment: [{ department: 'hr', avgHours: 24, count: 1 }],
        byBundle: [{ bundleKey: 'unemployment', avgHours: 48, count: 1 }],
      },
      // neither was counted at submission (seeded rows)
      prefilledShare: null,
      ratings: { average: null, count: 0, byScore: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } },
    });
    expect(ratedToday.json().ratings).toEqual({
      average: 4,
      count: 1,
      byScore: { 1: 0, 2: 0, 3: 0, 4: 1, 5: 0 },
    });
  });

  it('times each department by when its parts ended per the engine history, automatic parts included', async () => {
    // given applications accepted on 2026-10-12 at 02:00 UTC, whose progress the worker read from the history
    const automatic = await seeder.application({ owner: 'citizen1', status: 'processing' });
    const reviewed = await seeder.application({ owner: 'citizen2', status: 'completed' });
    const unfinished = await seeder.application({ owner: 'citizen1', status: 'processing' });
    const accepted = { submitted_at: '2026-10-12T01:00:00Z', accepted_at: '2026-10-12T02:00:00Z' };
    // an automatic hr part done 6 h after acceptance: no user task followed, so the bridge never saw it
    await shape(automatic, {
      ...accepted,
      progress: JSON.stringify({
        unemploymentRegistration: { status: 'done', department: 'hr', doneAt: '2026-10-12T08:00:00Z' },
      }),
    });
    // hr done after 10 h by the history, though the bridge saw it only 2 days later; tax failed after 4 h
    await shape(reviewed, {
      ...accepted,
      progress: JSON.stringify({
        unemploymentRegistration: { status: 'done', department: 'hr', doneAt: '2026-10-12T12:00:00Z' },
        taxClearance: { status: 'failed', department: 'tax', failedAt: '2026-10-12T06:00:00Z' },
      }),
      outcomes: JSON.stringify([outcome('unemploymentRegistration', 'done', '2026-10-14T02:00:00Z')]),
    });
    // one hr part done, the other still in progress: hr has not finished
    await shape(unfinished, {
      ...accepted,
      progress: JSON.stringify({
        unemploymentRegistration: { status: 'done', department: 'hr', doneAt: '2026-10-12T03:00:00Z' },
        unemploymentBenefit: { status: 'in_progress', department: 'hr', startedAt: '2026-10-12T02:00:00Z' },
      }),
    });

    // when
    const response = await get('/api/monitor/stats?from=2026-10-12&to=2026-10-13');

    // then
    expect(response.statusCode).toBe(200);
    expect(response.json().durations.byDepartment).toEqual([
      { department: 'hr', avgHours: 8, count: 2 },
      { department: 'tax', avgHours: 4, count: 1 },
    ]);
  });

  it('gives the prefilled share over the fields of the applications that counted them', async () => {
    // given three applications submitted on 2026-10-05: two counted, one from before counting
    const counted = await seeder.application({ owner: 'citizen1' });
    const unprefilled = await seeder.application({ owner: 'citizen2' });
    const uncounted = await seeder.application({ owner: 'citizen1' });
    await shape(counted, { submitted_at: '2026-10-05T02:00:00Z', filled_fields: 4, prefilled_fields: 3 });
    await shape(unprefilled, { submitted_at: '2026-10-05T03:00:00Z', filled_fields: 6, prefilled_fields: 0 });
    await shape(uncounted, { submitted_at: '2026-10-05T04:00:00Z' });

    // when
    const response = await get('/api/monitor/stats?from=2026-10-05&to=2026-10-05');

    // then 3 of 10 filled fields, not the mean of the applications' shares
    expect(response.statusCode).toBe(200);
    expect(response.json().prefilledShare).toBeCloseTo(0.3, 10);
  });

  it('refuses a range that ends before it starts', async () => {
    const response = await get('/api/monitor/stats?from=2026-11-05&to=2026-11-01');

    expect(response.statusCode).toBe(400);
  });

  it('is for supervisors and administrators', async () => {
    const response = await get('/api/monitor/stats', await signIn(t.app, 'hr1'));

    expect(response.statusCode).toBe(403);
  });
});

describe('GET /api/monitor/breaches', () => {
  it('lists services in progress that are overdue or due within a working day, most urgent first', async () => {
    // given an application whose hr part ran out yesterday, with one of its services already done
    const now = new Date();
    const late = await seeder.application({ owner: 'citizen1', status: 'processing' });
    await shape(late, {
      accepted_at: new Date(now.getTime() - 5 * 86_400_000).toISOString(),
      due_dates: JSON.stringify({
        dueAt: addWorkingDays(now, 5),
        parts: { hr: { dueAt: new Date(now.getTime() - 86_400_000).toISOString() } },
      }),
      outcomes: JSON.stringify([outcome('unemploymentRegistration', 'done', now.toISOString())]),
    });
    // and one due at the end of today, and one with time to spare
    const dueToday = await seeder.application({ owner: 'citizen1', status: 'processing' });
    await shape(dueToday, {
      accepted_at: now.toISOString(),
      due_dates: JSON.stringify({
        dueAt: addWorkingDays(now, 5),
        parts: { hr: { dueAt: addWorkingDays(now, 0) } },
      }),
    });
    const relaxed = await seeder.application({ owner: 'citizen1', status: 'processing' });
    await shape(relaxed, {
      accepted_at: now.toISOString(),
      due_dates: JSON.stringify({
        dueAt: addWorkingDays(now, 9),
        parts: { hr: { dueAt: addWorkingDays(now, 8) } },
      }),
    });

    // when
    const response = await get('/api/monitor/breaches');

    // then
    expect(response.statusCode).toBe(200);
    const breaches: { applicationId: string; service: string; state: string; workingDaysLeft: number }[] =
      response.json();
    expect(breaches.filter((breach) => breach.applicationId === late)).toEqual([
      expect.objectContaining({ service: 'unemploymentBenefit', department: 'hr', state: 'overdue' }),
      expect.objectContaining({ service: 'medicalInsuranceContinuation', state: 'overdue' }),
    ]);
    expect(breaches.filter((breach) => breach.applicationId === dueToday)).toHaveLength(3);
    expect(breaches.find((breach) => breach.applicationId === dueToday)).toMatchObject({
      state: 'warning',
      workingDaysLeft: 0,
    });
    expect(breaches.filter((breach) => breach.applicationId === relaxed)).toEqual([]);
    expect(breaches.findIndex((b) => b.applicationId === late)).toBeLessThan(
      breaches.findIndex((b) => b.applicationId === dueToday),
    );
  });
});

describe('GET /api/monitor/processes/:processDefinitionKey/xml', () => {
  it('answers the BPMN the api deployed for that version, and 404 for a key it did not deploy', async () => {
    // given
    const bpmn = '<?xml version="1.0"?><bpmn:definitions id="Definitions_Test"/>';
    await t.orm.em.fork().insert(BundleVersionSchema, {
      bundleKey: 'unemployment',
      number: 99,
      bpmn,
      forms: {},
      manifest: {},
      bpmnProcessId: 'onething-unemployment',
      processDefinitionKey: '2251799813685999',
      engineVersion: 99,
      source: 'studio',
      publishedBy: 'designer1',
      publishedAt: new Date(),
    });

    // when
    const found = await get('/api/monitor/processes/2251799813685999/xml');
    const missing = await get('/api/monitor/processes/1/xml');

    // then
    expect(found.statusCode).toBe(200);
    expect(found.headers['content-type']).toContain('application/xml');
    expect(found.body).toBe(bpmn);
    expect(missing.statusCode).toBe(404);
  });
});
