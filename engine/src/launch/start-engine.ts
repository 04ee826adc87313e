import { pino, type Logger } from 'pino';
import { startGateway, DEFAULT_GATEWAY_ADDRESS } from '../gateway/index.ts';
import { openEngine } from '../core/open-engine.ts';
import type { EngineInspector, EngineService } from '../service.ts';

type CoreOptions = Parameters<typeof openEngine>[0];

export interface StartEngineOptions {
  databaseUrl: string;
  /** host:port of the Zeebe gateway; port 0 binds an ephemeral port. Default 127.0.0.1:26500. */
  gatewayAddress?: string;
  logger?: Logger;
  clock?: CoreOptions['clock'];
  historyRetention?: CoreOptions['historyRetention'];
  /** Zeebe's maximum message size in bytes, for gRPC messages and job batches; default 4 MB. */
  maxMessageSize?: number;
}

export interface RunningEngine {
  /** The bound gateway address, host:port. */
  address: string;
  service: EngineService;
  inspector: EngineInspector;
  /** Stops accepting calls, ends parked polls and job streams cleanly, then closes the core. */
  stop(): Promise<void>;
}

/** The embedded engine as `onething engine` runs it: the durable core behind the Zeebe gateway. */
export async function startEngine(options: StartEngineOptions): Promise<RunningEngine> {
  const logger = options.logger ?? pino({ name: 'onething-engine' });
  const core = await openEngine({
    databaseUrl: options.databaseUrl,
    clock: options.clock,
    logger,
    historyRetention: options.historyRetention,
    maxMessageSize: options.maxMessageSize,
  });
  const gateway = await startGateway({
    service: core.service,
    address: options.gatewayAddress ?? DEFAULT_GATEWAY_ADDRESS,
    logger,
    maxMessageSize: options.maxMessageSize,
  }).catch(async (error: unknown) => {
    await core.close();
    throw error;
  });
  let stopping: Promise<void> | undefined;
  return {
    address: gateway.address,
    service: core.service,
    inspector: core.inspector,
    stop: () => {
      stopping ??= gateway.stop().finally(() => core.close());
      return stopping;
    },
  };
}
