import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import { loadPackageDefinition, type ServiceClientConstructor, type ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

/**
 * The gateway serves the proto shipped with @camunda8/sdk: Zeebe 8.3's
 * gateway.proto plus the later, wire-compatible additions (UpdateJobTimeout,
 * MigrateProcessInstance, operationReference). Loading options match the Node
 * clients, so int64 values are decimal strings on both sides.
 */
export const PROTO_LOADER_OPTIONS = {
  keepCase: true,
  longs: String,
  enums: String,
  defaults: true,
  oneofs: true,
} as const;

export function gatewayProtoPath(): string {
  const require = createRequire(import.meta.url);
  const sdkRoot = dirname(require.resolve('@camunda8/sdk/package.json'));
  const path = join(sdkRoot, 'dist', 'proto', 'zeebe.proto');
  if (!existsSync(path)) {
    throw new Error(`The Zeebe gateway proto is missing at ${path}; reinstall @camunda8/sdk`);
  }
  return path;
}

let cached: ServiceDefinition | undefined;

/** The `gateway_protocol.Gateway` service definition. */
export function gatewayServiceDefinition(): ServiceDefinition {
  if (cached) return cached;
  const grpcObject = loadPackageDefinition(loadSync(gatewayProtoPath(), PROTO_LOADER_OPTIONS));
  const protocol = grpcObject['gateway_protocol'];
  const gateway = protocol && 'Gateway' in protocol ? protocol.Gateway : undefined;
  if (!isServiceClient(gateway)) {
    throw new Error('gateway_protocol.Gateway is not defined in the Zeebe proto');
  }
  cached = gateway.service;
  return cached;
}

function isServiceClient(value: unknown): value is ServiceClientConstructor {
  return typeof value === 'function' && 'service' in value;
}
