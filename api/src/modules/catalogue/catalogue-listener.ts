import pg from 'pg';
import type { FastifyBaseLogger } from 'fastify';
import { CATALOGUE_CHANNEL } from './bundle-store.ts';

export interface CatalogueListener {
  close(): Promise<void>;
}

/**
 * Calls `onChange` whenever any api replica publishes a bundle version
 * (LISTEN on the catalogue channel), and after every reconnection, since
 * notifications sent while the connection was down are lost.
 */
export async function listenForPublications(
  databaseUrl: string,
  onChange: () => Promise<void>,
  logger: FastifyBaseLogger,
  retryMs = 1_000,
): Promise<CatalogueListener> {
  let client: pg.Client | undefined;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;

  const changed = () =>
    onChange().catch((error: unknown) => logger.error({ err: error }, 'catalogue reload failed'));

  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl });
    next.on('notification', () => void changed());
    next.on('error', (error) => {
      logger.warn({ err: error }, 'catalogue listener lost its connection; reconnecting');
      lost(next);
    });
    next.on('end', () => lost(next));
    try {
      await next.connect();
      await next.query(`listen ${CATALOGUE_CHANNEL}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    client = next;
  };

  const schedule = () => {
    if (closed || timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      connect()
        .then(changed)
        .catch((error: unknown) => {
          logger.warn({ err: error }, 'catalogue listener cannot connect; retrying');
          schedule();
        });
    }, retryMs);
    timer.unref();
  };

  const lost = (which: pg.Client) => {
    if (closed || client !== which) return;
    client = undefined;
    which.end().catch(() => undefined);
    schedule();
  };

  await connect();
  return {
    async close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      await client?.end().catch(() => undefined);
      client = undefined;
    },
  };
}
