/** An 8.3 patch version: SDK helpers switch to REST APIs when they see ≥ 8.8 (§1.1). */
export const GATEWAY_VERSION = '8.3.13';

/** One broker leading the one partition, as zeebe-process-test's embedded engine answers. */
export function topologyResponse(host: string, port: number): Record<string, unknown> {
  return {
    brokers: [
      {
        nodeId: 0,
        host,
        port,
        partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
        version: GATEWAY_VERSION,
      },
    ],
    clusterSize: 1,
    partitionsCount: 1,
    replicationFactor: 1,
    gatewayVersion: GATEWAY_VERSION,
  };
}
