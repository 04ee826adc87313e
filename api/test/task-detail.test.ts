import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '@onething/processes';
import { withClient } from './support/database.ts';
import { FATHER_ID, MOTHER_ID, newbornData } from './support/newborn-application.ts';
import { createSeeder, type Seeder } from './support/seeder.ts';
import { signIn, startTestApp, type TestApp } from './support/test-app.ts';

// What a clerk's task shows of an application, and that reading it is on the record.

const DAY = 86_400_000;

let t: TestApp;
let seed: Seeder;
beforeAll(async () => {
  t = await startTestApp();
  seed = createSeeder(t.orm, t.personalData);
});
afterAll(async () => {
  await t?.close();
});

/** A task of the group on citizen1's application, carrying the newborn application's data. */
async function newbornTask(group: string): Promise<{ taskId: string; applicationId: string }> {
  const applicationId = await seed.application();
  const taskId = await seed.task({ candidateGroups: [group], applicationId, variables: newbornData() });
  return { taskId, applicationId };
}

async function readTask(username: string, taskId: string) {
  const response = await t.app.inject({
    method: 'GET',
    url: `/api/tasks/${taskId}`,
    headers: { cookie: await signIn(t.app, username) },
  });
  expect(response.statusCode).toBe(200);
  return response.json();
}

describe('a clerk reading a task', () => {
  it('is a staff read in the citizen’s data-access log, naming the fields the clerk saw', async () => {
    // given
    const { taskId, applicationId } = await newbornTask('health');

    // when
    await readTask('health1', taskId);
    const log = await t.app.inject({
      method: 'GET',
      url: '/api/me/data-access',
      headers: { cookie: await signIn(t.app, 'citizen1') },
    });

    // then the citizen sees who read which fields
    const stored = await withClient(t.database.url, (client) =>
      client.query<{ id: string }>(
        "select id from app.data_access_event where kind = 'staff-read' and target = $1",
        [applicationId],
      ),
    );
    expect(stored.rows).toHaveLength(1);
    const read = log
      .json()
      .find((entry: { id: string | number }) => String(entry.id) === String(stored.rows[0]?.id));
    expect(read).toMatchObject({
      kind: 'staff-read',
      actor: '卫健经办员 (health clerk)',
      subject: 'applicant',
    });
    expect(read.fields).toEqual(expect.arrayContaining(['mother.idNumber', 'child.name']));
    // health is not shown the tax deduction or the bank, so neither is said to have been read
    expect(read.fields).not.toContain('infantCare.claimant');
    expect(read.fields).not.toContain('socialSecurityCard.bank');
  });

  it('is audited with the record, the field groups and whose ID numbers were shown in full', async () => {
    // given
    const { taskId, applicationId } = await newbornTask('civil');

    // when
    await readTask('civil1', taskId);

    // then
    const entries = await withClient(t.database.url, (client) =>
      client.query<{ actor_name: string; details: Record<string, unknown> }>(
        "select actor_name, details from app.audit_event where action = 'task.read' and target = $1",
        [taskId],
      ),
    );
    expect(entries.rows).toHaveLength(1);
    expect(entries.rows[0]).toMatchObject({
      actor_name: 'civil1',
      details: { applicationId, fullIdNumbers: ['applicant', 'mother', 'father'] },
    });
    expect(entries.rows[0]?.details.fieldGroups).toEqual(
      expect.arrayContaining(['applicant', 'mother', 'father', 'child', 'household']),
    );
  });
});

describe('ID numbers in a task', () => {
  it('are masked for a health clerk, who certifies the birth on the medical facts', async () => {
    // given
    const { taskId } = await newbornTask('health');

    // when
    const task = await readTask('health1', taskId);

    // then
    expect(task.data.mother).toMatchObject({
      idNumber: `${MOTHER_ID.slice(0, 6)}********${MOTHER_ID.slice(14)}`,
    });
    expect(task.data.father).toMatchObject({
      idNumber: `${FATHER_ID.slice(0, 6)}********${FATHER_ID.slice(14)}`,
    });
    expect(task.data.child).toMatchObject({ name: '陈思远' });
  });

  it('are shown in full to a civil clerk, who registers the child into the parents’ household', async () => {
    // given
    const { taskId } = await newbornTask('civil');

    // when
    const task = await readTask('civil1', taskId);

    // then
    expect(task.data.mother.idNumber).toBe(MOTHER_ID);
    expect(task.data.father.idNumber).toBe(FATHER_ID);
  });
});

describe('task summaries', () => {
  it('carry the assignee’s id and the working days left, in the list and the detail', async () => {
    // given a task civil1 took, due three working days from now, and one without a due date
    const due = new Date(addWorkingDays(new Date(), 3));
    const applicationId = await seed.application();
    const taken = await seed.task({
      candidateGroups: ['civil'],
      applicationId,
      assignee: 'civil1',
      dueDate: due,
    });
    const undated = await seed.task({ candidateGroups: ['civil'] });
    const cookie = await signIn(t.app, 'civil1');

    // when
    const mine = await t.app.inject({ method: 'GET', url: '/api/tasks?state=mine', headers: { cookie } });
    const open = await t.app.inject({ method: 'GET', url: '/api/tasks?state=open', headers: { cookie } });
    const detail = await readTask('civil1', taken);

    // then
    const civil1 = await seed.userId('civil1');
    const expected = {
      id: taken,
      assigneeId: civil1,
      assignee: 'civil1',
      dueDate: due.toISOString(),
      workingDaysLeft: 3,
    };
    expect(mine.json()).toEqual([expect.objectContaining(expected)]);
    expect(detail).toMatchObject(expected);
    expect(open.json()).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: undated, assigneeId: null, dueDate: null, workingDaysLeft: null }),
      ]),
    );
  });

  it('count a due day that has passed as negative working days', async () => {
    // given a task due fourteen days ago, and the working days since on the calendar
    const now = new Date();
    const due = new Date(now.getTime() - 14 * DAY);
    const since = Array.from({ length: 14 }, (_, i) => new Date(now.getTime() - i * DAY)).filter((day) =>
      isWorkingDay(day),
    ).length;
    const taskId = await seed.task({ candidateGroups: ['tax'], dueDate: due });

    // when
    const task = await readTask('tax1', taskId);

    // then
    expect(since).toBeGreaterThan(0);
    expect(task.workingDaysLeft).toBe(-since);
  });
});
