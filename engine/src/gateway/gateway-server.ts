import { Server, ServerCredentials, type ChannelOptions } from '@grpc/grpc-js';
import type { Logger } from 'pino';
import type { EngineService } from '../service.ts';
import { activateJobsHandler } from './activate-jobs-handler.ts';
import { ResultAwaiters } from './create-with-result-handler.ts';
import { gatewayServiceDefinition } from './gateway-proto.ts';
import { JobStreams } from './job-stream-handler.ts';
import { LongPollingActivator } from './long-polling.ts';
import { advertiseIdentityEncoding } from './request-encoding.ts';
import { unaryHandlers } from './unary-handlers.ts';
import { checkMaxMessageSize, DEFAULT_MAX_MESSAGE_SIZE } from '../message-size.ts';

export const DEFAULT_GATEWAY_ADDRESS = '127.0.0.1:26500';

/**
 * Zeebe's transport defaults (§0.1): messages up to the maximum message size
 * both ways (a larger request is refused by gRPC itself with
 * RESOURCE_EXHAUSTED, as Zeebe's gateway does); clients ping every 360 s,
 * also between calls, so pings without calls are allowed and any interval of
 * at least 10 s (Zeebe permits 30 s) is accepted.
 */
function serverOptions(maxMessageSize: number): ChannelOptions {
  return {
    'grpc.max_receive_message_length': maxMessageSize,
    'grpc.max_send_message_length': maxMessageSize,
    'grpc.keepalive_permit_without_calls': 1,
    'grpc.http2.min_ping_interval_without_data_ms': 10_000,
    // Channelz keeps per-call statistics for a debugging service we do not serve;
    // it cost about 2.5 % of the engine process's CPU under load.
    'grpc.enable_channelz': 0,
  };
}

const SHUTDOWN_GRACE_MS = 5_000;

export interface GatewayOptions {
  service: EngineService;
  /** host:port; port 0 binds an ephemeral port. Default 127.0.0.1:26500. */
  address?: string;
  logger: Logger;
  /** Zeebe's maximum message size in bytes; default 4 MB. */
  maxMessageSize?: number;
}

export interface RunningGateway {
  /** The bound host:port. */
  address: string;
  /** Stops accepting calls, ends parked polls and job streams cleanly, then closes the server. */
  stop(): Promise<void>;
}

/** Serves `gateway_protocol.Gateway` over plaintext HTTP/2 on top of an EngineService. */
export async function startGateway(options: GatewayOptions): Promise<RunningGateway> {
  const { service, logger } = options;
  const requested = splitAddress(options.address ?? DEFAULT_GATEWAY_ADDRESS);
  const advertised = { host: requested.host, port: requested.port };
  const maxMessageSize = checkMaxMessageSize(options.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE);
  const activator = new LongPollingActivator(service, logger, maxMessageSize);
  const streams = new JobStreams();
  const awaiters = new ResultAwaiters();

  const server = new Server({ ...serverOptions(maxMessageSize), interceptors: [advertiseIdentityEncoding] });
  server.addService(gatewayServiceDefinition(), {
    ...unaryHandlers(service, logger, advertised),
    ActivateJobs: activateJobsHandler(activator, logger),
    StreamActivatedJobs: streams.handler(service, logger),
    CreateProcessInstanceWithResult: awaiters.handler(service, logger),
  });
  advertised.port = await bind(server, `${requested.hostForBind}:${requested.port}`).catch(
    (error: unknown) => {
      activator.close();
      throw error;
    },
  );
  const address = `${requested.hostForBind}:${advertised.port}`;
  logger.info({ address }, 'Zeebe gateway listening');

  let stopping: Promise<void> | undefined;
  return {
    address,
    stop: () => {
      stopping ??= shutdown(server, () => {
        activator.close();
        streams.endAll();
        awaiters.stopAll();
      });
      return stopping;
    },
  };
}

function bind(server: Server, address: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, port) =>
      error ? reject(error) : resolve(port),
    );
  });
}

async function shutdown(server: Server, endOpenCalls: () => void): Promise<void> {
  const drained = new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
  endOpenCalls();
  let timer: NodeJS.Timeout | undefined;
  const forced = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, SHUTDOWN_GRACE_MS);
  });
  await Promise.race([drained, forced]);
  clearTimeout(timer);
}

/** `host:port`, `[v6]:port`; the host is also what Topology advertises. */
export function splitAddress(address: string): { host: string; hostForBind: string; port: number } {
  const separator = address.lastIndexOf(':');
  const hostForBind = separator > 0 ? address.slice(0, separator) : '127.0.0.1';
  const port = Number(separator >= 0 ? address.slice(separator + 1) : address);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid gateway address '${address}': expected host:port`);
  }
  return { host: hostForBind.replace(/^\[(.*)\]$/, '$1'), hostForBind, port };
}
