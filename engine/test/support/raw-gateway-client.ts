import { credentials, loadPackageDefinition, type ServiceError } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';
import { gatewayProtoPath, PROTO_LOADER_OPTIONS } from '../../src/gateway/index.ts';

/** The outcome of one call as the wire saw it: every message, the final status, how long it took. */
export interface CallOutcome<T = Record<string, unknown>> {
  messages: T[];
  code: number;
  details: string;
  elapsedMs: number;
}

interface RawStream {
  on(event: 'data', listener: (message: Record<string, unknown>) => void): void;
  on(event: 'error', listener: (error: ServiceError) => void): void;
  on(event: 'status', listener: (status: { code: number; details: string }) => void): void;
  cancel(): void;
}

type RawMethod = (
  request: Record<string, unknown>,
  callback?: (error: ServiceError | null, response: Record<string, unknown>) => void,
) => RawStream;

/**
 * A bare grpc-js client over the same proto, for gateway tests that must see
 * exactly what goes over the wire (message counts, status codes, timing),
 * which the Zeebe clients hide behind retries and helpers.
 */
export class RawGatewayClient {
  private readonly client: Record<string, unknown> & { close(): void };

  constructor(address: string) {
    const grpcObject = loadPackageDefinition(loadSync(gatewayProtoPath(), PROTO_LOADER_OPTIONS));
    const protocol = grpcObject['gateway_protocol'];
    const Gateway = protocol && 'Gateway' in protocol ? protocol.Gateway : undefined;
    if (typeof Gateway !== 'function') throw new Error('gateway_protocol.Gateway missing');
    this.client = new Gateway(address, credentials.createInsecure());
  }

  unary(method: string, request: Record<string, unknown>): Promise<CallOutcome> {
    const started = Date.now();
    return new Promise((resolve) => {
      this.method(method).call(this.client, request, (error, response) => {
        resolve({
          messages: error ? [] : [response],
          code: error?.code ?? 0,
          details: error?.details ?? '',
          elapsedMs: Date.now() - started,
        });
      });
    });
  }

  /** Runs a server-streaming call to its end; `onMessage` may cancel it. */
  stream(
    method: string,
    request: Record<string, unknown>,
    control: {
      cancelAfterMs?: number;
      onMessage?: (message: Record<string, unknown>, cancel: () => void) => void;
    } = {},
  ): Promise<CallOutcome> {
    const started = Date.now();
    const messages: Record<string, unknown>[] = [];
    return new Promise((resolve) => {
      const call = this.method(method).call(this.client, request);
      const timer =
        control.cancelAfterMs === undefined
          ? undefined
          : setTimeout(() => call.cancel(), control.cancelAfterMs);
      call.on('data', (message) => {
        messages.push(message);
        control.onMessage?.(message, () => call.cancel());
      });
      call.on('error', () => undefined);
      call.on('status', (status) => {
        clearTimeout(timer);
        resolve({ messages, code: status.code, details: status.details, elapsedMs: Date.now() - started });
      });
    });
  }

  close(): void {
    this.client.close();
  }

  private method(name: string): RawMethod {
    const method = this.client[name];
    if (typeof method !== 'function') throw new Error(`no method ${name}`);
    return method as RawMethod;
  }
}
