import type { LoopResult } from './closed-loop.ts';
import type { OpenLoopResult } from './open-loop.ts';

/** IPC between the bench (engine process) and load-driver.ts (client process). */
export type WorkerMode = 'stream' | 'poll';

export type DriverRequest =
  | { kind: 'deploy'; xml: string }
  | { kind: 'level'; inFlight: number; total: number; maxMs: number }
  | { kind: 'open'; rate: number; seconds: number; maxInFlight: number }
  | { kind: 'park'; count: number }
  | { kind: 'close' };

export type DriverReply =
  | { kind: 'done' }
  | ({ kind: 'level'; clientCpuMs: number } & LoopResult)
  | ({ kind: 'open'; clientCpuMs: number } & OpenLoopResult)
  | { kind: 'failed'; message: string };

const REQUEST_KINDS = new Set(['deploy', 'level', 'open', 'park', 'close']);
const REPLY_KINDS = new Set(['done', 'level', 'open', 'failed']);

// Both ends are our own code; the kind check guards against stray IPC traffic only.
export function isDriverRequest(message: unknown): message is DriverRequest {
  return (
    typeof message === 'object' &&
    message !== null &&
    'kind' in message &&
    REQUEST_KINDS.has(String(message.kind))
  );
}

export function isDriverReply(message: unknown): message is DriverReply {
  return (
    typeof message === 'object' &&
    message !== null &&
    'kind' in message &&
    REPLY_KINDS.has(String(message.kind))
  );
}
