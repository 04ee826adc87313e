import type { handleUnaryCall, UntypedServiceImplementation } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { EngineService } from '../service.ts';
import { toServiceError, unimplemented } from './grpc-errors.ts';
import {
  parseCancelProcessInstance,
  parseCreateProcessInstance,
  parseDeployProcess,
  parseDeployResource,
} from './process-requests.ts';
import {
  parseCompleteJob,
  parseFailJob,
  parseThrowError,
  parseUpdateJobRetries,
  parseUpdateJobTimeout,
} from './job-requests.ts';
import {
  parseBroadcastSignal,
  parsePublishMessage,
  parseResolveIncident,
  parseSetVariables,
} from './event-requests.ts';
import { valueOf } from './request-rules.ts';
import { wireCreatedInstance, wireDeployProcess, wireDeployResource } from './responses.ts';
import { topologyResponse } from './topology.ts';

type Reply = Record<string, unknown>;
type UnaryWork = (request: unknown) => Promise<Reply>;

const EMPTY: Reply = {};

/** Calls this engine does not implement (ZEEBE-COMPAT.md §7.1: P2 or out of scope). Clients do not retry 12. */
const NOT_IMPLEMENTED: Record<string, string> = {
  EvaluateDecision: 'EvaluateDecision is not supported by this engine: it runs no DMN decisions',
  MigrateProcessInstance: 'MigrateProcessInstance is not supported by this engine',
  ModifyProcessInstance: 'ModifyProcessInstance is not supported by this engine yet',
  DeleteResource: 'DeleteResource is not supported by this engine yet',
};

export function unaryHandlers(
  service: EngineService,
  logger: Logger,
  advertised: { host: string; port: number },
): UntypedServiceImplementation {
  const works: Record<string, UnaryWork> = {
    Topology: async () => topologyResponse(advertised.host, advertised.port),
    DeployResource: async (raw) => {
      const command = valueOf(parseDeployResource(raw));
      return wireDeployResource(await service.deploy(command.resources, command.tenantId));
    },
    DeployProcess: async (raw) => {
      const command = valueOf(parseDeployProcess(raw));
      return wireDeployProcess(await service.deploy(command.resources, command.tenantId));
    },
    CreateProcessInstance: async (raw) =>
      wireCreatedInstance(await service.createProcessInstance(valueOf(parseCreateProcessInstance(raw)))),
    CancelProcessInstance: async (raw) => {
      await service.cancelProcessInstance(parseCancelProcessInstance(raw));
      return EMPTY;
    },
    CompleteJob: async (raw) => {
      const { jobKey, variables } = parseCompleteJob(raw);
      await service.completeJob(jobKey, variables);
      return EMPTY;
    },
    FailJob: async (raw) => {
      await service.failJob(parseFailJob(raw));
      return EMPTY;
    },
    ThrowError: async (raw) => {
      await service.throwError(parseThrowError(raw));
      return EMPTY;
    },
    UpdateJobRetries: async (raw) => {
      const { jobKey, retries } = valueOf(parseUpdateJobRetries(raw));
      await service.updateJobRetries(jobKey, retries);
      return EMPTY;
    },
    UpdateJobTimeout: async (raw) => {
      const { jobKey, timeout } = parseUpdateJobTimeout(raw);
      await service.updateJobTimeout(jobKey, timeout);
      return EMPTY;
    },
    ResolveIncident: async (raw) => {
      await service.resolveIncident(parseResolveIncident(raw));
      return EMPTY;
    },
    SetVariables: async (raw) => ({ key: await service.setVariables(parseSetVariables(raw)) }),
    PublishMessage: async (raw) => {
      const request = valueOf(parsePublishMessage(raw));
      return { key: await service.publishMessage(request), tenantId: request.tenantId };
    },
    BroadcastSignal: async (raw) => {
      const request = valueOf(parseBroadcastSignal(raw));
      return { key: await service.broadcastSignal(request), tenantId: request.tenantId };
    },
  };
  const handlers: UntypedServiceImplementation = {};
  for (const [method, work] of Object.entries(works)) handlers[method] = unary(method, work, logger);
  for (const [method, message] of Object.entries(NOT_IMPLEMENTED)) {
    const handler: handleUnaryCall<unknown, Reply> = (_call, callback) => callback(unimplemented(message));
    handlers[method] = handler;
  }
  return handlers;
}

function unary(method: string, work: UnaryWork, logger: Logger): handleUnaryCall<unknown, Reply> {
  return (call, callback) => {
    work(call.request).then(
      (reply) => callback(null, reply),
      (error: unknown) => callback(toServiceError(error, method, logger)),
    );
  };
}
