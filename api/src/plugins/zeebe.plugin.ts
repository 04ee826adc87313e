import type { Zeebe } from '@camunda8/sdk';
import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';

type ZeebeClient = Zeebe.ZeebeGrpcClient;

declare module 'fastify' {
  interface FastifyInstance {
    /** The engine's Zeebe gRPC client; throws ENGINE_UNAVAILABLE when the api runs without one. */
    zeebe(): Zeebe.ZeebeGrpcClient;
  }
}

export interface ZeebePluginOptions {
  /** The client the launcher opened (it also closes it); undefined when there is no engine. */
  client?: ZeebeClient | undefined;
}

/**
 * The engine client as a decorator, so that routes share the launcher's one
 * and tests can point it at an engine of their own. Without an engine the api
 * still serves the catalogue and sign-in; routes that need it answer 503.
 */
export const zeebePlugin = fp<ZeebePluginOptions>(
  async (fastify: FastifyInstance, { client }) => {
    fastify.decorate('zeebe', () => {
      if (client === undefined) throw new AppError('ENGINE_UNAVAILABLE');
      return client;
    });
  },
  { name: 'onething-zeebe' },
);
