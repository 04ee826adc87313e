import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The api package folder, found from this file rather than from the working directory. */
export const apiRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The repository root (the workspace that holds `api/`, `designer/`, ...). */
export const repoRoot = resolve(apiRoot, '..');

/** Where the designer's production build lands. */
export const designerDist = resolve(repoRoot, 'designer', 'dist');

/** The api's TypeScript migrations (listed in its index.ts). */
export const migrationsFolder = resolve(apiRoot, 'src', 'migrations');
