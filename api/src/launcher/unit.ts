import type { Zeebe } from '@camunda8/sdk';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { ReadyCheck, Readiness } from '../readiness.ts';

/**
 * One part of OneThing that the launcher starts and stops: the embedded
 * database, the api, and later the engine, registries and workers. Units
 * start in order and stop in reverse; each later unit can use what earlier
 * ones put into the context.
 */
export interface Unit {
  readonly name: string;
  start(context: UnitContext): Promise<void>;
  stop(): Promise<void>;
  ready(): Promise<ReadyCheck>;
}

export interface UnitContext {
  readonly config: Config;
  /** This unit's logger (a child of the launcher's, tagged with the unit name). */
  readonly logger: Logger;
  /** Checks run by `GET /ready`; the launcher adds every started unit's `ready`. */
  readonly readiness: Readiness;
  /** What units provide to later units. */
  readonly provided: Provided;
}

export interface Provided {
  /** Connection URL of the application database (set by the database unit). */
  databaseUrl?: string;
  /** host:port of the Zeebe gateway in use (set by the engine unit). */
  zeebeAddress?: string;
  /** A Zeebe client to that gateway, shared by later units (opened and closed by the engine unit). */
  zeebe?: Zeebe.ZeebeGrpcClient;
  /** Base URL of the department registries (set by the registries unit). */
  registriesUrl?: string;
  /** Whether those registries are the sandbox (set by the registries unit). */
  registriesSandbox?: boolean;
}
