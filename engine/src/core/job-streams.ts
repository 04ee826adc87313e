import type { JobStreamRequest, JobStreamSink } from '../service.ts';

export interface OpenStream {
  readonly id: number;
  readonly request: JobStreamRequest;
  readonly sink: JobStreamSink;
}

/** Open StreamActivatedJobs streams by job type; jobs go round-robin. */
export class JobStreams {
  private readonly byType = new Map<string, OpenStream[]>();
  private nextId = 1;
  private readonly turn = new Map<string, number>();

  open(request: JobStreamRequest, sink: JobStreamSink): () => void {
    const stream: OpenStream = { id: this.nextId++, request, sink };
    this.byType.set(request.type, [...(this.byType.get(request.type) ?? []), stream]);
    return () => {
      const left = (this.byType.get(request.type) ?? []).filter((candidate) => candidate.id !== stream.id);
      if (left.length > 0) this.byType.set(request.type, left);
      else this.byType.delete(request.type);
    };
  }

  has(type: string): boolean {
    return (this.byType.get(type)?.length ?? 0) > 0;
  }

  next(type: string): OpenStream | undefined {
    const streams = this.byType.get(type);
    if (!streams || streams.length === 0) return undefined;
    const index = (this.turn.get(type) ?? 0) % streams.length;
    this.turn.set(type, index + 1);
    return streams[index];
  }
}
