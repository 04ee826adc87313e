import type { Unit } from './unit.ts';
import { apiUnit } from './units/api.unit.ts';
import { databaseUnit } from './units/database.unit.ts';

/**
 * What each `onething <part>` command starts, in order. `start` runs every
 * part in one process. A part that this build does not have yet is listed
 * with `undefined` so that the CLI can say so instead of pretending.
 *
 * To add a part: write its unit (launcher/units/<part>.unit.ts) and list it
 * here, in `start` before the units that use it.
 */
export const PARTS = {
  start: () => [databaseUnit(), apiUnit()],
  api: () => [databaseUnit(), apiUnit()],
  engine: undefined,
  registries: undefined,
  workers: undefined,
} satisfies Record<string, (() => Unit[]) | undefined>;

export type PartName = keyof typeof PARTS;

export function isPartName(value: string | undefined): value is PartName {
  return value !== undefined && Object.hasOwn(PARTS, value);
}
