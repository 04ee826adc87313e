import type { AddressInfo } from 'node:net';
import { startRegistriesServer } from '@onething/registries';
import { createTestDatabase } from './database.ts';

export const REGISTRIES_ADMIN_TOKEN = 'api-test-admin-token';

export interface SandboxRegistries {
  url: string;
  /** Sets faults of one registry (`{ outage: true }`), through its admin route. */
  faults(dept: string, faults: Record<string, unknown>): Promise<void>;
  clearFaults(dept: string): Promise<void>;
  close(): Promise<void>;
}

/** The sandbox registries, seeded with the demo people, on their own fresh database and an ephemeral port. */
export async function startSandboxRegistries(): Promise<SandboxRegistries> {
  const database = await createTestDatabase('api_registries');
  const server = await startRegistriesServer({
    databaseUrl: database.url,
    port: 0,
    logger: false,
    adminToken: REGISTRIES_ADMIN_TOKEN,
    // The demo family's baby (born 2026-11-10) is a newborn.
    now: () => new Date('2026-11-29T02:00:00Z'),
  });
  const { port } = server.server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const admin = async (dept: string, method: 'PUT' | 'DELETE', body?: Record<string, unknown>) => {
    const response = await fetch(`${url}/registries/${dept}/_admin/faults`, {
      method,
      headers: {
        'x-registry-admin-token': REGISTRIES_ADMIN_TOKEN,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok)
      throw new Error(`faults ${method} ${dept}: ${response.status} ${await response.text()}`);
  };
  return {
    url,
    faults: (dept, faults) => admin(dept, 'PUT', faults),
    clearFaults: (dept) => admin(dept, 'DELETE'),
    close: async () => {
      await server.close();
      await database.drop();
    },
  };
}
