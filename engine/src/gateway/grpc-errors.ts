import { Metadata, status, type ServiceError } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import { EngineError, type RejectionType } from '../errors.ts';

/**
 * The one place where engine outcomes become gRPC statuses (ZEEBE-COMPAT.md §0.3).
 * Clients retry 4, 8 and 14 (zeebe-node forever), so a deterministic business
 * rejection must never map to them; 8 is reserved for real overload, 14 for
 * an unreachable database, and 4 for CreateProcessInstanceWithResult running
 * past its timeout.
 */
const REJECTION_CODES: Record<RejectionType, status> = {
  INVALID_ARGUMENT: status.INVALID_ARGUMENT,
  NOT_FOUND: status.NOT_FOUND,
  ALREADY_EXISTS: status.ALREADY_EXISTS,
  INVALID_STATE: status.FAILED_PRECONDITION,
  PROCESSING_ERROR: status.INTERNAL,
  UNIMPLEMENTED: status.UNIMPLEMENTED,
  RESOURCE_EXHAUSTED: status.RESOURCE_EXHAUSTED,
  UNAVAILABLE: status.UNAVAILABLE,
};

export const INTERNAL_ERROR_MESSAGE =
  'Unexpected error while processing the request; the gateway log has the details';

const CODES_BY_NAME = new Map<string, status>(Object.entries(REJECTION_CODES));

/** An unknown rejection type (a core newer than this gateway) is UNKNOWN, as in Zeebe. */
export function rejectionCode(rejection: string): status {
  return CODES_BY_NAME.get(rejection) ?? status.UNKNOWN;
}

/** Turns anything a handler threw into the status sent to the client. */
export function toServiceError(error: unknown, method: string, logger: Logger): Partial<ServiceError> {
  if (error instanceof EngineError) {
    return serviceError(rejectionCode(error.rejection), error.message);
  }
  logger.error({ err: error, method }, 'gateway call failed unexpectedly');
  return serviceError(status.INTERNAL, INTERNAL_ERROR_MESSAGE);
}

export function deadlineExceeded(message: string): Partial<ServiceError> {
  return serviceError(status.DEADLINE_EXCEEDED, message);
}

export function unimplemented(message: string): Partial<ServiceError> {
  return serviceError(status.UNIMPLEMENTED, message);
}

function serviceError(code: status, details: string): Partial<ServiceError> {
  return { code, details, message: details, metadata: new Metadata() };
}
