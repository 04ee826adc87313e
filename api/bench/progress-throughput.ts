import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { runProgressRound } from '../src/modules/applications/progress/progress-round.ts';
import { results, startProgressWorld, type ProgressWorld } from '../test/support/progress-world.ts';

export interface ProgressFigure {
  label: string;
  applications: number;
  seconds: number;
  /** Applications brought up to date per second (0 for a round with nothing new). */
  perSecond: number;
}

/**
 * The application-progress worker with `running` applications in flight, on a
 * database of its own on the platform's PostgreSQL, with the embedded engine
 * in this process (idle while a figure is timed):
 * - reference: reading each running application's history once, which the
 *   polling worker did for every followed application on every round;
 * - the worker's first sight of the new applications (each part started);
 * - the worker after one service of every running application completed;
 * - a round with nothing new while they run (what polling paid per second).
 * The worker runs its rounds back to back (as it does while the feed is full).
 */
export async function measureProgress(
  platformDatabaseUrl: string,
  running: number,
): Promise<ProgressFigure[]> {
  const server = new URL(platformDatabaseUrl);
  const name = `bench_progress_${randomBytes(4).toString('hex')}`;
  await withServer(server, (client) => client.query(`create database ${pg.escapeIdentifier(name)}`));
  const url = new URL(server);
  url.pathname = `/${name}`;
  const world = await startProgressWorld({
    url: url.toString(),
    drop: async () => {
      await withServer(server, (client) =>
        client.query(`drop database if exists ${pg.escapeIdentifier(name)} with (force)`),
      );
    },
  });
  try {
    const applications: { processInstanceKey: string }[] = [];
    for (let i = 0; i < running; i += 1) applications.push(await world.application('processing'));

    const firstSight = await timed(() => catchUp(world));
    const reference = await timed(async () => {
      for (const application of applications)
        await world.history.getProcessInstance(application.processInstanceKey);
    });
    await world.completeAll('alpha', () => results('alpha'));
    const afterChange = await timed(() => catchUp(world));
    const rounds = 20;
    const idle = await timed(async () => {
      for (let i = 0; i < rounds; i += 1) await catchUp(world);
    });

    const figure = (label: string, count: number, seconds: number): ProgressFigure => ({
      label,
      applications: count,
      seconds,
      perSecond: count === 0 ? 0 : count / seconds,
    });
    return [
      figure(`reference: each running application's history read once (a polling round)`, running, reference),
      figure('worker: first sight of the new applications (part started)', running, firstSight),
      figure('worker: one service done in every running application', running, afterChange),
      figure(`worker: a round with nothing new (mean of ${rounds})`, 0, idle / rounds),
    ];
  } finally {
    await world.close();
  }
}

/** Rounds until the feed has nothing more; returns the applications updated. */
async function catchUp(world: ProgressWorld): Promise<number> {
  let applied = 0;
  for (;;) {
    const result = await runProgressRound({
      orm: world.orm,
      history: world.history,
      manifestOf: world.manifestOf,
      feedLimit: 500,
      sweepLimit: 100,
    });
    if (result.kind === 'done') applied += result.applied;
    if (result.kind === 'done' && !result.more) return applied;
  }
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e9;
}

async function withServer<T>(databaseUrl: URL, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const maintenance = new URL(databaseUrl);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export function printProgress(running: number, figures: readonly ProgressFigure[]): void {
  console.log(`\nApplication progress with ${running} running applications`);
  console.log('| run | applications | seconds | applications/s |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const f of figures) {
    console.log(
      `| ${f.label} | ${f.applications} | ${f.seconds.toFixed(3)} | ${f.applications === 0 ? '–' : f.perSecond.toFixed(0)} |`,
    );
  }
}
