import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CIVIL_OPERATIONS } from './civil/civil.plugin.ts';
import { HEALTH_OPERATIONS } from './health/health.plugin.ts';
import { HR_OPERATIONS } from './hr/hr.plugin.ts';
import { TAX_OPERATIONS } from './tax/tax.plugin.ts';

const OPERATIONS = {
  civil: CIVIL_OPERATIONS,
  health: HEALTH_OPERATIONS,
  hr: HR_OPERATIONS,
  tax: TAX_OPERATIONS,
};

/** Each operation's route and rejection codes as OPERATIONS.md writes them. */
function readContract(): Map<string, { path: string; rejections: string[] }> {
  const operations = new Map<string, { path: string; rejections: string[] }>();
  let current: { path: string; rejections: string[] } | undefined;
  let inRejections = false;
  for (const line of readFileSync(new URL('../OPERATIONS.md', import.meta.url), 'utf8').split('\n')) {
    const header = /^\*\*([a-z-]+)\*\* — .*`POST (\/registries\/[a-z]+\/[a-z-]+)`/.exec(line);
    if (header?.[1] && header[2]) {
      current = { path: header[2], rejections: [] };
      operations.set(header[1], current);
      inRejections = false;
    } else if (current && line.startsWith('Rejections:')) {
      inRejections = true;
    }
    if (current && inRejections) {
      if (line.trim() === '') {
        current = undefined;
        continue;
      }
      for (const code of line.match(/`[A-Z_]{4,}`/g) ?? []) current.rejections.push(code.slice(1, -1));
    }
  }
  return operations;
}

describe('operations against OPERATIONS.md', () => {
  const contract = readContract();
  const all = Object.entries(OPERATIONS).flatMap(([dept, operations]) =>
    operations.map((operation) => ({ dept, operation })),
  );

  it('implements every operation of the contract at its route', () => {
    expect(all.map(({ operation }) => operation.name).sort()).toEqual([...contract.keys()].sort());
    for (const { dept, operation } of all) {
      expect(`/registries/${dept}${operation.path}`, operation.name).toBe(contract.get(operation.name)?.path);
    }
  });

  it('declares exactly the rejection codes the contract lists for each operation', () => {
    for (const { operation } of all) {
      expect([...operation.rejections].sort(), operation.name).toEqual(
        [...new Set(contract.get(operation.name)?.rejections)].sort(),
      );
      if (operation.duplicate) expect(operation.rejections, operation.name).toContain(operation.duplicate);
    }
  });
});
