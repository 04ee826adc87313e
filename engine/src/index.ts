export type * from './service.ts';
export { DEFAULT_TENANT } from './service.ts';
export { EngineError, type RejectionType } from './errors.ts';
