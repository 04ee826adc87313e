import type { Zeebe } from '@camunda8/sdk';
import type { FastifyInstance } from 'fastify';
import type { PersonalDataCipher } from '../../src/modules/people/personal-data-cipher.ts';
import type { Orm } from '../../src/orm.ts';
import type { Seeder } from '../support/seeder.ts';

/**
 * The authorization matrix: for every route of the app, the status each kind
 * of caller gets. `authorization.test.ts` walks the app's routes and fails for
 * a route that no `*.matrix.ts` file of this folder describes, and for a row
 * that names no route.
 *
 * The callers, as demo accounts. The seeded application belongs to
 * `citizenOwner`; its services are hr's, so `clerkRight` (hr1) may see it and
 * `clerkWrong` (civil1) may not.
 */
export const ACTOR_ACCOUNTS = {
  anonymous: undefined,
  citizenOwner: 'citizen1',
  citizenOther: 'citizen2',
  clerkRight: 'hr1',
  clerkWrong: 'civil1',
  designer: 'designer1',
  supervisor: 'supervisor1',
  admin: 'admin',
} as const;
export type Actor = keyof typeof ACTOR_ACCOUNTS;
export const ACTORS = Object.keys(ACTOR_ACCOUNTS).filter(isActor);

function isActor(value: string): value is Actor {
  return Object.hasOwn(ACTOR_ACCOUNTS, value);
}

/** The expected HTTP status of each caller. */
export type Expectations = Record<Actor, number>;

/**
 * Expectations from one status for every signed-in caller, with exceptions;
 * anonymous callers get 401 unless overridden.
 * `signedInGets(403, { supervisor: 200, admin: 200 })`.
 */
export function signedInGets(status: number, except: Partial<Expectations> = {}): Expectations {
  const all = Object.fromEntries(ACTORS.map((actor) => [actor, status]));
  return { ...toExpectations(all), anonymous: 401, ...except };
}

/** Every caller, signed in or not, gets `status` (public routes). */
export function everyoneGets(status: number, except: Partial<Expectations> = {}): Expectations {
  const all = Object.fromEntries(ACTORS.map((actor) => [actor, status]));
  return { ...toExpectations(all), ...except };
}

function toExpectations(statuses: Record<string, number>): Expectations {
  const pick = (actor: Actor) => {
    const status = statuses[actor];
    if (status === undefined) throw new Error(`no status for ${actor}`);
    return status;
  };
  return {
    anonymous: pick('anonymous'),
    citizenOwner: pick('citizenOwner'),
    citizenOther: pick('citizenOther'),
    clerkRight: pick('clerkRight'),
    clerkWrong: pick('clerkWrong'),
    designer: pick('designer'),
    supervisor: pick('supervisor'),
    admin: pick('admin'),
  };
}

/** What one call sends, beyond the caller's session cookie (a `cookie` header here replaces it). */
export interface MatrixRequest {
  /** The concrete URL; required when the route has parameters or a wildcard. */
  url?: string;
  payload?: Record<string, unknown> | unknown[];
  headers?: Record<string, string>;
  /** The client address (sign-ins are rate-limited per address). */
  remoteAddress?: string;
}

export interface MatrixRow<Seed> {
  /** `METHOD /route/:pattern`, exactly as registered. */
  route: string;
  /** The request for a caller; defaults to the route's URL with no body. */
  request?: (seed: Seed, actor: Actor) => MatrixRequest;
  expect: Expectations;
}

/** What a module's seed may use: the running app beside the real engine, and helpers to create data. */
export interface SeedContext {
  app: FastifyInstance;
  orm: Orm;
  zeebe: Zeebe.ZeebeGrpcClient;
  personalData: PersonalDataCipher;
  seeder: Seeder;
  /** Signs the caller in anew (a session of its own, e.g. to sign out); undefined for anonymous. */
  signIn(actor: Actor): Promise<string | undefined>;
}

export interface ResolvedRow {
  route: string;
  request: (actor: Actor) => MatrixRequest;
  expect: Expectations;
}

/** A module's rows, with the data they need (seeded once, before any row of any module runs). */
export class AuthorizationMatrix {
  readonly resolve: (context: SeedContext) => Promise<ResolvedRow[]>;

  constructor(resolve: (context: SeedContext) => Promise<ResolvedRow[]>) {
    this.resolve = resolve;
  }
}

export function defineMatrix<Seed>(definition: {
  seed: (context: SeedContext) => Promise<Seed>;
  rows: readonly MatrixRow<Seed>[];
}): AuthorizationMatrix {
  return new AuthorizationMatrix(async (context) => {
    const seed = await definition.seed(context);
    return definition.rows.map((row) => ({
      route: row.route,
      request: (actor: Actor) => row.request?.(seed, actor) ?? {},
      expect: row.expect,
    }));
  });
}

/** For modules whose rows need no data. */
export const noSeed = async (): Promise<null> => null;
