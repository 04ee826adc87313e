import { pino } from 'pino';
import { startEngine } from '../../src/launch/start-engine.ts';

/**
 * The engine as a child process, for tests that kill it: `node --import tsx
 * engine-process.ts` with ENGINE_DATABASE_URL and ENGINE_GATEWAY_ADDRESS set.
 * Prints `ENGINE_READY <address>` once the gateway listens.
 */
const databaseUrl = process.env.ENGINE_DATABASE_URL;
const gatewayAddress = process.env.ENGINE_GATEWAY_ADDRESS;
if (!databaseUrl || !gatewayAddress) {
  process.stderr.write('ENGINE_DATABASE_URL and ENGINE_GATEWAY_ADDRESS are required\n');
  process.exit(2);
}
const engine = await startEngine({
  databaseUrl,
  gatewayAddress,
  logger: pino({ level: process.env.ENGINE_TEST_LOG ?? 'warn' }),
});
process.stdout.write(`ENGINE_READY ${engine.address}\n`);
process.on('SIGTERM', () => {
  void engine.stop().finally(() => process.exit(0));
});
