export {
  addWorkingDays,
  createWorkingDayCalendar,
  currentWorkingDayCalendar,
  holidayYears,
  isWorkingDay,
  parseHolidayYear,
  useHolidayYears,
  workingDaysBetween,
} from '../calendar/index.ts';
export type { CalendarDate, HolidayYear, WorkingDayCalendar } from '../calendar/index.ts';
export { DEPARTMENTS, parseBundleManifest } from './bundle-manifest.ts';
export type {
  BundleManifest,
  BundleMaterial,
  BundleService,
  Department,
  LocalizedText,
  ManifestResult,
  ServiceMode,
} from './bundle-manifest.ts';
export {
  ACCEPT_TIME_LIMIT_DAYS,
  acceptanceDueAt,
  checkServiceSelection,
  computeDueDates,
} from './due-dates.ts';
export type { DueDates } from './due-dates.ts';
export { ProcessesError, processesErrorCodes } from './errors.ts';
export {
  SUPPLEMENT_TIME_LIMIT_DAYS,
  acceptanceVariables,
  serviceOutcomes,
  startVariables,
} from './process-variables.ts';
export type { AcceptanceDecision, ServiceOutcome, ServiceStatus, StartInput } from './process-variables.ts';
export type { ProcessesErrorCode } from './errors.ts';
export { STAFF_FORMS, SUPPLEMENT_MESSAGE, formKey, parseFormKey, reviewFormName } from './form-keys.ts';
export { FORM_KEY_PATTERN, formKeys, parseFormSchema } from './form-schema.ts';
export type { FormComponent, FormSchema, FormSchemaResult } from './form-schema.ts';
export { BUNDLES_DIR, BUNDLE_KEYS, loadBundle, loadBundles } from './load-bundles.ts';
export type { Bundle } from './load-bundles.ts';
export { TEMPLATES_DIR, loadElementTemplates } from '../templates/index.ts';
export type { ElementTemplate } from '../templates/index.ts';
