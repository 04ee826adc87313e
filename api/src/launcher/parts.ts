import type { Unit } from './unit.ts';

/**
 * What each `onething <part>` command starts, in order. `start` runs every
 * part in one process. A part that this build does not have yet is listed
 * with `undefined` so that the CLI can say so instead of pretending.
 *
 * To add a part: write its unit (launcher/units/<part>.unit.ts) and list it
 * here, in `start` before the units that use it.
 */
export const PARTS = {
  start: async () => [await database(), await api()],
  api: async () => [await database(), await api()],
  engine: undefined,
  registries: undefined,
  workers: undefined,
} satisfies Record<string, (() => Promise<Unit[]>) | undefined>;

// Loaded on demand, so that `onething --help` or a configuration error answers at once.
const database = async () => (await import('./units/database.unit.ts')).databaseUnit();
const api = async () => (await import('./units/api.unit.ts')).apiUnit();

export type PartName = keyof typeof PARTS;

export function isPartName(value: string | undefined): value is PartName {
  return value !== undefined && Object.hasOwn(PARTS, value);
}
