import type { handleServerStreamingCall } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { ActivatedJob, EngineService, JobStreamSink } from '../service.ts';
import { toServiceError } from './grpc-errors.ts';
import { parseStreamActivatedJobs } from './job-requests.ts';
import { wireJob } from './responses.ts';

/** Open StreamActivatedJobs calls, so that stopping the gateway can end them cleanly. */
export class JobStreams {
  private readonly open = new Set<() => void>();

  handler(
    service: EngineService,
    logger: Logger,
  ): handleServerStreamingCall<unknown, Record<string, unknown>> {
    return (call) => {
      const parsed = parseStreamActivatedJobs(call.request);
      if (!parsed.ok) {
        call.emit('error', toServiceError(parsed.error, 'StreamActivatedJobs', logger));
        return;
      }
      let closed = false;
      const sink: JobStreamSink = {
        // A queued write counts as delivered; only a gone stream hands the job back.
        push: (job: ActivatedJob) => {
          if (closed || call.cancelled) return false;
          call.write(wireJob(job));
          return true;
        },
      };
      const unregister = service.openJobStream(parsed.value, sink);
      const close = (): void => {
        if (closed) return;
        closed = true;
        unregister();
        this.open.delete(end);
      };
      const end = (): void => {
        close();
        if (!call.cancelled) call.end();
      };
      this.open.add(end);
      call.on('cancelled', close);
      call.on('error', close);
    };
  }

  /** Ends every open stream with OK (the SDK's stream worker reconnects on its own). */
  endAll(): void {
    for (const end of [...this.open]) end();
  }
}
