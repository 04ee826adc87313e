/**
 * The engine's error catalog. A business rejection carries Zeebe's rejection
 * type; the gateway maps it to a gRPC status in one place (gateway/), and its
 * message follows Zeebe's shape:
 * `Command '<INTENT>' rejected with code '<REJECTION_TYPE>': <reason>`.
 */
export type RejectionType =
  | 'INVALID_ARGUMENT'
  | 'NOT_FOUND'
  | 'ALREADY_EXISTS'
  | 'INVALID_STATE'
  | 'PROCESSING_ERROR'
  /** Not a Zeebe rejection: a call or feature this engine does not implement (gRPC 12). */
  | 'UNIMPLEMENTED'
  /** Real overload only (gRPC 8); never for a deterministic business error. */
  | 'RESOURCE_EXHAUSTED'
  /**
   * Not a Zeebe rejection: the engine's database is unreachable (gRPC 14, as
   * Zeebe answers when no partition leader can take a command); every client retries it.
   */
  | 'UNAVAILABLE';

export class EngineError extends Error {
  override readonly name = 'EngineError';

  constructor(
    readonly rejection: RejectionType,
    /** The command intent, e.g. COMPLETE, CREATE, PUBLISH. */
    readonly intent: string,
    readonly reason: string,
  ) {
    super(`Command '${intent}' rejected with code '${rejection}': ${reason}`);
  }
}
