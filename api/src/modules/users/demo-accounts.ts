import { randomUUID } from 'node:crypto';
import { demoPeople } from '@onething/registries';
import type { EntityManager } from '@mikro-orm/postgresql';
import { hashPassword } from '../auth/passwords.ts';
import type { PersonalDataCipher } from '../people/personal-data-cipher.ts';
import type { Group, Role } from './roles.ts';
import { UserSchema } from './user.entity.ts';

export const DEMO_PASSWORD = 'demo';

interface DemoAccount {
  username: string;
  displayName: string;
  roles: Role[];
  groups: Group[];
  /** The citizen's resident ID number: the same person the sandbox registries know. */
  idNumber?: string;
}

/** The demo accounts of DESIGN.md; seeded on the embedded default only (see config.ts). */
export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  // The demo citizens are the registries' demo people, so that prefill and the
  // registry connectors find them: citizen1 a young mother, citizen2 near retirement.
  {
    username: 'citizen1',
    displayName: demoPeople.CITIZEN1.name,
    roles: ['citizen'],
    groups: [],
    idNumber: demoPeople.CITIZEN1.idNumber,
  },
  {
    username: 'citizen2',
    displayName: demoPeople.CITIZEN2.name,
    roles: ['citizen'],
    groups: [],
    idNumber: demoPeople.CITIZEN2.idNumber,
  },
  { username: 'window1', displayName: '综窗受理员 (window clerk)', roles: ['clerk'], groups: ['window'] },
  { username: 'hr1', displayName: '人社经办员 (HR clerk)', roles: ['clerk'], groups: ['hr'] },
  { username: 'tax1', displayName: '税务经办员 (tax clerk)', roles: ['clerk'], groups: ['tax'] },
  { username: 'health1', displayName: '卫健经办员 (health clerk)', roles: ['clerk'], groups: ['health'] },
  { username: 'civil1', displayName: '民政户籍经办员 (civil clerk)', roles: ['clerk'], groups: ['civil'] },
  { username: 'designer1', displayName: '流程设计员 (designer)', roles: ['designer'], groups: [] },
  {
    username: 'supervisor1',
    displayName: '监督员 (supervisor)',
    roles: ['supervisor'],
    groups: ['supervisor'],
  },
  { username: 'admin', displayName: '系统管理员 (administrator)', roles: ['admin'], groups: [] },
];

/** Creates the demo accounts that do not exist yet; existing accounts are left as they are. */
export async function seedDemoAccounts(
  em: EntityManager,
  cipher: PersonalDataCipher,
  now = new Date(),
): Promise<string[]> {
  const existing = new Set(
    (
      await em.find(
        UserSchema,
        { username: { $in: DEMO_ACCOUNTS.map((a) => a.username) } },
        { fields: ['username'] },
      )
    ).map((user) => user.username),
  );
  const created: string[] = [];
  for (const account of DEMO_ACCOUNTS) {
    if (existing.has(account.username)) continue;
    const idNumber = account.idNumber;
    await em.insert(UserSchema, {
      id: randomUUID(),
      username: account.username,
      displayName: account.displayName,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      roles: account.roles,
      groups: account.groups,
      ...(idNumber === undefined
        ? {}
        : { idNumberCipher: cipher.encrypt(idNumber), idNumberHash: cipher.hash(idNumber) }),
      createdAt: now,
    });
    created.push(account.username);
  }
  return created;
}
