import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { parseConfig, type Config } from '../config.ts';
import { startUnits } from './run-units.ts';
import type { Unit } from './unit.ts';

const logger = pino({ level: 'silent' });
function defaultConfig(): Config {
  const parsed = parseConfig({}, { repoRoot: '/repo', cwd: '/repo' });
  if (!parsed.ok) throw new Error('the defaults are valid');
  return parsed.config;
}
const config = defaultConfig();

/** A unit that records what the launcher did with it. */
function recordingUnit(name: string, journal: string[], failOnStart = false): Unit {
  return {
    name,
    async start() {
      journal.push(`start ${name}`);
      if (failOnStart) throw new Error(`${name} failed`);
    },
    async stop() {
      journal.push(`stop ${name}`);
    },
    async ready() {
      return { ok: true };
    },
  };
}

describe('startUnits', () => {
  it('starts units in order and stops them in reverse, once', async () => {
    // given
    const journal: string[] = [];
    const running = await startUnits(
      [recordingUnit('a', journal), recordingUnit('b', journal)],
      config,
      logger,
    );

    // when
    await Promise.all([running.stop(), running.stop()]);

    // then
    expect(journal).toEqual(['start a', 'start b', 'stop b', 'stop a']);
  });

  it('registers each started unit as a readiness check', async () => {
    const journal: string[] = [];
    const running = await startUnits([recordingUnit('postgres', journal)], config, logger);
    expect(await running.readiness.run()).toEqual({ ready: true, checks: { postgres: { ok: true } } });
    await running.stop();
  });

  it('stops what was started when a later unit fails to start', async () => {
    // given
    const journal: string[] = [];
    const units = [
      recordingUnit('a', journal),
      recordingUnit('b', journal, true),
      recordingUnit('c', journal),
    ];

    // when / then
    await expect(startUnits(units, config, logger)).rejects.toThrow('b failed');
    expect(journal).toEqual(['start a', 'start b', 'stop b', 'stop a']);
  });
});
