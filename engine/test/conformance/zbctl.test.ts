import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningEngine } from '../../src/launch/start-engine.ts';
import { uniqueFixture } from '../support/bpmn-fixtures.ts';
import { eventually } from '../support/conformance-helpers.ts';
import { startTestEngine } from '../support/test-engine.ts';

// A smoke run of zbctl (Go client, the zbctl npm package's Linux binary) against the gateway.
// The binary is called directly: the npm wrapper also checks the registry for updates.
const run = promisify(execFile);
const ZBCTL = join(
  dirname(createRequire(import.meta.url).resolve('zbctl/package.json')),
  'bin',
  'zbctl-cli.linux',
);

let engine: RunningEngine;
beforeAll(async () => {
  engine = await startTestEngine('conformance_zbctl');
});
afterAll(() => engine?.stop());

async function zbctl(...args: string[]): Promise<string> {
  const { stdout } = await run(ZBCTL, [...args, '--insecure', '--address', engine.address], {
    timeout: 20_000,
    env: { PATH: process.env.PATH ?? '', HOME: tmpdir() },
  });
  return stdout;
}

/** zbctl prints JSON results with lowerCamelCase fields. */
function json(text: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`not a JSON object: ${text}`);
  return Object.fromEntries(Object.entries(parsed));
}

describe('zbctl', () => {
  it('prints the cluster status of the single broker', async () => {
    // when
    const status = await zbctl('status');

    // then
    expect(status).toContain('Cluster size: 1');
    expect(status).toContain('Partitions count: 1');
    expect(status).toMatch(/Partition 1 : Leader, Healthy/);
    expect(status).toMatch(/Gateway version: 8\.3\.\d+/);
  });

  it('deploys a process, starts an instance, activates and completes its job', async () => {
    // given
    const fixture = uniqueFixture('one-task.bpmn', 'zbctl');
    const dir = await mkdtemp(join(tmpdir(), 'zbctl-'));
    const file = join(dir, 'one-task.bpmn');
    await writeFile(file, fixture.xml);

    // when
    const deployed = json(await zbctl('deploy', 'resource', file));
    const created = json(
      await zbctl(
        'create',
        'instance',
        fixture.id('Process_OneTask'),
        '--variables',
        '{"applicant":"zbctl"}',
      ),
    );
    const activated = json(
      await zbctl(
        'activate',
        'jobs',
        fixture.type('work'),
        '--maxJobsToActivate',
        '1',
        '--requestTimeout',
        '5s',
      ),
    );
    const jobs = Array.isArray(activated['jobs']) ? activated['jobs'] : [];
    const job: unknown = jobs[0];
    const jobKey = job && typeof job === 'object' && 'key' in job ? String(job.key) : '';
    await zbctl('complete', 'job', jobKey, '--variables', '{"done":true}');

    // then
    expect(String(deployed['key'])).toMatch(/^\d+$/);
    expect(created).toMatchObject({ bpmnProcessId: fixture.id('Process_OneTask'), version: 1 });
    expect(jobs).toHaveLength(1);
    expect(job).toMatchObject({ type: fixture.type('work'), variables: '{"applicant":"zbctl"}' });
    const view = await eventually(
      () => engine.inspector.getProcessInstance(String(created['processInstanceKey'])),
      (found) => found?.state === 'COMPLETED',
    );
    expect(view?.state).toBe('COMPLETED');
  });
});
