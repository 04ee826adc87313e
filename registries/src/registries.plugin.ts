import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import pg from 'pg';
import { registerCivilRoutes } from './civil/civil.plugin.ts';
import { registerHealthRoutes } from './health/health.plugin.ts';
import { registerHrRoutes } from './hr/hr.plugin.ts';
import { schemaOf } from './shared/migrate.ts';
import { FaultInjector } from './shared/faults.ts';
import {
  createFetchPeerClient,
  createInjectPeerClient,
  type FetchPeerOptions,
  type PeerClient,
} from './shared/peer-client.ts';
import { setUpRegistry } from './shared/registry-plugin.ts';
import { DEPARTMENTS, type Dept, type RegistryContext } from './shared/registry-context.ts';
import { registerTaxRoutes } from './tax/tax.plugin.ts';

export interface RegistriesOptions {
  /** A pool to share, or `databaseUrl` to open (and close with the server) one of its own. */
  readonly pool?: pg.Pool;
  readonly databaseUrl?: string;
  /** Which registries to mount (default all four). */
  readonly departments?: readonly Dept[];
  /**
   * Where the other registries' query APIs are. Default: the registries mounted in
   * this same server, called in process. A string is a server origin; an object
   * names one registry root per department.
   */
  readonly peerBaseUrl?: FetchPeerOptions['baseUrl'];
  readonly peerFetch?: typeof fetch;
  readonly peerTimeoutMs?: number;
  /** Enables `/_admin/faults` behind the `x-registry-admin-token` header. Never set it in production. */
  readonly adminToken?: string;
  readonly random?: () => number;
  readonly now?: () => Date;
  readonly idempotencyLeaseMs?: number;
}

const ROUTES: Record<Dept, (app: FastifyInstance, ctx: RegistryContext) => void> = {
  civil: registerCivilRoutes,
  health: registerHealthRoutes,
  hr: registerHrRoutes,
  tax: registerTaxRoutes,
};

/** Mounts the sandbox registries under `/registries/<dept>/`. */
export const registriesPlugin: FastifyPluginAsync<RegistriesOptions> = async (app, options) => {
  const pool = options.pool ?? new pg.Pool({ connectionString: requireUrl(options.databaseUrl), max: 10 });
  if (!options.pool) app.addHook('onClose', async () => pool.end());
  const peers: PeerClient = options.peerBaseUrl
    ? createFetchPeerClient({
        baseUrl: options.peerBaseUrl,
        fetch: options.peerFetch,
        timeoutMs: options.peerTimeoutMs,
      })
    : createInjectPeerClient({ inject: (request) => app.inject(request) }, options.peerTimeoutMs);
  const random = options.random ?? Math.random;
  for (const dept of options.departments ?? DEPARTMENTS) {
    const ctx: RegistryContext = {
      dept,
      schema: schemaOf(dept),
      pool,
      peers,
      faults: new FaultInjector(random),
      now: options.now ?? (() => new Date()),
      idempotencyLeaseMs: options.idempotencyLeaseMs ?? 60_000,
    };
    await app.register(
      async (registry) => {
        setUpRegistry(registry, ctx, options.adminToken);
        ROUTES[dept](registry, ctx);
      },
      { prefix: `/registries/${dept}` },
    );
  }
};

function requireUrl(url: string | undefined): string {
  if (!url) throw new Error('registriesPlugin needs a pool or a databaseUrl');
  return url;
}
