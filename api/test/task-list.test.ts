import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestApp, type TestApp } from './support/test-app.ts';
import { withClient } from './support/database.ts';

let t: TestApp;
let clerk: string;

beforeAll(async () => {
  t = await startTestApp();
  clerk = await signIn(t.app, 'hr1');
  // 7 open and 5 completed hr tasks a minute apart, and 3 open civil tasks hr1 must not see.
  await withClient(t.database.url, (client) =>
    client.query(
      `insert into app.user_task (id, job_key, process_instance_key, bpmn_process_id, element_id, name,
          candidate_groups, state, variables_cipher, job_deadline, created_at, completed_at)
       select gen_random_uuid(), 'job-' || g, g::text, 'onething-newborn', 'Task_' || g, 'task ' || g,
          case when g > 12 then '{civil}'::text[] else '{hr}'::text[] end,
          case when g between 8 and 12 then 'completed' else 'open' end,
          'x', now() + interval '1 day',
          timestamptz '2026-11-01T00:00:00Z' + make_interval(mins => g),
          case when g between 8 and 12 then timestamptz '2026-11-02T00:00:00Z' + make_interval(mins => g) end
       from generate_series(1, 15) g`,
    ),
  );
}, 60_000);
afterAll(async () => {
  await t?.close();
});

async function page(query: string): Promise<{ names: string[]; next: string | undefined }> {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/tasks?${query}`,
    headers: { cookie: clerk },
  });
  expect(response.statusCode).toBe(200);
  const next = response.headers['x-next-cursor'];
  return {
    names: response.json().map((task: { name: string }) => task.name),
    next: typeof next === 'string' ? next : undefined,
  };
}

describe('GET /api/tasks a page at a time', () => {
  it('returns every open task of the clerk’s groups, oldest first, when no limit is given', async () => {
    const { names, next } = await page('state=open');
    expect(names).toEqual(['task 1', 'task 2', 'task 3', 'task 4', 'task 5', 'task 6', 'task 7']);
    expect(next).toBeUndefined();
  });

  it('pages through open tasks with limit and the x-next-cursor header, each task once', async () => {
    // when
    const first = await page('state=open&limit=3');
    const second = await page(`state=open&limit=3&cursor=${first.next ?? ''}`);
    const third = await page(`state=open&limit=3&cursor=${second.next ?? ''}`);

    // then
    expect([...first.names, ...second.names, ...third.names]).toEqual([
      'task 1',
      'task 2',
      'task 3',
      'task 4',
      'task 5',
      'task 6',
      'task 7',
    ]);
    expect(third.next).toBeUndefined();
  });

  it('pages through completed tasks newest first', async () => {
    const first = await page('state=done&limit=2');
    const rest = await page(`state=done&limit=10&cursor=${first.next ?? ''}`);
    expect([...first.names, ...rest.names]).toEqual(['task 12', 'task 11', 'task 10', 'task 9', 'task 8']);
  });

  it('answers a cursor it did not give with 400', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/tasks?state=open&cursor=bm90LWEtY3Vyc29y',
      headers: { cookie: clerk },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { cursor: expect.any(String) },
    });
  });
});
