import { Type } from 'typebox';
import { LocalizedText } from '../catalogue/catalogue.schemas.ts';
import { DATA_ACCESS_KINDS } from './data-access-event.entity.ts';

export const DataAccessQuery = Type.Object(
  {
    /** Entries strictly older than this (the `at` of the last entry of the previous page). */
    before: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);

export const DataAccessEntryView = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  kind: Type.Enum(DATA_ACCESS_KINDS),
  registry: Type.Optional(Type.String()),
  subject: Type.String(),
  /** The subject's ID number, masked (region and check character only). */
  subjectId: Type.Optional(Type.String()),
  fields: Type.Array(Type.String()),
  purpose: LocalizedText,
  actor: Type.String(),
});

export const DataAccessList = Type.Array(DataAccessEntryView);
