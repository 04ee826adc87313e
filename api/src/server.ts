import type { FastifyInstance } from 'fastify';

export interface ListenOptions {
  host: string;
  port: number;
}

/** Puts a built app on the network; returns the address it listens on. */
export async function listen(app: FastifyInstance, { host, port }: ListenOptions): Promise<string> {
  return app.listen({ host, port });
}
