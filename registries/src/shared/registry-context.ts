import type pg from 'pg';
import type { FaultInjector } from './faults.ts';
import type { PeerClient } from './peer-client.ts';

export const DEPARTMENTS = ['civil', 'health', 'hr', 'tax'] as const;
export type Dept = (typeof DEPARTMENTS)[number];

/** What every route of one registry works with. */
export interface RegistryContext {
  readonly dept: Dept;
  /** The PostgreSQL schema holding this registry's data, e.g. `registry_civil`. */
  readonly schema: string;
  readonly pool: pg.Pool;
  /** The other registries' query APIs. */
  readonly peers: PeerClient;
  readonly faults: FaultInjector;
  readonly now: () => Date;
  /** After this long an `in_progress` idempotency claim is taken to be abandoned. */
  readonly idempotencyLeaseMs: number;
}
