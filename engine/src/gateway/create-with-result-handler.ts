import { status, type handleUnaryCall } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { EngineService } from '../service.ts';
import { deadlineExceeded, toServiceError } from './grpc-errors.ts';
import { parseCreateProcessInstanceWithResult } from './process-requests.ts';
import { valueOf } from './request-rules.ts';
import { wireCompletedInstance } from './responses.ts';

/** Zeebe's gateway default when requestTimeout ≤ 0 (§1.4). */
export const DEFAULT_RESULT_TIMEOUT_MS = 15_000;

type Reply = Record<string, unknown>;

/**
 * CreateProcessInstanceWithResult: answer when the instance completes, or end
 * with DEADLINE_EXCEEDED when it does not in time — the one place where a
 * business outcome is 4. Calls still waiting when the gateway stops end UNAVAILABLE.
 */
export class ResultAwaiters {
  private readonly waiting = new Set<AbortController>();

  handler(service: EngineService, logger: Logger): handleUnaryCall<unknown, Reply> {
    return (call, callback) => {
      const controller = new AbortController();
      this.waiting.add(controller);
      call.on('cancelled', () => controller.abort('cancelled'));
      this.run(service, call.request, controller).then(
        (reply) => callback(null, reply),
        (error: unknown) => {
          const reason: unknown = controller.signal.reason;
          if (reason === 'stopping') {
            callback({ code: status.UNAVAILABLE, details: 'The gateway is shutting down' });
          } else if (reason === 'timeout') {
            callback(
              deadlineExceeded(
                'Time out between gateway and broker: the process instance did not complete within the request timeout',
              ),
            );
          } else {
            callback(toServiceError(error, 'CreateProcessInstanceWithResult', logger));
          }
        },
      );
    };
  }

  stopAll(): void {
    for (const controller of this.waiting) controller.abort('stopping');
  }

  private async run(service: EngineService, raw: unknown, controller: AbortController): Promise<Reply> {
    const command = valueOf(parseCreateProcessInstanceWithResult(raw));
    const timeoutMs = command.requestTimeout > 0 ? command.requestTimeout : DEFAULT_RESULT_TIMEOUT_MS;
    const timer = setTimeout(() => controller.abort('timeout'), timeoutMs);
    try {
      const created = await service.createProcessInstance(command.request);
      controller.signal.throwIfAborted();
      const variables = await service.awaitCompletion(
        created.processInstanceKey,
        command.fetchVariables,
        controller.signal,
      );
      return wireCompletedInstance(created, variables);
    } finally {
      clearTimeout(timer);
      this.waiting.delete(controller);
    }
  }
}
