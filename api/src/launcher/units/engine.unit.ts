import { startEngine, type RunningEngine } from '@onething/engine';
import type { ReadyCheck } from '../../readiness.ts';
import type { Unit, UnitContext } from '../unit.ts';
import { openZeebeClient, topologyCheck, type ZeebeClient, type ZeebeTarget } from '../zeebe-client.ts';

/** Where the embedded gateway listens unless ZEEBE_GATEWAY_ADDRESS says otherwise. */
export const DEFAULT_GATEWAY_ADDRESS = '127.0.0.1:26500';

export interface EngineUnitOptions {
  /**
   * `embed`: run the embedded engine unless ZEEBE_ADDRESS names another one
   * (`start`, `engine`). `connect`: only connect to ZEEBE_ADDRESS, or to the
   * embedded default address that a separate `onething engine` serves (`api`, `workers`).
   */
  mode: 'embed' | 'connect';
}

/**
 * The engine: the embedded Zeebe-compatible engine on the application
 * database, or a connection to an external Zeebe gateway. Either way it opens
 * the Zeebe client later units share, and is ready when the gateway answers
 * Topology.
 */
export function engineUnit({ mode }: EngineUnitOptions): Unit {
  let engine: RunningEngine | undefined;
  let client: ZeebeClient | undefined;

  return {
    name: 'engine',
    async start({ config, logger, provided }: UnitContext) {
      let target: ZeebeTarget;
      if (config.zeebeAddress !== undefined) {
        target = { kind: 'external', address: config.zeebeAddress };
        logger.info({ address: config.zeebeAddress }, 'using the Zeebe gateway at ZEEBE_ADDRESS');
      } else if (mode === 'embed') {
        const databaseUrl = provided.databaseUrl ?? config.databaseUrl;
        if (databaseUrl === undefined)
          throw new Error('The embedded engine needs a database: start the database unit before it');
        engine = await startEngine({
          databaseUrl,
          gatewayAddress: config.zeebeGatewayAddress ?? DEFAULT_GATEWAY_ADDRESS,
          logger,
          ...(config.historyRetentionDays === undefined
            ? {}
            : { historyRetention: { days: config.historyRetentionDays } }),
          ...(config.engineMaxMessageSize === undefined
            ? {}
            : { maxMessageSize: config.engineMaxMessageSize }),
        });
        target = { kind: 'embedded', address: engine.address };
        logger.info({ address: engine.address }, 'embedded engine listening');
      } else {
        target = { kind: 'embedded', address: config.zeebeGatewayAddress ?? DEFAULT_GATEWAY_ADDRESS };
        logger.info({ address: target.address }, 'using the engine of a separate `onething engine`');
      }
      client = openZeebeClient(target);
      provided.zeebeAddress = target.address;
      provided.zeebe = client;
    },
    async stop() {
      await client?.close(2_000);
      client = undefined;
      await engine?.stop();
      engine = undefined;
    },
    async ready(): Promise<ReadyCheck> {
      return topologyCheck(client);
    },
  };
}
