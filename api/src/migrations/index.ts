import type { MigrationObject } from '@mikro-orm/core';
import { Migration20261129080000 } from './Migration20261129080000.ts';
import { Migration20261129091928 } from './Migration20261129091928.ts';
import { Migration20261129105000 } from './Migration20261129105000.ts';
import { Migration20261129110500 } from './Migration20261129110500.ts';
import { Migration20261129111800_bundleVersions } from './Migration20261129111800_bundleVersions.ts';
import { Migration20261129113000 } from './Migration20261129113000.ts';
import { Migration20261129114100 } from './Migration20261129114100.ts';
import { Migration20261129115002_taskListIndexes } from './Migration20261129115002_taskListIndexes.ts';
import { Migration20261129122000 } from './Migration20261129122000.ts';
import { Migration20261129140000 } from './Migration20261129140000.ts';
import { Migration20261129143000_dryRuns } from './Migration20261129143000_dryRuns.ts';
import { Migration20261129150500_apiRole } from './Migration20261129150500_apiRole.ts';
import { Migration20261129153000_progressCursor } from './Migration20261129153000_progressCursor.ts';
import { Migration20261129154000_prefilledShare } from './Migration20261129154000_prefilledShare.ts';
import { Migration20261129174258_progressFailures } from './Migration20261129174258_progressFailures.ts';
import { Migration20261129175604_dryRunExpiry } from './Migration20261129175604_dryRunExpiry.ts';

/**
 * Every migration, oldest first. They are listed rather than discovered from
 * the folder so that they run the same under tsx, Vitest and any bundler; a
 * test fails when a migration file is missing from this list. Written by
 * write-index.ts (pnpm --filter @onething/api migration:create).
 */
export const migrationsList: MigrationObject[] = [
  { name: 'Migration20261129080000', class: Migration20261129080000 },
  { name: 'Migration20261129091928', class: Migration20261129091928 },
  { name: 'Migration20261129105000', class: Migration20261129105000 },
  { name: 'Migration20261129110500', class: Migration20261129110500 },
  { name: 'Migration20261129111800_bundleVersions', class: Migration20261129111800_bundleVersions },
  { name: 'Migration20261129113000', class: Migration20261129113000 },
  { name: 'Migration20261129114100', class: Migration20261129114100 },
  { name: 'Migration20261129115002_taskListIndexes', class: Migration20261129115002_taskListIndexes },
  { name: 'Migration20261129122000', class: Migration20261129122000 },
  { name: 'Migration20261129140000', class: Migration20261129140000 },
  { name: 'Migration20261129143000_dryRuns', class: Migration20261129143000_dryRuns },
  { name: 'Migration20261129150500_apiRole', class: Migration20261129150500_apiRole },
  { name: 'Migration20261129153000_progressCursor', class: Migration20261129153000_progressCursor },
  { name: 'Migration20261129154000_prefilledShare', class: Migration20261129154000_prefilledShare },
  { name: 'Migration20261129174258_progressFailures', class: Migration20261129174258_progressFailures },
  { name: 'Migration20261129175604_dryRunExpiry', class: Migration20261129175604_dryRunExpiry },
];
