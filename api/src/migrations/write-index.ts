import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { migrationsFolder } from '../paths.ts';

/** Rewrites index.ts to list every migration file of the folder, oldest first. */
export async function writeMigrationsIndex(folder = migrationsFolder): Promise<void> {
  const files = (await readdir(folder)).filter((file) => /^Migration\d{14}.*\.ts$/.test(file)).sort();
  const migrations = await Promise.all(
    files.map(async (file) => {
      const source = await readFile(join(folder, file), 'utf8');
      const className = /export class (\w+)/.exec(source)?.[1];
      if (className === undefined) throw new Error(`${file} exports no migration class`);
      return { file, className, name: file.replace(/\.ts$/, '') };
    }),
  );
  const source = [
    "import type { MigrationObject } from '@mikro-orm/core';",
    ...migrations.map((m) => `import { ${m.className} } from './${m.file}';`),
    '',
    '/**',
    ' * Every migration, oldest first. They are listed rather than discovered from',
    ' * the folder so that they run the same under tsx, Vitest and any bundler; a',
    ' * test fails when a migration file is missing from this list. Written by',
    ' * write-index.ts (pnpm --filter @onething/api migration:create).',
    ' */',
    'export const migrationsList: MigrationObject[] = [',
    ...migrations.map((m) => `  { name: '${m.name}', class: ${m.className} },`),
    '];',
    '',
  ].join('\n');
  await writeFile(join(folder, 'index.ts'), source);
}
