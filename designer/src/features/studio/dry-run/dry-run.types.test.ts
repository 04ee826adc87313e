import { describe, expect, it } from 'vitest';
import { parseDryRun, parseDryRunList } from './dry-run.types.ts';

const run = {
  id: '6f1c3a52-8d0e-4b7a-9c61-2f5d8e7a4b10',
  bundleKey: 'newborn',
  draftVersion: 4,
  citizen: 'citizen1',
  processInstanceKey: '2251799813685300',
  processDefinitionKey: '2251799813685290',
  bpmnProcessId: 'onething-newborn__dryrun',
  state: 'CANCELLED',
  cancelReason: 'expired',
  startedAt: '2026-11-20T10:00:00.000Z',
  startedBy: 'designer1',
  endedAt: '2026-11-27T10:30:00.000Z',
  elements: [],
  incidents: [],
  variables: {},
  outcomes: [],
  tasks: [],
};

describe('parseDryRun', () => {
  it('reads why a run was cancelled, and no reason for one that was not', () => {
    expect(parseDryRun(run)?.cancelReason).toBe('expired');
    expect(parseDryRun({ ...run, cancelReason: 'designer' })?.cancelReason).toBe('designer');
    expect(parseDryRun({ ...run, state: 'ACTIVE', cancelReason: null, endedAt: null })?.cancelReason).toBe(
      null,
    );
  });

  it.each([
    ['an unknown reason', 'timeout'],
    ['no reason at all', undefined],
    ['a reason that is no text', 1],
  ])('rejects a run with %s', (_, cancelReason) => {
    expect(parseDryRun({ ...run, cancelReason })).toBeUndefined();
  });
});

const summary = {
  id: '6f1c3a52-8d0e-4b7a-9c61-2f5d8e7a4b10',
  draftVersion: 4,
  citizen: 'citizen1',
  processInstanceKey: '2251799813685300',
  state: 'cancelled',
  cancelReason: 'expired',
  startedAt: '2026-11-20T10:00:00.000Z',
  startedBy: 'designer1',
};

describe('parseDryRunList', () => {
  it('reads the bundle’s runs, an empty list included', () => {
    const running = { ...summary, id: 'r2', state: 'running', cancelReason: null };
    expect(parseDryRunList([running, summary])).toEqual([running, summary]);
    expect(parseDryRunList([])).toEqual([]);
  });

  it.each([
    ['an unknown state', { state: 'ACTIVE' }],
    ['an unknown cancel reason', { cancelReason: 'timeout' }],
    ['no cancel reason at all', { cancelReason: undefined }],
    ['a draft version that is no number', { draftVersion: '4' }],
    ['no id', { id: undefined }],
    ['no test citizen', { citizen: null }],
    ['no process instance', { processInstanceKey: 2251799813685300 }],
    ['no start time', { startedAt: undefined }],
    ['no starter', { startedBy: 7 }],
  ])('rejects the whole list for a row with %s', (_, over) => {
    expect(parseDryRunList([summary, { ...summary, ...over }])).toBeUndefined();
  });

  it('rejects a body that is no list', () => {
    expect(parseDryRunList({ runs: [summary] })).toBeUndefined();
    expect(parseDryRunList([null])).toBeUndefined();
  });
});
