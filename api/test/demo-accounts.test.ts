import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoAccounts } from '../src/modules/users/demo-accounts.ts';
import { isValidResidentId } from '../src/modules/people/resident-id.ts';
import { UserSchema } from '../src/modules/users/user.entity.ts';
import { withClient } from './support/database.ts';
import { startTestApp, type TestApp } from './support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('seeding the demo accounts', () => {
  it('creates nothing the second time', async () => {
    // when (startTestApp seeded once already)
    const created = await seedDemoAccounts(t.orm.em.fork(), t.personalData);

    // then
    expect(created).toEqual([]);
    expect(await t.orm.em.fork().count(UserSchema, {})).toBe(10);
  });

  it('stores citizens resident ID numbers only encrypted, with a lookup hash', async () => {
    // given
    const citizen = await t.orm.em.fork().findOneOrFail(UserSchema, { username: 'citizen1' });

    // then
    const idNumber = t.personalData.decrypt(citizen.idNumberCipher ?? '');
    expect(idNumber !== undefined && isValidResidentId(idNumber)).toBe(true);
    expect(citizen.idNumberHash).toBe(t.personalData.hash(idNumber ?? ''));
    const raw = await withClient(t.database.url, (client) =>
      client.query("select row_to_json(u)::text as row from app.user_account u where username = 'citizen1'"),
    );
    expect(raw.rows[0].row).not.toContain(idNumber);
    expect(raw.rows[0].row).not.toContain('"demo"');
  });

  it('gives staff their roles and groups', async () => {
    const hr = await t.orm.em.fork().findOneOrFail(UserSchema, { username: 'hr1' });
    expect(hr.roles).toEqual(['clerk']);
    expect(hr.groups).toEqual(['hr']);
  });
});
