import { randomUUID } from 'node:crypto';
import { demoPeople } from '@onething/registries';
import { sealApplicationData } from '../../src/modules/applications/application-data.ts';
import {
  ApplicationSchema,
  type ApplicationStatus,
} from '../../src/modules/applications/application.entity.ts';
import type { PersonalDataCipher } from '../../src/modules/people/personal-data-cipher.ts';
import { UserTaskSchema } from '../../src/modules/tasks/user-task.entity.ts';
import { UserSchema } from '../../src/modules/users/user.entity.ts';
import type { Orm } from '../../src/orm.ts';

/** The unemployment bundle's services are all hr's: hr1 sees its applications, civil1 does not. */
const BUNDLE = 'unemployment';
const SERVICES = ['unemploymentRegistration', 'unemploymentBenefit', 'medicalInsuranceContinuation'];

export interface Seeder {
  /** An application stored as submission leaves it (no process instance), owned by a demo account. */
  application(options?: { owner?: string; status?: ApplicationStatus }): Promise<string>;
  /** An open task row for the groups (a job key the engine does not know), optionally of an application. */
  task(options: {
    candidateGroups: string[];
    applicationId?: string;
    assignee?: string;
    variables?: Record<string, unknown>;
    dueDate?: Date;
  }): Promise<string>;
  /** The account's id. */
  userId(username: string): Promise<string>;
}

let jobKeys = 9_000_000_000_000;

/** Writes seed rows straight through the ORM: the matrix tests who may call a route, not how data comes to be. */
export function createSeeder(orm: Orm, personalData: PersonalDataCipher): Seeder {
  const userId = async (username: string): Promise<string> => {
    const user = await orm.em.fork().findOne(UserSchema, { username });
    if (user === null) throw new Error(`no account ${username}`);
    return user.id;
  };
  return {
    userId,
    application: async ({ owner = 'citizen1', status = 'submitted' } = {}) => {
      const id = randomUUID();
      const now = new Date();
      const data = {
        applicant: {
          idNumber: demoPeople.CITIZEN1.idNumber,
          name: demoPeople.CITIZEN1.name,
          mobile: '13812345678',
        },
      };
      await orm.em.fork().insert(ApplicationSchema, {
        id,
        bundleKey: BUNDLE,
        // The first published version: the test apps publish the shipped bundles as version 1.
        bundleVersion: '1',
        applicantId: await userId(owner),
        status,
        services: SERVICES,
        departments: ['hr'],
        ...sealApplicationData(personalData, data),
        idempotencyKey: null,
        processInstanceKey: null,
        outcomes: null,
        submittedAt: now,
        updatedAt: now,
      });
      return id;
    },
    task: async ({ candidateGroups, applicationId, assignee, variables = {}, dueDate }) => {
      const id = randomUUID();
      const now = new Date();
      jobKeys += 1;
      await orm.em.fork().insert(UserTaskSchema, {
        id,
        origin: 'engine',
        jobKey: String(jobKeys),
        processInstanceKey: String(jobKeys),
        bpmnProcessId: 'Process_Seed',
        elementId: 'Task_Seed',
        name: 'seeded task',
        candidateGroups,
        assigneeId: assignee === undefined ? null : await userId(assignee),
        assigneeName: assignee ?? null,
        formKey: null,
        dueDate: dueDate ?? null,
        applicationId: applicationId ?? null,
        bundleKey: applicationId === undefined ? null : BUNDLE,
        state: 'open',
        variablesCipher: personalData.encrypt(JSON.stringify(variables)),
        jobDeadline: new Date(now.getTime() + 86_400_000),
        createdAt: now,
        completedAt: null,
        completedBy: null,
      });
      return id;
    },
  };
}
