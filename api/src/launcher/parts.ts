import type { Unit } from './unit.ts';

/**
 * What each `onething <part>` command starts, in order. `start` runs every
 * part in one process; the others let a deployment run each part on its own.
 *
 * To add a part: write its unit (launcher/units/<part>.unit.ts) and list it
 * here, in `start` before the units that use it.
 */
export const PARTS = {
  start: async () => [
    await database(),
    await engine('embed'),
    await registries(false),
    await catalogue(),
    await workers(),
    await api(),
    await dryRunExpiry(),
    await taskBridge(),
    await applicationProgress(),
  ],
  api: async () => [
    await database(),
    await engine('connect'),
    await catalogue(),
    await api(),
    await dryRunExpiry(),
  ],
  engine: async () => [await database(), await engine('embed')],
  registries: async () => [await database(), await registries(true)],
  workers: async () => [
    await engine('connect'),
    await workers(),
    await taskBridge(),
    await applicationProgress(),
  ],
} satisfies Record<string, () => Promise<Unit[]>>;

// Loaded on demand, so that `onething --help` or a configuration error answers at once.
const database = async () => (await import('./units/database.unit.ts')).databaseUnit();
const engine = async (mode: 'embed' | 'connect') =>
  (await import('./units/engine.unit.ts')).engineUnit({ mode });
const registries = async (standalone: boolean) =>
  (await import('./units/registries.unit.ts')).registriesUnit({ standalone });
const catalogue = async () => (await import('./units/catalogue.unit.ts')).catalogueUnit();
const workers = async () => (await import('./units/workers.unit.ts')).workersUnit();
const api = async () => (await import('./units/api.unit.ts')).apiUnit();
const dryRunExpiry = async () => (await import('./units/dry-run-expiry.unit.ts')).dryRunExpiryUnit();
const taskBridge = async () => (await import('./units/task-bridge.unit.ts')).taskBridgeUnit();
const applicationProgress = async () =>
  (await import('./units/application-progress.unit.ts')).applicationProgressUnit();

export type PartName = keyof typeof PARTS;

export function isPartName(value: string | undefined): value is PartName {
  return value !== undefined && Object.hasOwn(PARTS, value);
}
