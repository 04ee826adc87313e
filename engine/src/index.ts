export type * from './service.ts';
export { DEFAULT_TENANT } from './service.ts';
export { EngineError, type RejectionType } from './errors.ts';
export { openEngine, type OpenEngineOptions, type OpenedEngine } from './core/open-engine.ts';
export type { HistoryRetention } from './store/history-retention.ts';
export {
  createHistoryReader,
  type HistoryChange,
  type HistoryReader,
  type ProcessInstanceFilter,
  type ProcessInstanceSummary,
} from './store/history-reader.ts';
export { startEngine, type StartEngineOptions, type RunningEngine } from './launch/start-engine.ts';
export {
  startConnectors,
  REGISTRY_OPERATIONS,
  type RunningConnectors,
  type StartConnectorsOptions,
  type RegistryOperation,
  type RetryPolicy,
} from './workers/index.ts';
