import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import {
  createPersonalDataCipher,
  type PersonalDataCipher,
} from '../src/modules/people/personal-data-cipher.ts';

export interface BenchPlatform {
  /** `http://127.0.0.1:<port>` of the api. */
  baseUrl: string;
  /** The platform's database (its PostgreSQL also hosts the progress figure's own database). */
  databaseUrl: string;
  /** The cipher of the platform's secret key (to write realistic task rows). */
  personalData: PersonalDataCipher;
  /** Creates citizen accounts (password `demo`) and signs each in; returns their Cookie headers. */
  signedInCitizens(count: number): Promise<string[]>;
  signIn(username: string): Promise<string>;
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  stop(): Promise<void>;
}

interface Ready {
  baseUrl: string;
  databaseUrl: string;
  secretKeyHex: string;
}

/** Starts platform-process.ts as a child process and talks to it over HTTP and its database. */
export async function startBenchPlatform(): Promise<BenchPlatform> {
  // Node itself with tsx as a loader, not the tsx CLI: the CLI is a wrapper process that
  // SIGTERM would stop without the platform (and its PostgreSQL) ever stopping.
  const script = fileURLToPath(new URL('./platform-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit');
  const lines = createInterface({ input: child.stdout });
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => String(line)),
    exited.then(([code]) => {
      throw new Error(`the platform process exited with ${String(code)} before it was ready`);
    }),
  ]);
  const ready = parseReady(first);
  const db = new pg.Pool({ connectionString: ready.databaseUrl, max: 4 });
  const query = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) =>
    (await db.query<T>(sql, params)).rows;
  let addresses = 0;
  const signIn = (username: string) => {
    addresses += 1;
    return signInAs(ready.baseUrl, username, `10.77.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`);
  };
  return {
    baseUrl: ready.baseUrl,
    databaseUrl: ready.databaseUrl,
    personalData: createPersonalDataCipher(Buffer.from(ready.secretKeyHex, 'hex')),
    query,
    signIn,
    async signedInCitizens(count) {
      const usernames = Array.from({ length: count }, (_, i) => `bench-citizen-${i + 1}`);
      await query(
        `insert into app.user_account (id, username, display_name, password_hash, roles, groups, created_at)
         select gen_random_uuid(), u, u, $1, '{citizen}', '{}', now() from unnest($2::text[]) u
         on conflict (username) do nothing`,
        [await hashPassword('demo'), usernames],
      );
      return Promise.all(usernames.map(signIn));
    },
    async stop() {
      await db.end();
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function parseReady(line: string): Ready {
  const value: unknown = JSON.parse(line);
  if (
    typeof value === 'object' &&
    value !== null &&
    'baseUrl' in value &&
    typeof value.baseUrl === 'string' &&
    'databaseUrl' in value &&
    typeof value.databaseUrl === 'string' &&
    'secretKeyHex' in value &&
    typeof value.secretKeyHex === 'string'
  ) {
    return { baseUrl: value.baseUrl, databaseUrl: value.databaseUrl, secretKeyHex: value.secretKeyHex };
  }
  throw new Error(`the platform process said: ${line}`);
}

async function signInAs(baseUrl: string, username: string, address: string): Promise<string> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ username, password: 'demo' }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('onething_session='));
  if (response.status !== 200 || cookie === undefined)
    throw new Error(`sign-in as ${username} failed: ${response.status} ${await response.text()}`);
  return cookie.split(';')[0] ?? '';
}
