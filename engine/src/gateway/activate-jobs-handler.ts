import type { handleServerStreamingCall, ServerWritableStream } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { ActivatedJob } from '../service.ts';
import { toServiceError } from './grpc-errors.ts';
import { parseActivateJobs } from './job-requests.ts';
import type { LongPollingActivator, PollingCall } from './long-polling.ts';
import { wireJob } from './responses.ts';

type Call = ServerWritableStream<unknown, Record<string, unknown>>;

export function activateJobsHandler(
  activator: LongPollingActivator,
  logger: Logger,
): handleServerStreamingCall<unknown, Record<string, unknown>> {
  return (call) => {
    const parsed = parseActivateJobs(call.request);
    if (!parsed.ok) {
      call.emit('error', toServiceError(parsed.error, 'ActivateJobs', logger));
      return;
    }
    const { request, requestTimeout } = parsed.value;
    void activator.activate(request, requestTimeout, pollingCall(call, logger));
  };
}

/** Adapts a gRPC server stream to the long poller; every path ends the call exactly once. */
function pollingCall(call: Call, logger: Logger): PollingCall {
  let ended = false;
  const endOnce = (end: () => void): boolean => {
    if (ended || call.cancelled) return false;
    ended = true;
    end();
    return true;
  };
  return {
    deliver: (jobs: ActivatedJob[]) =>
      endOnce(() => {
        call.write({ jobs: jobs.map(wireJob) });
        call.end();
      }),
    finish: () => void endOnce(() => call.end()),
    fail: (error) => void endOnce(() => call.emit('error', toServiceError(error, 'ActivateJobs', logger))),
    onCancel: (listener) => call.on('cancelled', listener),
  };
}
