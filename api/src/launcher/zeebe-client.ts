import { Camunda8, type Zeebe } from '@camunda8/sdk';
import type { ReadyCheck } from '../readiness.ts';

export type ZeebeClient = Zeebe.ZeebeGrpcClient;

/**
 * Where the platform's Zeebe client connects: the embedded engine (plaintext
 * on loopback, no auth), or an external gateway named by ZEEBE_ADDRESS, in
 * which case the SDK reads its usual variables (CAMUNDA_AUTH_STRATEGY,
 * ZEEBE_CLIENT_ID/SECRET, CAMUNDA_OAUTH_URL, CAMUNDA_SECURE_CONNECTION ...)
 * from the environment itself.
 */
export type ZeebeTarget = { kind: 'embedded'; address: string } | { kind: 'external'; address: string };

export function openZeebeClient(target: ZeebeTarget): ZeebeClient {
  const quiet = { CAMUNDA_LOG_LEVEL: 'none', zeebeGrpcSettings: { ZEEBE_CLIENT_LOG_LEVEL: 'NONE' } } as const;
  const sdk =
    target.kind === 'embedded'
      ? new Camunda8({
          ...quiet,
          ZEEBE_GRPC_ADDRESS: `grpc://${target.address}`,
          CAMUNDA_AUTH_STRATEGY: 'NONE',
        })
      : new Camunda8({ ...quiet, ZEEBE_ADDRESS: target.address });
  return sdk.getZeebeGrpcApiClient();
}

/** Ready when the gateway answers Topology with at least one broker. */
export async function topologyCheck(client: ZeebeClient | undefined): Promise<ReadyCheck> {
  if (client === undefined) return { ok: false, reason: 'not started' };
  const topology = await client.topology();
  return topology.brokers.length > 0 ? { ok: true } : { ok: false, reason: 'the gateway reports no brokers' };
}
