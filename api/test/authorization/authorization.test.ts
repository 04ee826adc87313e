import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startProcessTestApp, type ProcessTestApp } from '../support/process-app.ts';
import {
  ACTOR_ACCOUNTS,
  ACTORS,
  AuthorizationMatrix,
  type Actor,
  type MatrixRequest,
  type ResolvedRow,
  type SeedContext,
} from './matrix.ts';
import { createSeeder } from '../support/seeder.ts';

// The requirement: every route of the app is called by every kind of
// caller, against a table of who may do what (the *.matrix.ts files beside
// this one, one per module). A route missing from the tables fails the test.

const here = dirname(fileURLToPath(import.meta.url));
let t: ProcessTestApp;
let spaRoot: string;
let materialsDir: string | undefined;
let rows: ResolvedRow[];
const sessions = new Map<Actor, string | undefined>();

beforeAll(async () => {
  // A built SPA, so that its routes (`/*`) are registered and described too.
  spaRoot = await mkdtemp(join(tmpdir(), 'onething-matrix-spa-'));
  await mkdir(join(spaRoot, 'assets'));
  await writeFile(join(spaRoot, 'index.html'), '<!doctype html><title>OneThing</title>');
  await writeFile(join(spaRoot, 'assets', 'app.js'), 'console.log("spa")');
  materialsDir = await mkdtemp(join(tmpdir(), 'onething-matrix-materials-'));
  t = await startProcessTestApp(['newborn', 'unemployment'], { spaRoot, materialsDir });
  const signInAs = async (actor: Actor) => {
    const username = ACTOR_ACCOUNTS[actor];
    return username === undefined ? undefined : signInFrom(nextAddress(), username);
  };
  for (const actor of ACTORS) sessions.set(actor, await signInAs(actor));
  const context: SeedContext = {
    app: t.app,
    orm: t.orm,
    zeebe: t.zeebe,
    personalData: t.personalData,
    seeder: createSeeder(t.orm, t.personalData),
    signIn: signInAs,
  };
  rows = [];
  for (const matrix of await loadMatrices()) rows.push(...(await matrix.resolve(context)));
}, 120_000);

afterAll(async () => {
  await t?.close();
  if (spaRoot !== undefined) await rm(spaRoot, { recursive: true, force: true });
  if (materialsDir !== undefined) await rm(materialsDir, { recursive: true, force: true });
});

let addresses = 0;
/** Sign-ins are rate-limited per client address: the matrix signs in often, each time from another. */
function nextAddress(): string {
  addresses += 1;
  return `10.9.${Math.floor(addresses / 250)}.${(addresses % 250) + 1}`;
}

async function signInFrom(remoteAddress: string, username: string): Promise<string> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: 'demo' },
    remoteAddress,
  });
  const cookie = response.cookies.find((c) => c.name === 'onething_session');
  if (response.statusCode !== 200 || cookie === undefined)
    throw new Error(`sign-in as ${username} failed: ${response.statusCode} ${response.body}`);
  return `onething_session=${cookie.value}`;
}

/** Every `*.matrix.ts` of this folder exports `matrix`. */
async function loadMatrices(): Promise<AuthorizationMatrix[]> {
  const files = (await readdir(here)).filter((file) => file.endsWith('.matrix.ts')).sort();
  const matrices: AuthorizationMatrix[] = [];
  for (const file of files) {
    const module: unknown = await import(join(here, file));
    const matrix = typeof module === 'object' && module !== null ? Reflect.get(module, 'matrix') : undefined;
    if (!(matrix instanceof AuthorizationMatrix))
      throw new Error(`${file} must export \`matrix\` made with defineMatrix`);
    matrices.push(matrix);
  }
  return matrices;
}

/** `METHOD /url` of every registered route; HEAD routes fastify adds for GET routes are called as their GET. */
function registeredRoutes(): string[] {
  return t.app.routeAccessTable().map((route) => `${route.method} ${route.url}`);
}

function rowFor(route: string): ResolvedRow | undefined {
  const own = rows.find((row) => row.route === route);
  if (own !== undefined || !route.startsWith('HEAD ')) return own;
  return rows.find((row) => row.route === `GET ${route.slice('HEAD '.length)}`);
}

async function call(route: string, row: ResolvedRow, actor: Actor): Promise<number> {
  const [method = 'GET', pattern = '/'] = route.split(' ');
  const request: MatrixRequest = row.request(actor);
  const url = request.url ?? pattern;
  if (/[:*]/.test(url)) throw new Error(`${route}: the matrix row must give a concrete url`);
  const cookie = sessions.get(actor);
  const response = await t.app.inject({
    method: method as 'GET',
    url,
    headers: { ...(cookie === undefined ? {} : { cookie }), ...request.headers },
    remoteAddress: request.remoteAddress ?? '10.8.0.1',
    ...(request.payload === undefined ? {} : { payload: request.payload }),
  });
  return response.statusCode;
}

describe('the authorization matrix', () => {
  it('describes every route of the app', () => {
    const missing = registeredRoutes().filter((route) => rowFor(route) === undefined);
    expect(missing).toEqual([]);
  });

  it('names only routes the app has', () => {
    const registered = new Set(registeredRoutes());
    expect(rows.map((row) => row.route).filter((route) => !registered.has(route))).toEqual([]);
    const seen = new Set<string>();
    expect(rows.map((row) => row.route).filter((route) => seen.size === seen.add(route).size)).toEqual([]);
  });

  it('gives every caller the status of the table on every route', async () => {
    const mismatches: string[] = [];
    for (const route of registeredRoutes()) {
      const row = rowFor(route);
      if (row === undefined) continue;
      for (const actor of ACTORS) {
        const status = await call(route, row, actor);
        if (status !== row.expect[actor])
          mismatches.push(`${route} as ${actor}: ${status}, expected ${row.expect[actor]}`);
      }
    }
    expect(mismatches).toEqual([]);
  }, 120_000);
});
