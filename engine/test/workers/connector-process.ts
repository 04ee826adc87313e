import { pino } from 'pino';
import { startConnectors } from '../../src/workers/start-connectors.ts';

/**
 * The registry connectors as a child process, for the test that kills them:
 * `node --import tsx connector-process.ts` with CONNECTORS_ZEEBE_ADDRESS and
 * REGISTRIES_URL set. Prints `CONNECTORS_READY` once the workers poll.
 */
const address = process.env.CONNECTORS_ZEEBE_ADDRESS;
const registriesUrl = process.env.REGISTRIES_URL;
if (!address || !registriesUrl) {
  process.stderr.write('CONNECTORS_ZEEBE_ADDRESS and REGISTRIES_URL are required\n');
  process.exit(2);
}
const connectors = startConnectors({
  zeebe: { address },
  registriesUrl,
  logger: pino({ level: process.env.ENGINE_TEST_LOG ?? 'silent' }),
  pollInterval: 100,
  // Short, so the jobs a killed process held come back soon.
  jobTimeoutMs: 4_000,
  requestTimeoutMs: 2_000,
  retryPolicy: { baseMs: 50, maxMs: 500 },
});
process.stdout.write('CONNECTORS_READY\n');
process.on('SIGTERM', () => {
  void connectors.stop().finally(() => process.exit(0));
});
