export { startConnectors, type RunningConnectors, type StartConnectorsOptions } from './start-connectors.ts';
export { REGISTRY_OPERATIONS, operationForJobType, type RegistryOperation, type Dept } from './operations.ts';
export { ATTEMPT_VARIABLE, REJECTION_VARIABLE, type RetryPolicy } from './job-action.ts';
