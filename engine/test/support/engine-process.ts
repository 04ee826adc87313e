/**
 * The engine as a child process, for tests that kill it: `node --import tsx
 * engine-process.ts` with ENGINE_DATABASE_URL and ENGINE_GATEWAY_ADDRESS set.
 * Prints a line per start phase, so the parent can tell a slow start from a
 * stuck one: `ENGINE_STARTING` at once, `ENGINE_OPENING` once the engine's
 * modules are loaded, `ENGINE_READY <address>` once the gateway listens.
 */
process.stdout.write('ENGINE_STARTING\n');
const databaseUrl = process.env.ENGINE_DATABASE_URL;
const gatewayAddress = process.env.ENGINE_GATEWAY_ADDRESS;
if (!databaseUrl || !gatewayAddress) {
  process.stderr.write('ENGINE_DATABASE_URL and ENGINE_GATEWAY_ADDRESS are required\n');
  process.exit(2);
}
// Loaded after the first line: compiling them is most of a start on a loaded machine.
const { pino } = await import('pino');
const { startEngine } = await import('../../src/launch/start-engine.ts');
process.stdout.write('ENGINE_OPENING\n');
const engine = await startEngine({
  databaseUrl,
  gatewayAddress,
  logger: pino({ level: process.env.ENGINE_TEST_LOG ?? 'warn' }),
});
process.stdout.write(`ENGINE_READY ${engine.address}\n`);
process.on('SIGTERM', () => {
  void engine.stop().finally(() => process.exit(0));
});

// An ES module (top-level await) without static imports.
export {};
