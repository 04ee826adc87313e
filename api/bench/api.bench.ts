import { cpus, loadavg } from 'node:os';
import { newbornData } from '../test/support/newborn-application.ts';
import { startBenchPlatform, type BenchPlatform } from './bench-platform.ts';
import { measure, printResults, type LoadResult } from './measure.ts';
import { measureProgress, printProgress, type ProgressFigure } from './progress-throughput.ts';
import { seedTasks } from './seed-tasks.ts';

/**
 * `pnpm bench` for the api: the platform on its embedded defaults (engine,
 * registries, workers, task bridge), driven over HTTP with autocannon.
 * 1. Submissions: POST /api/applications by 50 distinct signed-in citizens
 *    at once (a valid newborn application each time), beside a reference run
 *    of GET /api/bundles/newborn at the same concurrency (the same HTTP, session
 *    and catalogue path without the database write and the engine).
 * 2. GET /api/tasks for a clerk with 100,000 task rows in the table, beside a
 *    reference run before they were added.
 * 3. The application-progress worker with 1,000 running applications, beside
 *    a reference: reading each one's history once (what polling did each round).
 * `BENCH_ONLY=submissions,tasks,progress` runs some of them.
 * A measurement, not a test: it prints figures and exits 0 whatever they are.
 * See bench/README.md.
 */
const config = {
  citizens: number('BENCH_CITIZENS', 50),
  /** Accounts per concurrent citizen: POST /api/applications allows 30 an hour per citizen. */
  accountsPerCitizen: number('BENCH_ACCOUNTS_PER_CITIZEN', 4),
  seconds: number('BENCH_SECONDS', 15),
  tasks: number('BENCH_TASKS', 100_000),
  taskConnections: number('BENCH_TASK_CONNECTIONS', 10),
  progressRunning: number('BENCH_PROGRESS_RUNNING', 1_000),
  only: new Set(
    (process.env.BENCH_ONLY ?? 'submissions,tasks,progress').split(',').map((part) => part.trim()),
  ),
};

async function main(): Promise<void> {
  log(`starting the platform (${cpus().length} CPUs, load average ${load()})`);
  const platform = await startBenchPlatform();
  try {
    const submissions = config.only.has('submissions') ? await runSubmissions(platform) : [];
    const taskResults = config.only.has('tasks') ? await runTasks(platform) : [];
    let progress: ProgressFigure[] = [];
    if (config.only.has('progress')) {
      log(`application progress with ${config.progressRunning} running applications`);
      progress = await measureProgress(platform.databaseUrl, config.progressRunning);
    }

    console.log(
      `\n${cpus().length} CPUs; load average at the end ${load()} (other work on the machine slows every figure)`,
    );
    if (submissions.length > 0) printResults(`Submissions (${config.seconds} s each)`, submissions);
    if (taskResults.length > 0)
      printResults(
        `GET /api/tasks as hr1 (${config.taskConnections} connections, ${config.seconds} s each)`,
        taskResults,
      );
    if (progress.length > 0) printProgress(config.progressRunning, progress);
  } finally {
    await platform.stop();
  }
}

async function runSubmissions(platform: BenchPlatform): Promise<LoadResult[]> {
  const citizens = await platform.signedInCitizens(config.citizens * config.accountsPerCitizen);
  const submit = {
    baseUrl: platform.baseUrl,
    cookies: citizens,
    connections: config.citizens,
  };
  log('warming up');
  await measure('warm-up', {
    ...submit,
    method: 'POST',
    path: '/api/applications',
    body: { bundleKey: 'newborn', data: newbornData() },
    seconds: 3,
  });
  log('submissions');
  return [
    await measure(`GET /api/bundles/newborn (reference), ${config.citizens} citizens`, {
      ...submit,
      method: 'GET',
      path: '/api/bundles/newborn',
      seconds: config.seconds,
    }),
    await measure('POST /api/applications, 1 citizen (serial reference)', {
      ...submit,
      connections: 1,
      method: 'POST',
      path: '/api/applications',
      body: { bundleKey: 'newborn', data: newbornData() },
      seconds: config.seconds,
    }),
    await measure(`POST /api/applications, ${config.citizens} citizens`, {
      ...submit,
      method: 'POST',
      path: '/api/applications',
      body: { bundleKey: 'newborn', data: newbornData() },
      seconds: config.seconds,
    }),
  ];
}

async function runTasks(platform: BenchPlatform): Promise<LoadResult[]> {
  const clerk = await platform.signIn('hr1');
  const tasks = (label: string, path: string) =>
    measure(label, {
      baseUrl: platform.baseUrl,
      method: 'GET',
      path,
      cookies: [clerk],
      connections: config.taskConnections,
      seconds: config.seconds,
    });
  const [before] = await platform.query<{ count: string }>('select count(*) from app.user_task');
  log(`GET /api/tasks with ${before?.count ?? '?'} task rows (reference)`);
  const reference = await tasks(`open, ${before?.count ?? '?'} rows (reference)`, '/api/tasks?state=open');
  log(`adding ${config.tasks} task rows`);
  await seedTasks(platform, config.tasks);
  const [after] = await platform.query<{ count: string }>('select count(*) from app.user_task');
  const rows = after?.count ?? '?';
  return [
    reference,
    await tasks(`open, ${rows} rows`, '/api/tasks?state=open'),
    await tasks(`mine, ${rows} rows`, '/api/tasks?state=mine'),
    await tasks(`done, ${rows} rows`, '/api/tasks?state=done'),
    await tasks(`done, ${rows} rows, limit=50`, '/api/tasks?state=done&limit=50'),
  ];
}

function number(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

function load(): string {
  return loadavg()
    .map((value) => value.toFixed(1))
    .join(' / ');
}

function log(message: string): void {
  console.error(`[bench] ${message}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
