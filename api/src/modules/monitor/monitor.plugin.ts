import type { Zeebe } from '@camunda8/sdk';
import type { FastifyPluginAsync } from 'fastify';
import { openEngineHistory } from './engine-history.ts';
import { monitorFiguresRoutes } from './monitor-figures.routes.ts';
import { monitorRoutes } from './monitor.routes.ts';
import { progressFailuresRoutes } from './progress-failures.routes.ts';

export interface MonitorPluginOptions {
  /** The database holding the engine's history (the api's own). */
  databaseUrl: string;
  zeebe: Zeebe.ZeebeGrpcClient | undefined;
}

/** The Monitor's engine routes, with their own small pool on the engine's history. */
export const monitorPlugin: FastifyPluginAsync<MonitorPluginOptions> = async (fastify, options) => {
  const history = openEngineHistory(options.databaseUrl);
  fastify.addHook('onClose', () => history.close());
  await fastify.register(monitorRoutes, { history, zeebe: options.zeebe });
  await fastify.register(monitorFiguresRoutes);
  await fastify.register(progressFailuresRoutes);
};
