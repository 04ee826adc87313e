export * from './dictionary/index.ts';
export type * from './schema/form-schema.types.ts';
export { isContainer, isKeyed } from './schema/form-schema.types.ts';
export {
  checkResidentId,
  residentIdBirthDate,
  residentIdSex,
  RESIDENT_ID_PATTERN,
} from './validate/resident-id.ts';
export { checkCreditCode, CREDIT_CODE_PATTERN } from './validate/credit-code.ts';
export { isMobileNumber, MOBILE_PATTERN } from './validate/mobile.ts';
