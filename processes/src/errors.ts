/**
 * The processes package's error catalog. These are thrown only when a caller
 * passes something the package cannot work with (a malformed date, a date the
 * holiday data does not cover, a bundle folder on disk that is broken); the
 * api maps the codes to HTTP statuses in its one error handler.
 */
export const processesErrorCodes = {
  CALENDAR_INVALID_DATE: 'A date is not a valid ISO date (YYYY-MM-DD) or date-time with an offset.',
  CALENDAR_INVALID_DAYS: 'A number of working days is not a non-negative integer.',
  CALENDAR_YEAR_NOT_COVERED: 'A date falls in a year for which the calendar has no holiday data.',
  CALENDAR_DATA_INVALID: 'A holiday data file is malformed.',
  BUNDLE_INVALID: 'A bundle folder (bundle.json, process.bpmn or forms) is malformed.',
  BUNDLE_NOT_FOUND: 'No bundle with this key exists in the catalogue.',
  BUNDLE_UNKNOWN_SERVICE: 'A selected service is not part of the bundle.',
} as const;

export type ProcessesErrorCode = keyof typeof processesErrorCodes;

export class ProcessesError extends Error {
  override readonly name = 'ProcessesError';

  constructor(
    readonly code: ProcessesErrorCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
  }
}
